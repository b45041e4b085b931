/**
 * Manifest builders for the simulator tests. Every builder returns YAML a learner could paste into
 * `kubectl apply -f -`, in one dialect:
 *
 * - an object is `kindYaml(name, options)`, every option optional and named after the field it
 *   sets (`pvYaml('pv-a', { size: '5Gi', storageClassName: '' })`);
 * - a pod volume is a `VolumeSnippet` (the `volumes:` item and the container's mount) that spreads
 *   into the options of a pod or a workload (`podYaml('web', { ...claimVolume('data'), node: 'node-1' })`);
 * - snippets of YAML (volumes, mounts, PV sources, extra pod-spec lines) are written at the
 *   indentation they have in the object they go in; workload templates re-indent the pod spec.
 */

export const annBindCompleted = 'pv.kubernetes.io/bind-completed';
export const annBoundByController = 'pv.kubernetes.io/bound-by-controller';
export const annProvisionedBy = 'pv.kubernetes.io/provisioned-by';
export const annStorageProvisioner = 'volume.kubernetes.io/storage-provisioner';
export const annBetaStorageProvisioner = 'volume.beta.kubernetes.io/storage-provisioner';
export const annSelectedNode = 'volume.kubernetes.io/selected-node';
export const pvcProtection = 'kubernetes.io/pvc-protection';
export const pvProtection = 'kubernetes.io/pv-protection';
export const externalProvisionerFinalizer = 'external-provisioner.volume.kubernetes.io/finalizer';
export const diskDriver = 'disk.csi.volumelab.dev';

const indent = (text: string, by: number) => text.replace(/^/gm, ' '.repeat(by));

const shortModes: Record<string, string> = {
  RWO: 'ReadWriteOnce',
  ROX: 'ReadOnlyMany',
  RWX: 'ReadWriteMany',
  RWOP: 'ReadWriteOncePod',
};

/** `RWO,RWX` (or `ReadWriteOnce, ReadWriteMany`) → `[ReadWriteOnce, ReadWriteMany]` (flow style). */
function modes(list: string): string {
  return `[${list
    .split(',')
    .map((m) => m.trim())
    .map((m) => shortModes[m] ?? m)
    .join(', ')}]`;
}

/** `key: "value"` lines, each indented and ended by a newline. */
function quotedMap(map: Record<string, string> | undefined, by: string): string {
  return Object.entries(map ?? {})
    .map(([k, v]) => `${by}${k}: "${v}"\n`)
    .join('');
}

// PersistentVolume

/** PV volume sources, as YAML lines under `spec:`. */
export const hostPathSource = (path: string) => `  hostPath:\n    path: ${path}\n`;
export const nfsSource = (path: string, server = 'nfs.example.com') =>
  `  nfs:\n    server: ${server}\n    path: ${path}\n`;
export const localSource = (path: string) => `  local:\n    path: ${path}\n`;

export interface PvOptions {
  /** Default 1Gi. */
  size?: string;
  /** `RWO,RWX` or full names; default RWO. */
  modes?: string;
  /** Omitted when undefined (no class). */
  storageClassName?: string;
  /** Omitted when undefined (the API server defaults a static PV to Retain). */
  policy?: string;
  volumeMode?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  /** `name` or `name/uid`: spec.claimRef in namespace default. */
  claimRef?: string;
  /** Only this node may use the volume (spec.nodeAffinity on kubernetes.io/hostname). */
  node?: string;
  /** The volume source (`hostPathSource`, `nfsSource`, `localSource`…); default hostPath /tmp/NAME. */
  source?: string;
}

export function pvYaml(name: string, o: PvOptions = {}): string {
  const [claimName, claimUid] = (o.claimRef ?? '').split('/');
  return `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
${o.labels ? `  labels:\n${quotedMap(o.labels, '    ')}` : ''}${o.annotations ? `  annotations:\n${quotedMap(o.annotations, '    ')}` : ''}${o.finalizers ? `  finalizers: [${o.finalizers.join(', ')}]\n` : ''}spec:
  capacity:
    storage: ${o.size ?? '1Gi'}
  accessModes: ${modes(o.modes ?? 'RWO')}
${o.storageClassName !== undefined ? `  storageClassName: "${o.storageClassName}"\n` : ''}${o.policy ? `  persistentVolumeReclaimPolicy: ${o.policy}\n` : ''}${o.volumeMode ? `  volumeMode: ${o.volumeMode}\n` : ''}${
  o.claimRef
    ? `  claimRef:\n    namespace: default\n    name: ${claimName}\n${claimUid ? `    uid: ${claimUid}\n` : ''}`
    : ''
}${
  o.node
    ? `  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - key: kubernetes.io/hostname\n          operator: In\n          values: [${o.node}]\n`
    : ''
}${o.source ?? hostPathSource(`/tmp/${name}`)}`;
}

// PersistentVolumeClaim

export interface PvcOptions {
  /** Default 1Gi. */
  size?: string;
  /** `RWO,RWX` or full names; default RWO. */
  modes?: string;
  /** Omitted when undefined (unset: the default class is injected); `''` asks for no class. */
  storageClassName?: string;
  volumeName?: string;
  volumeMode?: string;
  selector?: Record<string, string>;
}

export function pvcYaml(name: string, o: PvcOptions = {}): string {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: ${modes(o.modes ?? 'RWO')}
  resources:
    requests:
      storage: ${o.size ?? '1Gi'}
${o.storageClassName !== undefined ? `  storageClassName: "${o.storageClassName}"\n` : ''}${o.volumeName ? `  volumeName: ${o.volumeName}\n` : ''}${o.volumeMode ? `  volumeMode: ${o.volumeMode}\n` : ''}${o.selector ? `  selector:\n    matchLabels:\n${quotedMap(o.selector, '      ')}` : ''}`;
}

// StorageClass

export interface ScOptions {
  /** Default the simulator's disk driver. */
  provisioner?: string;
  reclaimPolicy?: string;
  bindingMode?: string;
  isDefault?: boolean;
  allowVolumeExpansion?: boolean;
  parameters?: Record<string, string>;
}

export function scYaml(name: string, o: ScOptions = {}): string {
  return `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${name}
${o.isDefault ? '  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\n' : ''}provisioner: ${o.provisioner ?? diskDriver}
${o.reclaimPolicy ? `reclaimPolicy: ${o.reclaimPolicy}\n` : ''}${o.bindingMode ? `volumeBindingMode: ${o.bindingMode}\n` : ''}${o.allowVolumeExpansion !== undefined ? `allowVolumeExpansion: ${o.allowVolumeExpansion}\n` : ''}${o.parameters ? `parameters:\n${quotedMap(o.parameters, '  ')}` : ''}`;
}

/** The class for local PVs: no provisioner, binding delayed until a pod is scheduled. */
export const localClassYaml = (name: string) =>
  scYaml(name, { provisioner: 'kubernetes.io/no-provisioner', bindingMode: 'WaitForFirstConsumer' });

// Pod volumes

/** A pod volume and its mount in container `app`, as YAML lines in a Pod; spreads into `PodOptions`. */
export interface VolumeSnippet {
  /** The `volumes:` item (`  - name: …`). */
  volumes: string;
  /** The `volumeMounts:` item (`    - name: …`). */
  mounts: string;
}

/** A volume NAME with SOURCE (YAML lines under the item, `    emptyDir: {}`) mounted at MOUNTPATH. */
export const volume = (name: string, source: string, mountPath: string): VolumeSnippet => ({
  volumes: `  - name: ${name}\n${source}`,
  mounts: `    - name: ${name}\n      mountPath: ${mountPath}`,
});

export interface MountOptions {
  /** The volume's name in the pod; default `data`. */
  name?: string;
  /** Default /data. */
  mountPath?: string;
}

export const claimVolume = (
  claim: string,
  { name = 'data', mountPath = '/data', readOnly = false }: MountOptions & { readOnly?: boolean } = {},
) =>
  volume(
    name,
    `    persistentVolumeClaim:\n      claimName: ${claim}${readOnly ? '\n      readOnly: true' : ''}`,
    mountPath,
  );

export const emptyDirVolume = ({
  name = 'data',
  mountPath = '/data',
  medium,
  sizeLimit,
}: MountOptions & { medium?: string; sizeLimit?: string } = {}) => {
  const fields = [
    ...(medium ? [`      medium: ${medium}`] : []),
    ...(sizeLimit ? [`      sizeLimit: ${sizeLimit}`] : []),
  ];
  return volume(name, `    emptyDir:${fields.length ? `\n${fields.join('\n')}` : ' {}'}`, mountPath);
};

/** A hostPath volume; `type` is omitted unless given. */
export const hostPathVolume = (
  path: string,
  { name = 'data', mountPath = '/data', type }: MountOptions & { type?: string } = {},
) =>
  volume(
    name,
    `    hostPath:\n      path: ${path}${type !== undefined ? `\n      type: ${type}` : ''}`,
    mountPath,
  );

/** Several volumes in one pod. */
export const withVolumes = (...snippets: VolumeSnippet[]): VolumeSnippet => ({
  volumes: snippets.map((s) => s.volumes).join('\n'),
  mounts: snippets.map((s) => s.mounts).join('\n'),
});

// Pods and workloads

export interface PodOptions {
  /** `volumes:` items, as they stand in a Pod (`  - name: …`); see `VolumeSnippet`. */
  volumes?: string;
  /** Container `app`'s `volumeMounts:` items (`    - name: …`). */
  mounts?: string;
  /** Metadata labels: a map, or the lines under `labels:` as they stand in a Pod. */
  labels?: Record<string, string> | string;
  /** Steers the pod with a nodeSelector on kubernetes.io/hostname, as the spec recommends (A3). */
  node?: string;
  /** Bypasses the scheduler with spec.nodeName. */
  nodeName?: string;
  restartPolicy?: string;
  /** `tolerations:` items, as they stand in a Pod (`  - key: …`). */
  tolerations?: string;
  /** Further pod-spec lines (`  key: value`). */
  extraSpec?: string;
}

/** The pod spec (one busybox container `app`), as it stands under a Pod's `spec:`. */
function podSpec(o: PodOptions): string {
  const lines = ['  containers:', '  - name: app', '    image: busybox:1.36'];
  if (o.mounts) lines.push('    volumeMounts:', o.mounts);
  if (o.restartPolicy) lines.push(`  restartPolicy: ${o.restartPolicy}`);
  if (o.nodeName) lines.push(`  nodeName: ${o.nodeName}`);
  if (o.node) lines.push('  nodeSelector:', `    kubernetes.io/hostname: ${o.node}`);
  if (o.tolerations) lines.push('  tolerations:', o.tolerations);
  if (o.extraSpec) lines.push(o.extraSpec);
  if (o.volumes) lines.push('  volumes:', o.volumes);
  return lines.join('\n');
}

/** A pod with one busybox container `app`. */
export function podYaml(name: string, o: PodOptions = {}): string {
  const labels = typeof o.labels === 'string' ? `${o.labels}\n` : o.labels ? quotedMap(o.labels, '    ') : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${labels ? `  labels:\n${labels}` : ''}spec:
${podSpec(o)}
`;
}

/** A pod mounting CLAIM at /data (volume `data`). */
export const claimPodYaml = (name: string, claim: string, o: PodOptions = {}) =>
  podYaml(name, { ...claimVolume(claim), ...o });

/** A Deployment or ReplicaSet NAME whose pods (label app=NAME) are built as `podYaml` builds them. */
export function workloadYaml(
  kind: 'Deployment' | 'ReplicaSet',
  name: string,
  replicas: number,
  o: PodOptions = {},
): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${indent(podSpec(o), 4)}
`;
}

export interface StatefulSetOptions extends PodOptions {
  /** Default 1. */
  replicas?: number;
  whenDeleted?: 'Retain' | 'Delete';
  whenScaled?: 'Retain' | 'Delete';
  /** The class of the claim template; omitted when undefined. */
  storageClassName?: string;
  /** The claim template's request; default 1Gi. */
  size?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
}

/** A StatefulSet NAME (service NAME) whose pods mount their claim `data-NAME-i` at /data. */
export function statefulSetYaml(name: string, o: StatefulSetOptions = {}): string {
  const policy =
    o.whenDeleted || o.whenScaled
      ? `  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: ${o.whenDeleted ?? 'Retain'}\n    whenScaled: ${o.whenScaled ?? 'Retain'}\n`
      : '';
  const management = o.podManagementPolicy ? `  podManagementPolicy: ${o.podManagementPolicy}\n` : '';
  const cls = o.storageClassName !== undefined ? `      storageClassName: ${o.storageClassName}\n` : '';
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  replicas: ${o.replicas ?? 1}
  serviceName: ${name}
${management}${policy}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${indent(podSpec({ ...o, mounts: '    - name: data\n      mountPath: /data' }), 4)}
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
${cls}      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: ${o.size ?? '1Gi'}
`;
}
