import { type ClusterState, emptyObjects } from './state.ts';

/** The saved form of a cluster: versioned, so later versions can migrate older saves. */
export const clusterFormat = 'kube-volume-lab/cluster';
export const clusterFormatVersion = 1;

export function serializeCluster(state: ClusterState): string {
  return JSON.stringify({ format: clusterFormat, version: clusterFormatVersion, state });
}

type Loaded = { state: ClusterState } | { error: string };

/**
 * Reads a saved cluster. Anything unreadable (not JSON, another format, a newer version, a
 * damaged state) is refused with a short reason; the caller keeps its current cluster.
 */
export function deserializeCluster(text: string): Loaded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'the saved cluster is not valid JSON' };
  }
  if (!isRecord(value) || value.format !== clusterFormat)
    return { error: 'this is not a saved Kube Volume Lab cluster' };
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    return { error: 'the saved cluster has no valid format version' };
  }
  if (value.version > clusterFormatVersion) {
    return { error: `the saved cluster comes from a newer version (format ${String(value.version)})` };
  }
  const state = value.state;
  // Kinds added since the cluster was saved start empty (format 1 grew CSIStorageCapacity).
  if (isRecord(state) && isRecord(state.objects)) {
    for (const kind of Object.keys(emptyObjects())) state.objects[kind] ??= {};
  }
  const problem = checkState(state);
  if (problem) return { error: `the saved cluster is damaged: ${problem}` };
  return { state: state as ClusterState };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shape checks: enough that the engine can run on it without throwing. */
function checkState(state: unknown): string | undefined {
  if (!isRecord(state)) return 'no state';
  for (const key of ['now', 'rng', 'resourceVersion', 'commandSeq'] as const) {
    if (typeof state[key] !== 'number' || !Number.isFinite(state[key])) return `"${key}" is not a number`;
  }
  for (const key of ['kubelet', 'machines', 'steer', 'eventSeen'] as const)
    if (!isRecord(state[key])) return `"${key}" is missing`;
  if (!isRecord(state.objects)) return '"objects" is missing';
  for (const kind of Object.keys(emptyObjects())) {
    const store = state.objects[kind];
    if (!isRecord(store)) return `objects.${kind} is missing`;
    for (const [key, object] of Object.entries(store)) {
      if (
        !isRecord(object) ||
        !isRecord(object.metadata) ||
        typeof object.metadata.name !== 'string' ||
        object.kind !== kind
      ) {
        return `objects.${kind}["${key}"] is not a ${kind}`;
      }
      const needsSpec = !['StorageClass', 'Event', 'CSIStorageCapacity'].includes(kind);
      if (
        (needsSpec && !isRecord(object.spec)) ||
        (needsSpec && kind !== 'VolumeAttachment' && !isRecord(object.status))
      ) {
        return `objects.${kind}["${key}"] has no spec or status`;
      }
      if (kind === 'Node' && !Array.isArray((object.status as Record<string, unknown>).conditions)) {
        return `objects.Node["${key}"] has no conditions`;
      }
      if (kind === 'Pod' && !Array.isArray((object.spec as Record<string, unknown>).containers)) {
        return `objects.${kind}["${key}"] is not a ${kind}`;
      }
    }
  }
  if (!isRecord(state.disks)) return '"disks" is missing';
  for (const store of ['nodes', 'layers', 'memory', 'network'] as const) {
    const disks = state.disks[store];
    if (!isRecord(disks)) return `disks.${store} is missing`;
    for (const [key, tree] of Object.entries(disks)) {
      if (!isRecord(tree)) return `disks.${store}["${key}"] is not a disk`;
      for (const [path, entry] of Object.entries(tree)) {
        if (!path.startsWith('/') || !isRecord(entry) || typeof entry.type !== 'string')
          return `disks.${store}["${key}"] has a bad entry "${path}"`;
        if (entry.type === 'file' && typeof entry.content !== 'string')
          return `disks.${store}["${key}"]["${path}"] has no content`;
      }
    }
  }
  return undefined;
}
