import type { ClusterState } from '../../sim/view.ts';
import type { MoveConsequence } from '../../sim/view.ts';
import type { DiagramEdge, DiagramLabels, DiagramNode } from './diagram-types.ts';
import type { SlotMemory } from './slots.ts';

/** What the parts of one projection share: the input, the remembered slots, and the output lists. */
export interface ProjectContext {
  cluster: ClusterState;
  labels: DiagramLabels;
  consequence: MoveConsequence | undefined;
  stage: number;
  /** Slots of a row or grid, remembered from the previous projection under `key`. */
  slotsOf: (key: string, keys: string[], alias?: [string, string]) => SlotMemory;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}
