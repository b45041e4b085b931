import { type ClusterState, type MoveConsequence, networkDiskKey } from '../../sim/view.ts';
import type { GhostData, PodData } from './diagram-types.ts';

/**
 * The latest move as the diagram plays it, stage by stage (see the store's stages): at stage 0 the
 * old pod shows as a ghost on its old node and the replacement is hidden; at stage 1 the
 * replacement arrives; at stage 2 the ghost is gone and the data's fate shows (files lost, left
 * behind, or following the pod on a network disk).
 */
export interface MoveOverlay {
  /** The ghost of the moved pod on this node, while there is one. */
  ghostOn: (node: string) => GhostData | undefined;
  /** Whether this pod is the move's replacement. */
  isReplacement: (pod: PodData) => boolean;
  /** The replacement as its stage shows it: arriving, with its lost files counted. */
  markReplacement: (pod: PodData) => void;
  /** Whether the move left files in this directory of this node's disk. */
  leftBehind: (node: string, path: string) => boolean;
  /** The network disks (by key) the moved pod's data followed it through. */
  followed: ReadonlySet<string>;
}

export function moveOverlay(
  cluster: ClusterState,
  consequence: MoveConsequence | undefined,
  stage: number,
): MoveOverlay {
  const isReplacement = (pod: PodData) =>
    consequence?.replacement !== undefined &&
    pod.namespace === consequence.namespace &&
    pod.name === consequence.replacement;
  return {
    ghostOn: (node) =>
      consequence && stage < 2 && consequence.from !== '' && consequence.from === node
        ? { kind: 'ghost', name: consequence.pod, namespace: consequence.namespace, node }
        : undefined,
    isReplacement,
    markReplacement: (pod) => {
      if (!consequence || !isReplacement(pod)) return;
      if (stage >= 1) pod.arriving = true;
      if (stage < 2) return;
      for (const lost of consequence.lost) {
        if (lost.kind === 'writable-layer') {
          pod.layerLost = (pod.layerLost ?? 0) + lost.files.length;
          pod.layerLostNames = [...(pod.layerLostNames ?? []), ...lost.files];
        }
        const mount = lost.kind === 'emptyDir' ? pod.mounts.find((m) => m.volume === lost.name) : undefined;
        if (mount) {
          mount.lost = lost.files.length;
          mount.lostNames = lost.files;
        }
      }
    },
    leftBehind: (node, path) =>
      consequence !== undefined &&
      stage >= 2 &&
      consequence.leftBehind.some((left) => left.node === node && left.path === path),
    followed: followedDisks(cluster, consequence, stage),
  };
}

/** From stage 2: the disks behind the replacement's claims whose data followed it. */
function followedDisks(
  cluster: ClusterState,
  consequence: MoveConsequence | undefined,
  stage: number,
): Set<string> {
  const keys = new Set<string>();
  if (!consequence || stage < 2 || consequence.followed.length === 0 || !consequence.replacement) return keys;
  const pod = cluster.objects.Pod[`${consequence.namespace}/${consequence.replacement}`];
  for (const volume of pod?.spec.volumes ?? []) {
    const claim =
      volume.persistentVolumeClaim &&
      cluster.objects.PersistentVolumeClaim[
        `${consequence.namespace}/${volume.persistentVolumeClaim.claimName}`
      ];
    const pv = claim?.spec.volumeName ? cluster.objects.PersistentVolume[claim.spec.volumeName] : undefined;
    const key = pv ? networkDiskKey(pv) : undefined;
    if (key && consequence.followed.some((f) => f.volume === volume.name)) keys.add(key);
  }
  return keys;
}
