import { type FileInfo, podFileView } from './data-view.ts';
import type { MoveRecord } from './run-result.ts';
import type { ClusterState } from './state.ts';

/**
 * What a `sim move` did to a pod's data, in facts the diagram highlights and the live region puts
 * into words. Kubernetes never moves a pod: the old one is deleted and a replacement is created, so
 * the answer is found by comparing the old pod's files (before) with its replacement's (after);
 * which pod is the replacement, the move itself reports (`RunResult.move`).
 */
export interface MoveConsequence {
  namespace: string;
  pod: string;
  from: string;
  to: string;
  /** The replacement's name (a ReplicaSet pod gets a new one); absent when none was created. */
  replacement?: string;
  /** Where the replacement runs; absent while it is Pending. */
  replacementNode?: string;
  /** The scheduler's message when the replacement stays Pending. */
  pendingReason?: string;
  /** The target node's own state, which the scheduler's per-node tally does not attribute. */
  target?: { cordoned: boolean; ready: boolean };
  /** Data that did not survive: emptyDir volumes start empty, writable layers start from the image. */
  lost: LostData[];
  /** hostPath files that stay on the old node's disk. */
  leftBehind: { volume: string; node: string; path: string; files: number }[];
  /** hostPath directories on the new node: what the replacement finds there instead. */
  foundOnNewNode: { volume: string; path: string; files: number }[];
  /** Volumes whose data lives outside the node (network disks) and so follows the pod. */
  followed: { volume: string; files: number }[];
}

export interface LostData {
  kind: 'emptyDir' | 'writable-layer';
  /** The volume (emptyDir) or the container (writable layer). */
  name: string;
  files: string[];
}

const paths = (files: FileInfo[]) => files.map((f) => f.path);

/**
 * Compares the cluster before and after a `sim move` (its `RunResult.move`); undefined if the pod
 * is still there (its node is down, so it stays Terminating and nothing has moved yet).
 */
export function moveConsequence(
  before: ClusterState,
  after: ClusterState,
  move: MoveRecord,
): MoveConsequence | undefined {
  const { namespace, pod: name, to } = move;
  const old = before.objects.Pod[`${namespace}/${name}`];
  if (
    !old ||
    before === after ||
    after.objects.Pod[`${namespace}/${name}`]?.metadata.uid === old.metadata.uid
  )
    return undefined;
  const from = old.spec.nodeName ?? '';
  const replacement = move.replacement ? after.objects.Pod[`${namespace}/${move.replacement}`] : undefined;
  const oldView = podFileView(before, namespace, name);
  const newView = replacement ? podFileView(after, namespace, replacement.metadata.name) : [];
  const newMounts = new Map(newView.flatMap((c) => c.mounts.map((m) => [m.volume, m] as const)));
  const running = Boolean(replacement?.spec.nodeName);

  const consequence: MoveConsequence = {
    namespace,
    pod: name,
    from,
    to,
    lost: [],
    leftBehind: [],
    foundOnNewNode: [],
    followed: [],
  };
  if (replacement) consequence.replacement = replacement.metadata.name;
  const targetNode = after.objects.Node[to];
  if (targetNode)
    consequence.target = {
      cordoned: Boolean(targetNode.spec.unschedulable),
      ready: targetNode.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    };
  if (running) consequence.replacementNode = replacement?.spec.nodeName ?? '';
  else {
    const scheduled = replacement?.status.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.message) consequence.pendingReason = scheduled.message;
  }

  const seen = new Set<string>();
  for (const container of oldView) {
    if (container.layerFiles.length > 0)
      consequence.lost.push({
        kind: 'writable-layer',
        name: container.container,
        files: paths(container.layerFiles),
      });
    for (const mount of container.mounts) {
      if (seen.has(mount.volume)) continue;
      seen.add(mount.volume);
      const location = mount.location;
      if (location.kind === 'emptyDir') {
        if (mount.files.length > 0)
          consequence.lost.push({ kind: 'emptyDir', name: mount.volume, files: paths(mount.files) });
      } else if (location.kind === 'hostPath') {
        if (mount.files.length > 0)
          consequence.leftBehind.push({
            volume: mount.volume,
            node: from,
            path: location.path,
            files: mount.files.length,
          });
        const now = newMounts.get(mount.volume);
        if (running && now)
          consequence.foundOnNewNode.push({
            volume: mount.volume,
            path: location.path,
            files: now.files.length,
          });
      } else if (location.kind === 'network-disk' && running) {
        consequence.followed.push({
          volume: mount.volume,
          files: newMounts.get(mount.volume)?.files.length ?? 0,
        });
      }
    }
  }
  return consequence;
}
