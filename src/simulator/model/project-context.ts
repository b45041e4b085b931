import type { ClusterState } from '../../sim/view.ts';
import type { DiagramEdge, DiagramLabels, DiagramNode, ItemData } from './diagram-types.ts';
import { itemId } from './ids.ts';
import type { MoveOverlay } from './project-move.ts';
import type { SlotMemory } from './slots.ts';

/** What the parts of one projection share: the input, the remembered slots, and the output lists. */
export interface ProjectContext {
  cluster: ClusterState;
  labels: DiagramLabels;
  /** The latest move, as far as its stage shows it. */
  move: MoveOverlay;
  /** Slots of a row or grid, remembered from the previous projection under `key`. */
  slotsOf: (key: string, keys: string[], alias?: [string, string]) => SlotMemory;
  /** Kubernetes nodes and the pending box: they come first, as React Flow wants parents first. */
  regions: DiagramNode[];
  /** What sits inside a region: pods, ghosts, directories. */
  inside: DiagramNode[];
  /** The storage lane under the regions. */
  storage: DiagramNode[];
  edges: DiagramEdge[];
}

/** A diagram item: its id comes from its data, its React Flow type is its kind. */
export function itemNode(data: ItemData, props: Omit<DiagramNode, 'id' | 'type' | 'data'>): DiagramNode {
  return { id: itemId(data), type: data.kind, data, ...props };
}
