/**
 * Small manifest builders for the rule tests: each returns YAML for `kubectl apply -f -`.
 * Indentation matters: the `volumes`/`mounts` snippets are written at pod-spec level (2 spaces)
 * and re-indented for templates.
 */
import type { KubeEvent } from '../../../src/sim/api/types.ts';
import type { SimDriver } from '../../helpers/sim-driver.ts';

const indent = (text: string, by: number) => text.replace(/^/gm, ' '.repeat(by));

export interface PodOptions {
  volumes?: string;
  mounts?: string;
  nodeSelector?: Record<string, string>;
  nodeName?: string;
  labels?: Record<string, string>;
  tolerations?: string;
}

function podSpec(options: PodOptions): string {
  const lines = ['containers:', '- name: app', '  image: busybox:1.36'];
  if (options.mounts) lines.push('  volumeMounts:', indent(options.mounts, 2));
  if (options.nodeName) lines.push(`nodeName: ${options.nodeName}`);
  if (options.nodeSelector) {
    lines.push('nodeSelector:', ...Object.entries(options.nodeSelector).map(([k, v]) => `  ${k}: ${v}`));
  }
  if (options.tolerations) lines.push('tolerations:', options.tolerations);
  if (options.volumes) lines.push('volumes:', options.volumes);
  return lines.join('\n');
}

const labelLines = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}: "${v}"`)
    .join('\n');

export function pod(name: string, options: PodOptions = {}): string {
  const labels = options.labels ? `  labels:\n${indent(labelLines(options.labels), 4)}\n` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${labels}spec:\n${indent(podSpec(options), 2)}\n`;
}

/** A volume + mount pair at /data. */
export const claimVolume = (claim: string) => ({
  volumes: `- name: data\n  persistentVolumeClaim:\n    claimName: ${claim}`,
  mounts: '- name: data\n  mountPath: /data',
});
export const emptyDirVolume = {
  volumes: '- name: data\n  emptyDir: {}',
  mounts: '- name: data\n  mountPath: /data',
};
export const hostPathVolume = (path: string, type = 'DirectoryOrCreate') => ({
  volumes: `- name: data\n  hostPath:\n    path: ${path}\n    type: ${type}`,
  mounts: '- name: data\n  mountPath: /data',
});

export function workload(
  kind: 'Deployment' | 'ReplicaSet',
  name: string,
  replicas: number,
  options: PodOptions = {},
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
${indent(podSpec(options), 6)}
`;
}

export interface StatefulSetOptions extends PodOptions {
  replicas?: number;
  whenDeleted?: 'Retain' | 'Delete';
  whenScaled?: 'Retain' | 'Delete';
  storageClassName?: string;
  size?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
}

export function statefulSet(name: string, options: StatefulSetOptions = {}): string {
  const policy =
    options.whenDeleted || options.whenScaled
      ? `  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: ${options.whenDeleted ?? 'Retain'}\n    whenScaled: ${options.whenScaled ?? 'Retain'}\n`
      : '';
  const management = options.podManagementPolicy
    ? `  podManagementPolicy: ${options.podManagementPolicy}\n`
    : '';
  const cls =
    options.storageClassName !== undefined ? `      storageClassName: ${options.storageClassName}\n` : '';
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  replicas: ${options.replicas ?? 1}
  serviceName: ${name}
${management}${policy}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${indent(podSpec({ ...options, mounts: '- name: data\n  mountPath: /data' }), 6)}
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
${cls}      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: ${options.size ?? '1Gi'}
`;
}

export function pvc(
  name: string,
  options: { size?: string; storageClassName?: string; volumeName?: string; modes?: string } = {},
): string {
  const cls =
    options.storageClassName !== undefined ? `  storageClassName: "${options.storageClassName}"\n` : '';
  const volume = options.volumeName ? `  volumeName: ${options.volumeName}\n` : '';
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
${cls}${volume}  accessModes: [${options.modes ?? 'ReadWriteOnce'}]
  resources:
    requests:
      storage: ${options.size ?? '1Gi'}
`;
}

export function pv(
  name: string,
  options: {
    size?: string;
    storageClassName?: string;
    policy?: string;
    source?: string;
    node?: string;
    modes?: string;
  } = {},
): string {
  const affinity = options.node
    ? `  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [${options.node}]
`
    : '';
  const source =
    options.source ??
    (options.node
      ? `local:\n  path: /mnt/disks/${name}`
      : `nfs:\n  server: nfs.example\n  path: /exports/${name}`);
  return `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  storageClassName: "${options.storageClassName ?? ''}"
  capacity:
    storage: ${options.size ?? '1Gi'}
  accessModes: [${options.modes ?? 'ReadWriteOnce'}]
  persistentVolumeReclaimPolicy: ${options.policy ?? 'Retain'}
${indent(source, 2)}
${affinity}`;
}

export const localClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
`;

/** Events with their source component, as `component: Type Reason: message`. */
export function eventsFrom(sim: SimDriver, objectName?: string): string[] {
  return (Object.values(sim.state.objects.Event) as KubeEvent[])
    .filter((e) => !objectName || e.involvedObject.name === objectName)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.source.component}: ${e.type} ${e.reason}: ${e.message}`);
}

/** The STATUS column of `kubectl get pods` for one pod. */
export function podStatusOf(sim: SimDriver, name: string): string | undefined {
  const table = sim.run(`kubectl get pod ${name}`).stdout.split('\n');
  return table[1]?.split(/\s{2,}/)[2];
}

/** Rows of a `kubectl get` table as column arrays (header excluded). */
export function rows(output: string): string[][] {
  return output
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(/\s{2,}/));
}

/** Asserts a command succeeded and returns its stdout. */
export function ok(result: { stdout: string; stderr: string; exitCode: number }): string {
  if (result.exitCode !== 0) throw new Error(`command failed (${result.exitCode}): ${result.stderr}`);
  return result.stdout;
}

/** Creates a directory on a node's disk (as an admin would for a local PV), via a hostPath pod. */
export function makeNodeDir(sim: SimDriver, node: string, path: string): void {
  ok(
    sim.apply(
      pod('mkdir-helper', {
        ...hostPathVolume(path),
        nodeSelector: { 'kubernetes.io/hostname': node },
      }),
    ),
  );
  ok(sim.run('kubectl delete pod mkdir-helper'));
}
