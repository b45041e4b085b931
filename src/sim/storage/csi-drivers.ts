import type { AccessMode, PersistentVolume } from '../api/types.ts';

/** A CSI driver the simulated cluster runs, with what its storage can do. */
export interface CsiDriver {
  name: string;
  /** Attachable storage (a block disk) is attached to one node at a time by attach/detach. */
  attachable: boolean;
  supportedModes: AccessMode[];
  /**
   * CSIDriver spec.storageCapacity: the driver publishes CSIStorageCapacity objects and the
   * scheduler checks them before asking for a new volume (binder.go hasEnoughCapacity). Upstream
   * the check then needs a published object with room for the claim: with none, no node fits.
   */
  storageCapacity: boolean;
}

/**
 * The default StorageClass `standard` provisions network block disks through this driver:
 * attachable to any node, one node at a time (like a cloud provider's persistent disk). It does
 * not track capacity (the CSIDriver default): nothing in this cluster publishes CSIStorageCapacity
 * objects for it, and with tracking on upstream would then leave every pod of `standard` Pending.
 */
export const diskDriver: CsiDriver = {
  name: 'disk.csi.volumelab.dev',
  attachable: true,
  supportedModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  storageCapacity: false,
};

/**
 * The same kind of network block disk, from a driver that opts into storage capacity tracking:
 * for the lessons on CSIStorageCapacity. Its capacity objects are written by hand (no
 * external-provisioner capacity controller runs here), so until one is, its claims cannot be
 * provisioned anywhere: `node(s) did not have enough free storage`.
 */
export const poolDriver: CsiDriver = {
  name: 'pool.csi.volumelab.dev',
  attachable: true,
  supportedModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  storageCapacity: true,
};

/** A shared-filesystem driver (the real csi-driver-nfs name) for ReadWriteMany lessons. */
export const nfsDriver: CsiDriver = {
  name: 'nfs.csi.k8s.io',
  attachable: false,
  supportedModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
  storageCapacity: false,
};

export const csiDrivers: Record<string, CsiDriver> = {
  [diskDriver.name]: diskDriver,
  [poolDriver.name]: poolDriver,
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
