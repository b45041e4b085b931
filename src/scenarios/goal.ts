import { type ClusterState, nodeDiskFiles, podFileView } from '../sim/view.ts';

/**
 * A challenge's goal: checks on the cluster and on files, all of which must hold. Language-neutral
 * (the lesson says the goal in words); the browser checks it after every command, and CI replays
 * each scenario's solution against it.
 */
export type GoalCheck =
  | {
      /** An object, by kind and name: it exists (or, with `exists: false`, it does not)… */
      object: { kind: string; name: string; namespace?: string };
      exists?: boolean;
      /** …and a field (dotted path, e.g. `status.phase`, `spec.nodeName`) equals a value. */
      field?: string;
      equals?: string | number | boolean | null;
    }
  | {
      /** How many pods match: a label selector `k=v[,k=v]`, a node, a phase. */
      pods: { selector?: string; node?: string; phase?: string };
      count: number;
    }
  | {
      /** A file as a pod's container sees it (a mount path or its writable layer). */
      file: { pod: string; path: string; container?: string; namespace?: string };
      exists?: boolean;
      contains?: string;
    }
  | {
      /** A file on a node's own disk (hostPath data, local volumes). */
      nodeFile: { node: string; path: string };
      exists?: boolean;
      contains?: string;
    };

export type Goal = GoalCheck[];

export interface CheckResult {
  check: GoalCheck;
  ok: boolean;
}

const kindCollections: Record<string, keyof ClusterState['objects']> = {
  Pod: 'Pod',
  ReplicaSet: 'ReplicaSet',
  Deployment: 'Deployment',
  StatefulSet: 'StatefulSet',
  PersistentVolumeClaim: 'PersistentVolumeClaim',
  PersistentVolume: 'PersistentVolume',
  StorageClass: 'StorageClass',
  Node: 'Node',
};
const clusterScoped = new Set(['PersistentVolume', 'StorageClass', 'Node']);

function fieldOf(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function labelsMatch(labels: Record<string, string> | undefined, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [key = '', value] = term.split('=');
    return labels?.[key.trim()] === value?.trim();
  });
}

/** What a container sees at a path: the deepest mount containing it, else its writable layer. */
export function readPodFile(
  cluster: ClusterState,
  namespace: string,
  pod: string,
  path: string,
  container?: string,
): string | undefined {
  const views = podFileView(cluster, namespace, pod);
  const view = container ? views.find((v) => v.container === container) : views[0];
  if (!view) return undefined;
  const mounts = [...view.mounts].sort((a, b) => b.mountPath.length - a.mountPath.length);
  for (const mount of mounts) {
    const base = mount.mountPath.replace(/\/$/, '');
    // A file mounted on its own (hostPath type File) is listed by its name.
    if (path === base) return mount.files.length === 1 ? mount.files[0]?.content : undefined;
    if (path.startsWith(`${base}/`))
      return mount.files.find((f) => f.path === path.slice(base.length))?.content;
  }
  return view.layerFiles.find((f) => f.path === path)?.content;
}

function fileHolds(
  content: string | undefined,
  exists: boolean | undefined,
  contains: string | undefined,
): boolean {
  if (exists === false) return content === undefined;
  if (content === undefined) return false;
  return contains === undefined || content.includes(contains);
}

export function checkOne(cluster: ClusterState, check: GoalCheck): boolean {
  if ('object' in check) {
    const collection = kindCollections[check.object.kind];
    if (!collection) return false;
    const key = clusterScoped.has(check.object.kind)
      ? check.object.name
      : `${check.object.namespace ?? 'default'}/${check.object.name}`;
    const object = (cluster.objects[collection] as Record<string, unknown>)[key];
    if (check.exists === false) return object === undefined;
    if (object === undefined) return false;
    return check.field === undefined || fieldOf(object, check.field) === check.equals;
  }
  if ('pods' in check) {
    const matching = Object.values(cluster.objects.Pod).filter(
      (pod) =>
        !pod.metadata.deletionTimestamp &&
        labelsMatch(pod.metadata.labels, check.pods.selector) &&
        (check.pods.node === undefined || pod.spec.nodeName === check.pods.node) &&
        (check.pods.phase === undefined || pod.status.phase === check.pods.phase),
    );
    return matching.length === check.count;
  }
  if ('file' in check) {
    const { pod, path, container, namespace = 'default' } = check.file;
    return fileHolds(readPodFile(cluster, namespace, pod, path, container), check.exists, check.contains);
  }
  const content = nodeDiskFiles(cluster, check.nodeFile.node).find(
    (f) => f.path === check.nodeFile.path,
  )?.content;
  return fileHolds(content, check.exists, check.contains);
}

/** Every check, and whether the goal as a whole is met. */
export function checkGoal(cluster: ClusterState, goal: Goal): { met: boolean; results: CheckResult[] } {
  const results = goal.map((check) => ({ check, ok: checkOne(cluster, check) }));
  return { met: results.length > 0 && results.every((r) => r.ok), results };
}
