import { admitOnCreate } from '../../api/admission.ts';
import type { ApiServer } from '../../api/api-server.ts';
import type { KubeObject, OwnerReference, Pod, PodTemplateSpec } from '../../api/types.ts';
import { cloneJson } from '../../lib/clone.ts';

export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isOwnedBy(object: KubeObject, owner: KubeObject): boolean {
  return (
    object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid && ref.controller) ?? false
  );
}

/** A pod that counts toward replicas: not being deleted, not finished (FilterActivePods). */
export function isActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

export function isRunningAndReady(pod: Pod): boolean {
  return (
    pod.status.phase === 'Running' &&
    (pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false)
  );
}

/**
 * Creates a pod from a controller's template. A pending `sim move` for this owner steers the new
 * pod to its target with a `kubernetes.io/hostname` node selector.
 */
export function createPodFromTemplate(
  api: ApiServer,
  owner: KubeObject,
  template: PodTemplateSpec,
  name: string,
  extraLabels: Record<string, string> = {},
): Pod {
  const spec = cloneJson(template.spec);
  const steer = api.state.steer[owner.metadata.uid];
  if (steer) {
    spec.nodeSelector = { ...spec.nodeSelector, 'kubernetes.io/hostname': steer };
    delete api.state.steer[owner.metadata.uid];
  }
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace ?? 'default',
      uid: '',
      creationTimestamp: '',
      labels: { ...template.metadata?.labels, ...extraLabels },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec,
    status: { phase: 'Pending' },
  };
  admitOnCreate(api, pod);
  return api.create(pod);
}
