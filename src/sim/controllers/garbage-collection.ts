import type { ApiServer } from '../api/api-server.ts';
import type { Kind } from '../api/types.ts';

const ownedKinds: Kind[] = ['Pod', 'ReplicaSet', 'PersistentVolumeClaim'];
const ownerKinds: Kind[] = ['Deployment', 'ReplicaSet', 'StatefulSet'];

/**
 * Garbage collector: an object whose owners (ownerReferences) are all gone is deleted
 * (background cascading deletion), e.g. a ReplicaSet's pods after the ReplicaSet.
 */
export function garbageCollector(api: ApiServer): void {
  // Only workload controllers own objects in the simulator.
  const alive = new Set<string>();
  for (const kind of ownerKinds) for (const object of api.list(kind)) alive.add(object.metadata.uid);
  for (const kind of ownedKinds) {
    for (const object of api.list(kind)) {
      const owners = object.metadata.ownerReferences ?? [];
      if (owners.length === 0 || object.metadata.deletionTimestamp) continue;
      if (owners.every((owner) => !alive.has(owner.uid))) api.delete(object);
    }
  }
}

/**
 * Pod garbage collection: pods bound to a node that no longer exists are deleted at once
 * (force), since no kubelet will ever confirm them.
 */
export function podGarbageCollector(api: ApiServer): void {
  for (const pod of api.list('Pod')) {
    if (pod.spec.nodeName && !api.get('Node', pod.spec.nodeName)) {
      api.remove(pod);
    }
  }
}
