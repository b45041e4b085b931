import type { ClusterNode } from '../../api/types.ts';

/** STATUS of `kubectl get nodes`: Ready, NotReady or Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: ClusterNode): string {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  let status = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  if (node.spec.unschedulable) status += ',SchedulingDisabled';
  return status;
}
