import { expect } from 'vitest';
import type { CommandResult } from '../../../src/sim/kubectl/command.ts';
import { podYaml, SimDriver } from '../../helpers/sim-driver.ts';

/** What the volume rule tests (sections A–D, I, L) share: reading kubectl's tables and events the way a learner does. */

export type TableRow = Record<string, string>;

/** A kubectl table as rows keyed by header; columns are cut at the header's offsets. */
export function parseTable(text: string): TableRow[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const header = lines[0] ?? '';
  const columns = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index }));
  return lines.slice(1).map((line) => {
    const row: TableRow = {};
    columns.forEach((column, i) => {
      const end = columns[i + 1]?.at ?? line.length;
      row[column.name] = line.slice(column.at, end).trim();
    });
    return row;
  });
}

/** The row `kubectl get pods -o wide` prints for one pod (undefined when it is gone). */
export function podRow(sim: SimDriver, name: string): TableRow | undefined {
  return parseTable(sim.run('kubectl get pods -o wide').stdout).find((row) => row.NAME === name);
}

/** The STATUS column of `kubectl get pods` for one pod. */
export function podStatus(sim: SimDriver, name: string): string | undefined {
  return podRow(sim, name)?.STATUS;
}

/** `kubectl get events` rows about one object (`pod/web`), as `Type Reason: message`, oldest first. */
export function eventsOf(sim: SimDriver, object: string): string[] {
  return parseTable(sim.run('kubectl get events').stdout)
    .filter((row) => row.OBJECT === object)
    .map((row) => `${row.TYPE} ${row.REASON}: ${row.MESSAGE}`);
}

/** `kubectl exec POD [-c C] -- cat PATH`. */
export function cat(sim: SimDriver, pod: string, path: string, container?: string): CommandResult {
  return sim.run(`kubectl exec ${pod}${container ? ` -c ${container}` : ''} -- cat ${path}`);
}

/** What `kubectl exec … cat` prints for a file that is not there: busybox's error, then kubectl's. */
export const cantOpen = (path: string) =>
  `cat: can't open '${path}': No such file or directory\ncommand terminated with exit code 1\n`;

/** Writes a file inside a container with `kubectl exec … sh -c 'echo … > PATH'`. */
export function write(sim: SimDriver, pod: string, path: string, text: string, container?: string): void {
  const c = container ? ` -c ${container}` : '';
  const result = sim.run(`kubectl exec ${pod}${c} -- sh -c "echo ${text} > ${path}"`);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
}

/** Pod spec lines that steer a pod to one node the way the spec recommends (A3). */
export const onNode = (node: string) => `  nodeSelector:\n    kubernetes.io/hostname: ${node}`;

/** A busybox pod on NODE with one volume mounted at MOUNT. */
export function podWith(name: string, node: string | undefined, volume: string, mount: string): string {
  return podYaml(name, {
    volumes: volume,
    mounts: `    - name: ${firstName(volume)}\n      mountPath: ${mount}`,
    ...(node ? { extraSpec: onNode(node) } : {}),
  });
}

function firstName(volume: string): string {
  return /name: (\S+)/.exec(volume)?.[1] ?? 'data';
}

export const claimVolume = (claim: string, name = 'data') =>
  `  - name: ${name}\n    persistentVolumeClaim:\n      claimName: ${claim}`;

export const hostPathVolume = (path: string, type?: string, name = 'host') =>
  `  - name: ${name}\n    hostPath:\n      path: ${path}${type !== undefined ? `\n      type: ${type}` : ''}`;

export function claimYaml(name: string, options: { modes?: string; className?: string; size?: string } = {}) {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [${options.modes ?? 'ReadWriteOnce'}]
${options.className !== undefined ? `  storageClassName: "${options.className}"\n` : ''}  resources:
    requests:
      storage: ${options.size ?? '1Gi'}
`;
}

export const localClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-storage
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
`;

/** A local PV on NODE at PATH (class local-storage unless given). */
export function localPv(name: string, node: string, path: string, className = 'local-storage'): string {
  return `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  storageClassName: ${className}
  local:
    path: ${path}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [${node}]
`;
}

/**
 * What an administrator does before creating a local PV: makes its directory on the node (here
 * with a throw-away pod mounting the parent directory, type DirectoryOrCreate).
 */
export function makeNodeDir(sim: SimDriver, node: string, path: string): void {
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  sim.apply(podWith('mkdir', node, hostPathVolume(parent, 'DirectoryOrCreate', 'parent'), '/parent'));
  expect(podStatus(sim, 'mkdir')).toBe('Running');
  sim.sh('mkdir', `mkdir -p /parent/${path.slice(parent.length + 1)}`);
  sim.run('kubectl delete pod mkdir');
}

/** The preemption suffix kube-scheduler appends to every FailedScheduling message. */
export const noPreemption = (nodes: number) =>
  `preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`;

/** The reason the control-plane node refuses ordinary pods. */
export const controlPlaneTaint = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

/** The network disk of a bound claim's PV, as the simulator stores it (path → content). */
export function networkDisk(sim: SimDriver, claim: string): Record<string, unknown> | undefined {
  const pv = sim.pv(sim.pvc(claim)?.spec.volumeName ?? '');
  const csi = pv?.spec.csi;
  return csi ? sim.state.disks.network[`csi:${csi.driver}/${csi.volumeHandle}`] : undefined;
}

/** A file on a node's own disk (hostPath, local PV, disk emptyDir), or undefined. */
export function nodeFile(sim: SimDriver, node: string, path: string): string | undefined {
  const entry = sim.state.disks.nodes[node]?.[path];
  return entry?.type === 'file' ? entry.content : undefined;
}

/** A FailedScheduling event as `eventsOf` shows it. */
export const failedScheduling = (detail: string, nodes = 4) =>
  `Warning FailedScheduling: 0/${nodes} nodes are available: ${detail} ${noPreemption(nodes)}`;

/** A pod `web` using claim CLAIM (no node constraint unless given). */
export const claimPod = (claim: string, node?: string) => podWith('web', node, claimVolume(claim), '/data');

/** A static PV that binds claims of no class (`storageClassName: ""`). */
export const staticPv = (name: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  nfs:
    server: nfs.example.com
    path: /exports/${name}
`;

export { podYaml, SimDriver };
