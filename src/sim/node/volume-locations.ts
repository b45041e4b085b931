import type { PersistentVolume, Pod, Volume } from '../api/types.ts';
import { parseQuantity } from '../lib/quantity.ts';
import type { ClusterState, Disks } from '../state.ts';
import { networkDiskKey } from '../storage/csi-drivers.ts';
import type { FsTree } from './fs-tree.ts';

/** Where a piece of data lives: a directory (or file) of one disk. */
export interface DiskRef {
  store: keyof Disks;
  key: string;
  base: string;
}

export interface VolumeLocation {
  volume: Volume;
  kind: 'emptyDir' | 'hostPath' | 'persistentVolume';
  disk: DiskRef;
  /** For a claim: its PersistentVolume. */
  pv?: PersistentVolume;
  capacityBytes?: number;
  readOnly: boolean;
  /** What `df` prints for it. */
  filesystem: string;
}

export const emptyDirPath = (podUid: string, volume: string) =>
  `/var/lib/kubelet/pods/${podUid}/volumes/kubernetes.io~empty-dir/${volume}`;
export const podDirPath = (podUid: string) => `/var/lib/kubelet/pods/${podUid}`;

export function layerKey(node: string, podUid: string, container: string): string {
  return `${node}/${podUid}/${container}`;
}

/**
 * The key in `disks.network` of a pod's inline cloud disk (gcePersistentDisk, awsElasticBlockStore):
 * the disk exists outside the cluster under its name, so every pod naming it sees the same data.
 */
export function inlineDiskKey(volume: Volume): string | undefined {
  if (volume.gcePersistentDisk) return `gce-pd:${volume.gcePersistentDisk.pdName}`;
  if (volume.awsElasticBlockStore) return `aws-ebs:${volume.awsElasticBlockStore.volumeID}`;
  return undefined;
}

export function treeOf(state: ClusterState, disk: DiskRef): FsTree | undefined {
  return state.disks[disk.store][disk.key];
}

/**
 * The size of a `medium: Memory` emptyDir (calculateEmptyDirMemorySize): the node's allocatable
 * memory, reduced to the pod's memory limit (the sum of its containers' limits, when every
 * container declares one) if smaller, reduced to the volume's sizeLimit if smaller still.
 */
export function tmpfsSize(state: ClusterState, pod: Pod, volume: Volume): number {
  const allocatable = state.objects.Node[pod.spec.nodeName ?? '']?.status.allocatable.memory;
  let size = parseQuantity(allocatable ?? '') ?? 8 * 1024 ** 3;
  const limits = pod.spec.containers.map((c) => parseQuantity(c.resources?.limits?.memory ?? ''));
  if (limits.length > 0 && limits.every((l) => l !== undefined && l > 0)) {
    const podLimit = limits.reduce<number>((sum, l) => sum + (l ?? 0), 0);
    if (podLimit <= size) size = podLimit;
  }
  const sizeLimit = parseQuantity(volume.emptyDir?.sizeLimit ?? '');
  if (sizeLimit !== undefined && sizeLimit > 0 && sizeLimit <= size) size = sizeLimit;
  return size;
}

/**
 * Where each of a pod's volumes keeps its data, on the node the pod runs on. A claim that is not
 * bound (or whose volume is gone) has no location yet.
 */
export function locateVolume(state: ClusterState, pod: Pod, volume: Volume): VolumeLocation | undefined {
  const node = pod.spec.nodeName;
  if (!node) return undefined;
  if (volume.emptyDir) {
    const memory = volume.emptyDir.medium === 'Memory';
    return {
      volume,
      kind: 'emptyDir',
      disk: memory
        ? { store: 'memory', key: `${node}/${pod.metadata.uid}/${volume.name}`, base: '/' }
        : { store: 'nodes', key: node, base: emptyDirPath(pod.metadata.uid, volume.name) },
      // tmpfs is sized (see tmpfsSize); a disk emptyDir is not: exceeding its sizeLimit gets the
      // pod evicted instead.
      ...(memory ? { capacityBytes: tmpfsSize(state, pod, volume) } : {}),
      readOnly: false,
      filesystem: memory ? 'tmpfs' : '/dev/vda1',
    };
  }
  if (volume.hostPath) {
    return {
      volume,
      kind: 'hostPath',
      disk: { store: 'nodes', key: node, base: volume.hostPath.path },
      readOnly: false,
      filesystem: '/dev/vda1',
    };
  }
  const inlineDisk = inlineDiskKey(volume);
  if (inlineDisk) {
    // The in-tree GCE PD and AWS EBS plugins are gone (CSI migration hands these volumes to the
    // cloud's CSI driver); the simulator mounts the named disk as a network block disk, with no
    // attach step.
    return {
      volume,
      kind: 'persistentVolume',
      disk: { store: 'network', key: inlineDisk, base: '/' },
      readOnly: Boolean(volume.gcePersistentDisk?.readOnly || volume.awsElasticBlockStore?.readOnly),
      filesystem: '/dev/sdb',
    };
  }
  const claimName = volume.persistentVolumeClaim?.claimName;
  if (!claimName) return undefined;
  const pvc = state.objects.PersistentVolumeClaim[`${pod.metadata.namespace ?? 'default'}/${claimName}`];
  if (!pvc?.spec.volumeName || pvc.status.phase !== 'Bound') return undefined;
  const pv = state.objects.PersistentVolume[pvc.spec.volumeName];
  if (!pv) return undefined;
  const readOnly =
    Boolean(volume.persistentVolumeClaim?.readOnly) ||
    Boolean(pv.spec.csi?.readOnly || pv.spec.nfs?.readOnly);
  const capacityBytes = parseQuantity(pv.spec.capacity?.storage ?? '') ?? undefined;
  const network = networkDiskKey(pv);
  if (network) {
    return {
      volume,
      kind: 'persistentVolume',
      pv,
      disk: { store: 'network', key: network, base: '/' },
      ...(capacityBytes ? { capacityBytes } : {}),
      readOnly,
      filesystem: pv.spec.nfs
        ? `${pv.spec.nfs.server}:${pv.spec.nfs.path}`
        : pv.spec.csi?.driver === 'nfs.csi.k8s.io'
          ? 'nfs-server.storage.svc.cluster.local:/share'
          : '/dev/sdb',
    };
  }
  const path = pv.spec.local?.path ?? pv.spec.hostPath?.path ?? '/';
  return {
    volume,
    kind: 'persistentVolume',
    pv,
    disk: { store: 'nodes', key: node, base: path },
    readOnly,
    filesystem: '/dev/vda1',
  };
}
