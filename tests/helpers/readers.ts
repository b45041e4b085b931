import type { KubeEvent, PersistentVolume } from '../../src/sim/api/types.ts';
import type { CommandResult } from '../../src/sim/kubectl/command.ts';
import type { SimDriver } from './sim-driver.ts';

/**
 * Readers of a simulated cluster for assertions: first what a learner reads (kubectl's tables,
 * events, files as a container sees them), then what is stored (objects, events, disks), then the
 * texts kubectl and the scheduler are expected to print. Readers only read: they never change the
 * cluster, and they return undefined for what is not there unless they say they throw.
 */

// What kubectl prints

export type TableRow = Record<string, string>;

/**
 * A kubectl table (as printed, columns aligned under their headers) as records keyed by header,
 * so tests assert what a learner reads in each column.
 */
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

/** The cells of a kubectl table's rows, split at runs of two spaces (header excluded). */
export function cells(output: string): string[][] {
  return output
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(/\s{2,}/));
}

/** One row of `kubectl get KIND` for NAME; throws when there is none. */
export function row(sim: SimDriver, kind: string, name: string): TableRow {
  const rows = parseTable(sim.run(`kubectl get ${kind}`).stdout);
  const found = rows.find((r) => r.NAME === name);
  if (!found) throw new Error(`no ${kind} ${name} in:\n${JSON.stringify(rows)}`);
  return found;
}

/** The row `kubectl get pods -o wide` prints for one pod (undefined when it is gone). */
export function podRow(sim: SimDriver, name: string): TableRow | undefined {
  return parseTable(sim.run('kubectl get pods -o wide').stdout).find((r) => r.NAME === name);
}

/** The STATUS column of `kubectl get pods` for one pod. */
export function podStatus(sim: SimDriver, name: string): string | undefined {
  return podRow(sim, name)?.STATUS;
}

/** `kubectl get events` rows about one object (`pod/web`), as `Type Reason: message`, oldest first. */
export function eventsOf(sim: SimDriver, object: string): string[] {
  return parseTable(sim.run('kubectl get events').stdout)
    .filter((r) => r.OBJECT === object)
    .map((r) => `${r.TYPE} ${r.REASON}: ${r.MESSAGE}`);
}

/** `kubectl exec POD [-c C] -- cat PATH`: a file as a container sees it. */
export function cat(sim: SimDriver, pod: string, path: string, container?: string): CommandResult {
  return sim.run(`kubectl exec ${pod}${container ? ` -c ${container}` : ''} -- cat ${path}`);
}

// What is stored

/** Stored events (about one object, by name) with their source, as `component: Type Reason: message`. */
export function eventsFrom(sim: SimDriver, objectName?: string): string[] {
  return (Object.values(sim.state.objects.Event) as KubeEvent[])
    .filter((e) => !objectName || e.involvedObject.name === objectName)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.source.component}: ${e.type} ${e.reason}: ${e.message}`);
}

/** How many times an event (object, reason) was counted: kubectl describe's "(xN over …)". */
export function eventCount(sim: SimDriver, objectName: string, reason: string): number {
  return Object.values(sim.state.objects.Event)
    .filter((e) => e.involvedObject.name === objectName && e.reason === reason)
    .reduce((total, e) => total + e.count, 0);
}

/** Dynamically provisioned volumes (named pvc-<uid>). */
export function provisioned(sim: SimDriver): PersistentVolume[] {
  return Object.values(sim.state.objects.PersistentVolume).filter((pv) =>
    pv.metadata.name.startsWith('pvc-'),
  );
}

/** Files (path → content) on the network disk KEY (`nfs:SERVER:PATH`, `csi:DRIVER/HANDLE`), or undefined once it is gone. */
export function networkFiles(sim: SimDriver, key: string): Record<string, string> | undefined {
  const tree = sim.state.disks.network[key];
  if (!tree) return undefined;
  const files: Record<string, string> = {};
  for (const [path, entry] of Object.entries(tree)) if (entry.type === 'file') files[path] = entry.content;
  return files;
}

/** Files on the network (CSI) disk of a bound claim's PV, or undefined. */
export function claimNetworkFiles(sim: SimDriver, claim: string): Record<string, string> | undefined {
  const csi = sim.pv(sim.pvc(claim)?.spec.volumeName ?? '')?.spec.csi;
  return csi ? networkFiles(sim, `csi:${csi.driver}/${csi.volumeHandle}`) : undefined;
}

/** Files (path → content) on a node's own disk under a directory. */
export function nodeFiles(sim: SimDriver, node: string, dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, entry] of Object.entries(sim.state.disks.nodes[node] ?? {})) {
    if (entry.type === 'file' && path.startsWith(`${dir}/`)) files[path] = entry.content;
  }
  return files;
}

/** A file on a node's own disk (hostPath, local PV, disk emptyDir), or undefined. */
export function nodeFile(sim: SimDriver, node: string, path: string): string | undefined {
  const entry = sim.state.disks.nodes[node]?.[path];
  return entry?.type === 'file' ? entry.content : undefined;
}

// What kubectl and the scheduler are expected to print

/** What `kubectl exec … cat` prints for a file that is not there: busybox's error, then kubectl's. */
export const cantOpen = (path: string) =>
  `cat: can't open '${path}': No such file or directory\ncommand terminated with exit code 1\n`;

/** The preemption suffix kube-scheduler appends to every FailedScheduling message. */
export const noPreemption = (nodes: number) =>
  `preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`;

/** The reason the control-plane node refuses ordinary pods. */
export const controlPlaneTaint = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

/** A FailedScheduling event as `eventsOf` shows it. */
export const failedScheduling = (detail: string, nodes = 4) =>
  `Warning FailedScheduling: 0/${nodes} nodes are available: ${detail} ${noPreemption(nodes)}`;
