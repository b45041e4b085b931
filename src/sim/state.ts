import type { Kind, ObjectOfKind } from './api/types.ts';
import type { FsTree } from './node/fs-tree.ts';

/**
 * The whole simulated cluster as one plain, JSON-serialisable value. Commands never mutate a
 * state: the engine derives a new one (Immer, structural sharing), so a snapshot for undo or time
 * travel is just a reference and costs only what changed.
 */
export interface ClusterState {
  /** Simulated wall clock, ms since the epoch. Moves only with `sim advance`. */
  now: number;
  /** Seeded generator state: pod name suffixes, UIDs and volume handles are reproducible. */
  rng: number;
  /** Monotonic counter behind metadata.resourceVersion; also orders events. */
  resourceVersion: number;
  objects: { [K in Kind]: Record<string, ObjectOfKind<K>> };
  /** Where data lives. Deleting an object removes data only when a Kubernetes rule says so. */
  disks: Disks;
  /** What a kubelet knows that the API does not show, by pod UID. */
  kubelet: Record<string, KubeletPodState>;
  /** The machines behind nodes, by name: whether the kubelet runs and answers, and has registered. */
  machines: Record<string, Machine>;
  /**
   * A `sim move` in progress: the next pod the owner creates is steered to this node with a
   * `kubernetes.io/hostname` node selector (what a learner would do to force the placement).
   */
  steer: Record<string, string>;
  /** Counts commands (and `sim advance` steps): a repeated event counts once per command. */
  commandSeq: number;
  /** Event name → the command in which it was last counted. */
  eventSeen: Record<string, number>;
}

export interface Machine {
  /** False after `sim node fail`: the kubelet stops heart-beating and acting. */
  up: boolean;
  /** False after `sim node delete`: the kubelet's Node object is gone until it registers again. */
  registered: boolean;
  /** Index used for the node's IP addresses (192.168.49.N, pod CIDR 10.244.N.0/24). */
  index: number;
  /** Labels the kubelet registers its node with (`--node-labels`). */
  labels?: Record<string, string>;
}

export interface Disks {
  /** Each node's own disk, by node name: hostPath directories, local PVs, emptyDir (disk medium). */
  nodes: Record<string, FsTree>;
  /** Container writable layers, by `<node>/<pod uid>/<container>`: the image's files plus what was written. */
  layers: Record<string, FsTree>;
  /** tmpfs of `emptyDir.medium: Memory`, by `<node>/<pod uid>/<volume>`. */
  memory: Record<string, FsTree>;
  /** Storage outside the nodes, by volume handle: network disks, NFS exports. */
  network: Record<string, FsTree>;
}

export interface KubeletPodState {
  /** Per container: when the kubelet may start it again after a crash (CrashLoopBackOff), ms. */
  restartAt?: Record<string, number>;
  /** Per container: when it last started, ms (a container that ran 10 minutes resets its back-off). */
  startedAt?: Record<string, number>;
  /** When the pod first waited for a volume, for the kubelet's 2-minute mount time-out, ms. */
  mountWaitSince?: number;
  /** Volumes set up for this pod (so teardown knows what to remove). */
  mounted?: string[];
}

export const emptyObjects = (): ClusterState['objects'] => ({
  Pod: {},
  ReplicaSet: {},
  Deployment: {},
  StatefulSet: {},
  PersistentVolumeClaim: {},
  PersistentVolume: {},
  StorageClass: {},
  VolumeAttachment: {},
  CSIStorageCapacity: {},
  Node: {},
  Event: {},
});
