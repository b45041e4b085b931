import type { ApiServer } from './api-server.ts';
import { defaultStorageClass } from './storage-classes.ts';
import type {
  ClusterNode,
  Deployment,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodSpec,
  ReplicaSet,
  StatefulSet,
  StorageClass,
} from './types.ts';

export const pvcProtectionFinalizer = 'kubernetes.io/pvc-protection';
export const pvProtectionFinalizer = 'kubernetes.io/pv-protection';

/**
 * Defaulting plus the admission plugins that matter for storage, applied on create:
 * DefaultStorageClass, StorageObjectInUseProtection (finalizers), DefaultTolerationSeconds.
 */
export function admitOnCreate(api: ApiServer, object: KubeObject): void {
  switch (object.kind) {
    case 'Pod':
      defaultPodSpec(object.spec);
      admitPod(object);
      break;
    case 'PersistentVolumeClaim':
      admitClaim(api, object);
      break;
    case 'PersistentVolume':
      admitVolume(object);
      break;
    case 'StorageClass':
      defaultStorageClassFields(object);
      break;
    case 'ReplicaSet':
    case 'Deployment':
      defaultWorkload(object);
      break;
    case 'StatefulSet':
      defaultStatefulSet(object);
      break;
    case 'Node':
      defaultNode(object);
      break;
    default:
      break;
  }
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const volume of spec.volumes ?? []) {
    if (volume.hostPath) volume.hostPath.type ??= '';
  }
}

function admitPod(pod: Pod): void {
  // DefaultTolerationSeconds: pods ride out a lost node for 5 minutes before eviction.
  const tolerations = (pod.spec.tolerations ??= []);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t.key === key && (t.effect === 'NoExecute' || !t.effect))) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  }
  pod.status = {
    phase: 'Pending',
    qosClass: pod.spec.containers.some((c) => c.resources?.limits) ? 'Burstable' : 'BestEffort',
  };
}

function admitClaim(api: ApiServer, pvc: PersistentVolumeClaim): void {
  pvc.spec.volumeMode ??= 'Filesystem';
  // DefaultStorageClass: only an unset class gets the default; "" explicitly means "no class".
  if (pvc.spec.storageClassName === undefined || pvc.spec.storageClassName === null) {
    const fallback = defaultStorageClass(api);
    if (fallback) pvc.spec.storageClassName = fallback.metadata.name;
    else delete pvc.spec.storageClassName;
  }
  addFinalizer(pvc, pvcProtectionFinalizer);
  pvc.status = { phase: 'Pending' };
}

function admitVolume(pv: PersistentVolume): void {
  pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
  pv.spec.volumeMode ??= 'Filesystem';
  if (pv.spec.hostPath) pv.spec.hostPath.type ??= '';
  addFinalizer(pv, pvProtectionFinalizer);
  pv.status = { phase: 'Pending' };
}

function defaultStorageClassFields(sc: StorageClass): void {
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}

function defaultWorkload(object: ReplicaSet | Deployment): void {
  object.spec.replicas ??= 1;
  defaultPodSpec(object.spec.template.spec);
  if (object.kind === 'Deployment') object.spec.strategy ??= { type: 'RollingUpdate' };
  object.status = { replicas: 0 };
}

function defaultStatefulSet(sts: StatefulSet): void {
  sts.spec.replicas ??= 1;
  sts.spec.podManagementPolicy ??= 'OrderedReady';
  sts.spec.persistentVolumeClaimRetentionPolicy = {
    whenDeleted: sts.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted ?? 'Retain',
    whenScaled: sts.spec.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain',
  };
  defaultPodSpec(sts.spec.template.spec);
  for (const template of sts.spec.volumeClaimTemplates ?? []) template.spec.volumeMode ??= 'Filesystem';
  sts.status = { replicas: 0 };
}

function defaultNode(node: ClusterNode): void {
  node.spec ??= {};
  node.metadata.labels = { 'kubernetes.io/hostname': node.metadata.name, ...node.metadata.labels };
  // A Node object nobody's kubelet has reported on yet: the node lifecycle controller fills this in.
  node.status ??= {
    capacity: {},
    allocatable: {},
    conditions: [],
    addresses: [],
    nodeInfo: { kubeletVersion: '', containerRuntimeVersion: '', osImage: '', kernelVersion: '' },
  };
}

export function addFinalizer(object: KubeObject, finalizer: string): void {
  const finalizers = (object.metadata.finalizers ??= []);
  if (!finalizers.includes(finalizer)) finalizers.push(finalizer);
}

/**
 * Defaults inside a spec, applied again after an update: `apply` replaces lists whole (volumes,
 * claim templates), and the API server defaults the new elements exactly as on create.
 */
export function defaultSpecAfterUpdate(object: KubeObject): void {
  switch (object.kind) {
    case 'Pod':
      defaultPodSpec(object.spec);
      break;
    case 'ReplicaSet':
    case 'Deployment':
      defaultPodSpec(object.spec.template.spec);
      break;
    case 'StatefulSet':
      defaultPodSpec(object.spec.template.spec);
      for (const template of object.spec.volumeClaimTemplates ?? [])
        template.spec.volumeMode ??= 'Filesystem';
      break;
    case 'PersistentVolume':
      if (object.spec.hostPath) object.spec.hostPath.type ??= '';
      object.spec.volumeMode ??= 'Filesystem';
      break;
    case 'PersistentVolumeClaim':
      object.spec.volumeMode ??= 'Filesystem';
      break;
    default:
      break;
  }
}
