import type { ApiServer } from '../api/api-server.ts';
import type { ClusterNode, NodeCondition, Pod, Taint, Toleration } from '../api/types.ts';

export const unreachableTaint = 'node.kubernetes.io/unreachable';
export const unschedulableTaint = 'node.kubernetes.io/unschedulable';

/**
 * Node lifecycle controller: a node whose kubelet stops posting status turns Ready=Unknown and
 * gets the `unreachable` NoSchedule and NoExecute taints; they go when it answers again.
 * Upstream waits the node-monitor grace period (~40 s) first; here the change is immediate.
 */
export function nodeLifecycleController(api: ApiServer): void {
  for (const node of api.list('Node')) {
    const machine = api.state.machines[node.metadata.name];
    const answering = Boolean(machine?.up && machine.registered);
    if (answering) {
      setReady(api, node, 'True', 'KubeletReady', 'kubelet is posting ready status');
      setTaints(
        node,
        (node.spec.taints ?? []).filter((t) => t.key !== unreachableTaint),
      );
    } else {
      const neverPosted =
        !node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True') && !machine;
      if (neverPosted)
        setReady(api, node, 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.');
      else setReady(api, node, 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.');
      const taints = node.spec.taints ?? [];
      const missing = (['NoSchedule', 'NoExecute'] as const).filter(
        (effect) => !taints.some((t) => t.key === unreachableTaint && t.effect === effect),
      );
      if (missing.length > 0) {
        const added: Taint[] = missing.map((effect) => ({
          key: unreachableTaint,
          effect,
          ...(effect === 'NoExecute' ? { timeAdded: api.timestamp() } : {}),
        }));
        setTaints(node, [...taints, ...added]);
      }
    }
  }
}

function setTaints(node: ClusterNode, taints: Taint[]): void {
  const current = node.spec.taints ?? [];
  if (current.length === taints.length && current.every((t, i) => t === taints[i])) return;
  if (taints.length === 0) delete node.spec.taints;
  else node.spec.taints = taints;
}

function setReady(
  api: ApiServer,
  node: ClusterNode,
  status: NodeCondition['status'],
  reason: string,
  message: string,
) {
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  if (ready?.status === status && ready.reason === reason) return;
  const condition: NodeCondition = {
    type: 'Ready',
    status,
    reason,
    message,
    lastHeartbeatTime: api.timestamp(),
    lastTransitionTime: api.timestamp(),
  };
  node.status.conditions = [...node.status.conditions.filter((c) => c.type !== 'Ready'), condition];
  if (status !== 'True' && ready?.status === 'True') {
    api.recordEvent(
      node,
      'Normal',
      'NodeNotReady',
      `Node ${node.metadata.name} status is now: NodeNotReady`,
      {
        component: 'node-controller',
      },
    );
  }
}

export function isNodeReady(node: ClusterNode | undefined): boolean {
  return node?.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (!toleration.key) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

/** When a pod on this node must be evicted for its NoExecute taints: now, later, or never. */
export function evictionTime(pod: Pod, node: ClusterNode): number | undefined {
  let at: number | undefined;
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect !== 'NoExecute') continue;
    const added = taint.timeAdded ? Date.parse(taint.timeAdded) : 0;
    const matching = (pod.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (matching.length === 0) return added;
    const seconds = Math.min(...matching.map((t) => t.tolerationSeconds ?? Number.POSITIVE_INFINITY));
    if (Number.isFinite(seconds)) at = Math.min(at ?? Number.POSITIVE_INFINITY, added + seconds * 1000);
  }
  return at;
}

/**
 * Taint-based eviction (taint-eviction-controller): pods on a node with a NoExecute taint they do
 * not tolerate are deleted, after their tolerationSeconds (300 s by default for unreachable).
 * The kubelet cannot confirm, so they stay Terminating until the node returns or is deleted.
 */
export function taintEvictionController(api: ApiServer): void {
  for (const pod of api.list('Pod')) {
    if (!pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
    const node = api.get('Node', pod.spec.nodeName);
    if (!node) continue;
    const at = evictionTime(pod, node);
    if (at === undefined || at > api.now) continue;
    api.recordEvent(
      pod,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      {
        component: 'taint-eviction-controller',
      },
    );
    api.delete(pod);
  }
}

export function taintEvictionDeadline(api: ApiServer): number | undefined {
  let next: number | undefined;
  for (const pod of api.list('Pod')) {
    if (!pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
    const node = api.get('Node', pod.spec.nodeName);
    const at = node ? evictionTime(pod, node) : undefined;
    if (at !== undefined && at > api.now) next = Math.min(next ?? at, at);
  }
  return next;
}
