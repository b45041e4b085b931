import { produce } from 'immer';
import type { PersistentVolume } from '../../../src/sim/api/types.ts';
import { reconcile } from '../../../src/sim/reconcile.ts';
import type { ClusterState } from '../../../src/sim/state.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/**
 * Manifest builders and readers shared by the storage rule tests (spec sections E–K). Every
 * builder returns YAML a learner could paste into `kubectl apply -f -`.
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

const shortModes: Record<string, string> = {
  RWO: 'ReadWriteOnce',
  ROX: 'ReadOnlyMany',
  RWX: 'ReadWriteMany',
  RWOP: 'ReadWriteOncePod',
};

/** `RWO,RWX` → `[ReadWriteOnce, ReadWriteMany]` (flow style). */
function modes(list: string): string {
  return `[${list
    .split(',')
    .map((m) => shortModes[m] ?? m)
    .join(', ')}]`;
}

function indentMap(map: Record<string, string> | undefined, indent: string): string {
  return Object.entries(map ?? {})
    .map(([k, v]) => `${indent}${k}: "${v}"\n`)
    .join('');
}

export interface PvOptions {
  size?: string;
  modes?: string;
  /** Omitted when undefined (no class). */
  storageClassName?: string;
  policy?: string;
  volumeMode?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  /** `name` or `name/uid`: spec.claimRef in namespace default. */
  claimRef?: string;
  /** Only this node may use the volume (spec.nodeAffinity on kubernetes.io/hostname). */
  node?: string;
  /** The volume source, as YAML lines under spec (default: hostPath /tmp/<name>). */
  source?: string;
}

export function pvYaml(name: string, o: PvOptions = {}): string {
  const [claimName, claimUid] = (o.claimRef ?? '').split('/');
  return `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
${o.labels ? `  labels:\n${indentMap(o.labels, '    ')}` : ''}${o.annotations ? `  annotations:\n${indentMap(o.annotations, '    ')}` : ''}${o.finalizers ? `  finalizers: [${o.finalizers.join(', ')}]\n` : ''}spec:
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
}${o.source ?? `  hostPath:\n    path: /tmp/${name}\n`}`;
}

export const nfsSource = (path: string) => `  nfs:\n    server: nfs.example.com\n    path: ${path}\n`;

export interface PvcOptions {
  size?: string;
  modes?: string;
  /** Omitted when undefined (unset: the default class is injected). */
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
${o.storageClassName !== undefined ? `  storageClassName: "${o.storageClassName}"\n` : ''}${o.volumeName ? `  volumeName: ${o.volumeName}\n` : ''}${o.volumeMode ? `  volumeMode: ${o.volumeMode}\n` : ''}${o.selector ? `  selector:\n    matchLabels:\n${indentMap(o.selector, '      ')}` : ''}`;
}

export interface ScOptions {
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
${o.reclaimPolicy ? `reclaimPolicy: ${o.reclaimPolicy}\n` : ''}${o.bindingMode ? `volumeBindingMode: ${o.bindingMode}\n` : ''}${o.allowVolumeExpansion !== undefined ? `allowVolumeExpansion: ${o.allowVolumeExpansion}\n` : ''}${o.parameters ? `parameters:\n${indentMap(o.parameters, '  ')}` : ''}`;
}

export interface ClaimPodOptions {
  /** Steer the pod with a nodeSelector on kubernetes.io/hostname. */
  node?: string;
  /** Bypass the scheduler with spec.nodeName. */
  nodeName?: string;
  restartPolicy?: string;
  mountPath?: string;
}

/** A busybox pod mounting claim(s) at /data (then /data2, …). */
export function claimPodYaml(name: string, claims: string | string[], o: ClaimPodOptions = {}): string {
  const list = Array.isArray(claims) ? claims : [claims];
  const mount = (i: number) => (i === 0 ? (o.mountPath ?? '/data') : `/data${i + 1}`);
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${o.restartPolicy ? `  restartPolicy: ${o.restartPolicy}\n` : ''}${o.node ? `  nodeSelector:\n    kubernetes.io/hostname: ${o.node}\n` : ''}${o.nodeName ? `  nodeName: ${o.nodeName}\n` : ''}  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
${list.map((_, i) => `    - name: v${i}\n      mountPath: ${mount(i)}\n`).join('')}  volumes:
${list.map((c, i) => `  - name: v${i}\n    persistentVolumeClaim:\n      claimName: ${c}\n`).join('')}`;
}

/** Applies manifests (joined as one multi-document file) and fails the test if kubectl refuses. */
export function apply(sim: SimDriver, ...docs: string[]): string {
  const result = sim.apply(docs.join('---\n'));
  if (result.exitCode !== 0) throw new Error(`apply failed: ${result.stderr}`);
  return result.stdout;
}

/** Runs a command and fails the test if it fails. */
export function run(sim: SimDriver, line: string): string {
  const result = sim.run(line);
  if (result.exitCode !== 0) throw new Error(`${line} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Reads a kubectl table (as printed, columns aligned under their headers) into records keyed by
 * header, so tests assert what a learner reads in each column.
 */
export function parseTable(text: string): Array<Record<string, string>> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const header = lines[0] ?? '';
  const starts: Array<{ name: string; at: number }> = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(header); m; m = re.exec(header)) starts.push({ name: m[0], at: m.index });
  return lines.slice(1).map((line) => {
    const row: Record<string, string> = {};
    starts.forEach(({ name, at }, i) => {
      const end = starts[i + 1]?.at ?? line.length;
      row[name] = line.slice(at, end).trim();
    });
    return row;
  });
}

/** One row of `kubectl get KIND` for NAME. */
export function row(sim: SimDriver, kind: string, name: string): Record<string, string> {
  const rows = parseTable(run(sim, `kubectl get ${kind}`));
  const found = rows.find((r) => r.NAME === name);
  if (!found) throw new Error(`no ${kind} ${name} in:\n${JSON.stringify(rows)}`);
  return found;
}

/** Dynamically provisioned volumes (named pvc-<uid>). */
export function provisioned(sim: SimDriver): PersistentVolume[] {
  return Object.values(sim.state.objects.PersistentVolume).filter((pv) =>
    pv.metadata.name.startsWith('pvc-'),
  );
}

/** Changes the stored state directly (what no kubectl command can do), then lets controllers run. */
export function inject(sim: SimDriver, change: (draft: ClusterState) => void): void {
  sim.state = reconcile(produce(sim.state, change));
}

/** Files (path → content) on the network disk behind a volume, or undefined once it is gone. */
export function networkFiles(sim: SimDriver, key: string): Record<string, string> | undefined {
  const tree = sim.state.disks.network[key];
  if (!tree) return undefined;
  const files: Record<string, string> = {};
  for (const [path, entry] of Object.entries(tree)) if (entry.type === 'file') files[path] = entry.content;
  return files;
}

/** Files (path → content) on a node's own disk under a directory. */
export function nodeFiles(sim: SimDriver, node: string, dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, entry] of Object.entries(sim.state.disks.nodes[node] ?? {})) {
    if (entry.type === 'file' && path.startsWith(`${dir}/`)) files[path] = entry.content;
  }
  return files;
}

export { SimDriver };

/** How many times an event (object, reason) was counted: kubectl describe's "(xN over …)". */
export function eventCount(sim: SimDriver, objectName: string, reason: string): number {
  return Object.values(sim.state.objects.Event)
    .filter((e) => e.involvedObject.name === objectName && e.reason === reason)
    .reduce((total, e) => total + e.count, 0);
}
