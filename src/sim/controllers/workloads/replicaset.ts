import type { ApiServer } from '../../api/api-server.ts';
import type { Pod, ReplicaSet } from '../../api/types.ts';
import { createPodFromTemplate, isActive, isRunningAndReady } from './pod-from-template.ts';

const source = { component: 'replicaset-controller' };

/**
 * ReplicaSet controller: keeps `replicas` active pods. A deleted or evicted pod stops counting as
 * soon as it is Terminating, and a replacement with a new generated name and UID is created.
 */
export function replicaSetController(api: ApiServer): void {
  // Pods by controlling owner, from the round's snapshot (a pod created this round is counted
  // next round; each ReplicaSet acts once per round, so it never creates twice).
  const byOwner = new Map<string, Pod[]>();
  for (const pod of api.snapshot('Pod')) {
    const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
    if (owner) byOwner.set(owner, [...(byOwner.get(owner) ?? []), pod]);
  }
  for (const rs of api.list('ReplicaSet')) {
    if (rs.metadata.deletionTimestamp) continue;
    const active = (byOwner.get(rs.metadata.uid) ?? []).filter(isActive);
    const want = rs.spec.replicas ?? 1;
    for (let i = active.length; i < want; i++) {
      const pod = createPodFromTemplate(api, rs, rs.spec.template, `${rs.metadata.name}-${api.suffix()}`);
      api.recordEvent(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
    }
    if (active.length > want) {
      for (const base of [...active].sort(deletionOrder).slice(0, active.length - want)) {
        const pod = api.get('Pod', base.metadata.name, base.metadata.namespace);
        if (!pod) continue;
        api.delete(pod);
        api.recordEvent(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source);
      }
    }
    updateStatus(rs, active);
  }
}

/** Scale-down preference (controller.ActivePods): unscheduled, then pending, then not ready, then newest. */
function deletionOrder(a: Pod, b: Pod): number {
  const rank = (pod: Pod) =>
    !pod.spec.nodeName ? 0 : pod.status.phase === 'Pending' ? 1 : isRunningAndReady(pod) ? 3 : 2;
  return (
    rank(a) - rank(b) ||
    b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) ||
    b.metadata.name.localeCompare(a.metadata.name)
  );
}

function updateStatus(rs: ReplicaSet, active: Pod[]): void {
  const ready = active.filter(isRunningAndReady).length;
  const status = {
    replicas: active.length,
    fullyLabeledReplicas: active.length,
    readyReplicas: ready,
    availableReplicas: ready,
  };
  const current = rs.status;
  if (
    current.replicas !== status.replicas ||
    current.readyReplicas !== status.readyReplicas ||
    current.availableReplicas !== ready
  ) {
    rs.status = status;
  }
}
