import type { ClusterState, MoveConsequence } from '../../sim/view.ts';
import type { Diagram, DiagramLabels } from './diagram-types.ts';
import { storageLaneGap } from './geometry.ts';
import type { ProjectContext } from './project-context.ts';
import { moveOverlay } from './project-move.ts';
import { mountEdges } from './project-pods.ts';
import { projectRegions } from './project-regions.ts';
import { projectStorage } from './project-storage.ts';
import { assignSlots, type SlotMemory } from './slots.ts';

export type { DiagramLabels } from './diagram-types.ts';
export { nodeId, pendingId, podId } from './ids.ts';
export { mergeNodes } from './merge-nodes.ts';

/** Where items sat last time, so the layout stays put as the cluster changes. */
export type LayoutMemory = Map<string, SlotMemory>;

export interface ProjectInput {
  cluster: ClusterState;
  labels: DiagramLabels;
  memory?: LayoutMemory;
  consequence?: MoveConsequence | undefined;
  /** How far the consequence is revealed (see the store's stages). */
  stage?: number;
  /** Worker nodes per row (chosen once from the canvas width, so the layout stays put). */
  nodesPerRow?: number;
  /** Pod columns inside a worker node (1 on a phone). */
  podColumns?: number;
}

/**
 * The cluster as React Flow nodes and edges: the control plane apart, each Kubernetes node a
 * region holding its pods and its disk's directories, and below them the storage objects (classes,
 * claims, volumes) and the disks outside the cluster. Parents come before their children, as React
 * Flow requires. Pure: the same input gives the same diagram.
 */
export function projectCluster(input: ProjectInput): Diagram & { memory: LayoutMemory } {
  const { cluster, labels, consequence } = input;
  const previous = input.memory ?? new Map<string, SlotMemory>();
  const memory: LayoutMemory = new Map();
  const slotsOf = (key: string, keys: string[], alias?: [string, string]) => {
    let prior = previous.get(key);
    if (alias && prior && !prior.has(alias[1]) && prior.has(alias[0])) {
      prior = new Map(prior);
      prior.set(alias[1], prior.get(alias[0]) as number);
    }
    const slots = assignSlots(prior, keys);
    memory.set(key, slots);
    return slots;
  };
  const context: ProjectContext = {
    cluster,
    labels,
    move: moveOverlay(cluster, consequence, input.stage ?? 2),
    slotsOf,
    regions: [],
    inside: [],
    storage: [],
    edges: [],
  };

  const regions = projectRegions(context, input.nodesPerRow ?? 3, input.podColumns ?? 2);
  projectStorage(context, regions.bottom + storageLaneGap, regions.width);
  context.edges.push(...mountEdges(context));

  const nodes = [...context.regions, ...context.inside, ...context.storage];
  const items = new Map(nodes.map((node) => [node.id, node.data]));
  return {
    nodes,
    edges: context.edges.filter((e) => items.has(e.source) && items.has(e.target)),
    items,
    memory,
  };
}

/** Projects successive cluster states, remembering the layout between them (one per diagram). */
export function createLayoutKeeper(): { project: (input: Omit<ProjectInput, 'memory'>) => Diagram } {
  let memory: LayoutMemory | undefined;
  return {
    project(input) {
      const result = projectCluster({ ...input, memory });
      memory = result.memory;
      return result;
    },
  };
}
