import type { ClusterState } from '../../sim/view.ts';

/** The node a local (or node-pinned) volume lives on, from its required node affinity. */
export function pinnedNode(
  cluster: ClusterState,
  pv: ClusterState['objects']['PersistentVolume'][string],
): string | undefined {
  for (const term of pv.spec.nodeAffinity?.required?.nodeSelectorTerms ?? []) {
    for (const expression of term.matchExpressions ?? []) {
      if (expression.key === 'kubernetes.io/hostname' && expression.operator === 'In') {
        const node = expression.values?.find(
          (value) => cluster.objects.Node[value] || cluster.machines[value],
        );
        if (node) return node;
      }
    }
  }
  return undefined;
}
