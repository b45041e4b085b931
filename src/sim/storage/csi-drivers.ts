import type { AccessMode, PersistentVolume } from '../api/types.ts';

/** A CSI driver the simulated cluster runs, with what its storage can do. */
export interface CsiDriver {
  name: string;
  /** Attachable storage (a block disk) is attached to one node at a time by attach/detach. */
  attachable: boolean;
  supportedModes: AccessMode[];
}

/**
 * The default StorageClass `standard` provisions network block disks through this driver:
 * attachable to any node, one node at a time (like a cloud provider's persistent disk).
 */
export const diskDriver: CsiDriver = {
  name: 'disk.csi.volumelab.dev',
  attachable: true,
  supportedModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
};

/** A shared-filesystem driver (the real csi-driver-nfs name) for ReadWriteMany lessons. */
export const nfsDriver: CsiDriver = {
  name: 'nfs.csi.k8s.io',
  attachable: false,
  supportedModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
};

export const csiDrivers: Record<string, CsiDriver> = {
  [diskDriver.name]: diskDriver,
  [nfsDriver.name]: nfsDriver,
};

/** The key of a volume's backing storage in `disks.network`, or undefined for node-local volumes. */
export function networkDiskKey(pv: PersistentVolume): string | undefined {
  if (pv.spec.csi) return `csi:${pv.spec.csi.driver}/${pv.spec.csi.volumeHandle}`;
  if (pv.spec.nfs) return `nfs:${pv.spec.nfs.server}:${pv.spec.nfs.path}`;
  return undefined;
}

/** Whether attach/detach must attach this volume to a node before a pod there can mount it. */
export function isAttachable(pv: PersistentVolume): boolean {
  return Boolean(pv.spec.csi && csiDrivers[pv.spec.csi.driver]?.attachable);
}
