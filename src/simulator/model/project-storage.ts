import {
  accessModesString,
  annDynamicallyProvisioned,
  type ClusterState,
  networkDiskFiles,
  networkDiskKey,
} from '../../sim/view.ts';
import type { DiskData, ItemData, PvcData, PvData, ScData } from './diagram-types.ts';
import { edge } from './edges.ts';
import { storageColumnGap, storageItemHeight, storageItemWidth, storageRowGap } from './geometry.ts';
import { dirId, diskId, itemId, pvcId, pvId, scId } from './ids.ts';
import { pinnedNode } from './pinned-node.ts';
import { itemNode, type ProjectContext } from './project-context.ts';

type PersistentVolume = ClusterState['objects']['PersistentVolume'][string];

/** An item of the storage lane: its data, accessible name and class. */
interface StorageItem {
  data: ItemData;
  label: string;
  className: string;
}

const byName = <T extends { metadata: { name: string } }>(a: T, b: T) =>
  a.metadata.name.localeCompare(b.metadata.name);

/**
 * The storage lane under the nodes, one row per kind: StorageClasses (the provisioners), claims,
 * volumes, then the disks outside the cluster; with the edges claim → volume → backing storage.
 * A row wraps at the lane's width (the nodes' grid), so nothing is placed off to the side.
 */
export function projectStorage(context: ProjectContext, laneTop: number, laneWidth = Infinity): void {
  const { cluster, labels } = context;
  // Rows with nothing in them take no room.
  let y = laneTop;
  const placeRow = (key: string, items: StorageItem[]) => {
    const slots = context.slotsOf(
      key,
      items.map((item) => itemId(item.data)),
    );
    if (items.length === 0) return;
    const step = storageItemWidth + storageColumnGap;
    const perRow = Math.max(1, Math.floor((laneWidth + storageColumnGap) / step));
    let rows = 1;
    for (const { data, label, className } of items) {
      const slot = slots.get(itemId(data)) ?? 0;
      rows = Math.max(rows, Math.floor(slot / perRow) + 1);
      const x = (slot % perRow) * step;
      const itemY = y + Math.floor(slot / perRow) * (storageItemHeight + storageColumnGap);
      context.storage.push(
        itemNode(data, {
          position: { x, y: itemY },
          width: storageItemWidth,
          height: storageItemHeight,
          draggable: false,
          selectable: true,
          ariaLabel: label,
          ariaRole: 'button',
          className,
        }),
      );
    }
    y += rows * storageItemHeight + (rows - 1) * storageColumnGap + storageRowGap;
  };

  const classes = Object.values(cluster.objects.StorageClass).sort(byName);
  placeRow(
    'classes',
    classes.map((sc) => {
      const data: ScData = {
        kind: 'sc',
        name: sc.metadata.name,
        provisioner: sc.provisioner,
        isDefault: sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
        bindingMode: sc.volumeBindingMode ?? 'Immediate',
        reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      };
      return { data, label: labels.sc(data), className: 'kvl-storage kvl-sc' };
    }),
  );
  const claims = Object.values(cluster.objects.PersistentVolumeClaim).sort(byName);
  placeRow('claims', claims.map(claimItem(context)));
  const pvs = Object.values(cluster.objects.PersistentVolume).sort(byName);
  placeRow('volumes', pvs.map(volumeItem(context)));
  placeRow('disks', disksOf(context, pvs));

  for (const pvc of claims) {
    if (pvc.spec.volumeName && cluster.objects.PersistentVolume[pvc.spec.volumeName])
      context.edges.push(
        edge(
          pvcId(pvc.metadata.namespace ?? 'default', pvc.metadata.name),
          pvId(pvc.spec.volumeName),
          'bound',
          labels,
        ),
      );
  }
}

const claimItem =
  ({ labels }: ProjectContext) =>
  (pvc: ClusterState['objects']['PersistentVolumeClaim'][string]): StorageItem => {
    const data: PvcData = {
      kind: 'pvc',
      name: pvc.metadata.name,
      namespace: pvc.metadata.namespace ?? 'default',
      phase: pvc.metadata.deletionTimestamp ? 'Terminating' : pvc.status.phase,
      capacity: pvc.status.capacity?.storage ?? pvc.spec.resources?.requests?.storage ?? '',
      accessModes: accessModesString(pvc.status.accessModes ?? pvc.spec.accessModes),
      storageClass: pvc.spec.storageClassName ?? '',
      volume: pvc.spec.volumeName ?? '',
    };
    return {
      data,
      label: labels.pvc(data),
      className: `kvl-storage kvl-pvc phase-${data.phase.toLowerCase()}`,
    };
  };

const backingOf = (pv: PersistentVolume): PvData['backing'] =>
  pv.spec.csi
    ? 'network-disk'
    : pv.spec.nfs
      ? 'nfs'
      : pv.spec.local
        ? 'local'
        : pv.spec.hostPath
          ? 'hostPath'
          : 'none';

/** A volume, with its edges to where its data lives and from the class that provisioned it. */
const volumeItem =
  ({ cluster, labels, edges }: ProjectContext) =>
  (pv: PersistentVolume): StorageItem => {
    const node = pv.spec.local ? pinnedNode(cluster, pv) : undefined;
    const claimRef = pv.spec.claimRef;
    const data: PvData = {
      kind: 'pv',
      name: pv.metadata.name,
      phase: pv.metadata.deletionTimestamp ? 'Terminating' : pv.status.phase,
      capacity: pv.spec.capacity?.storage ?? '',
      accessModes: accessModesString(pv.spec.accessModes),
      reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy ?? 'Retain',
      claim: claimRef ? `${claimRef.namespace ?? 'default'}/${claimRef.name}` : '',
      storageClass: pv.spec.storageClassName ?? '',
      backing: backingOf(pv),
      ...(node ? { node } : {}),
    };
    const id = pvId(pv.metadata.name);
    const network = networkDiskKey(pv);
    if (network) edges.push(edge(id, diskId(network), 'backed', labels));
    if (node && pv.spec.local) edges.push(edge(id, dirId(node, pv.spec.local.path), 'backed', labels, true));
    const provisioner = pv.metadata.annotations?.[annDynamicallyProvisioned];
    const sc = pv.spec.storageClassName ? cluster.objects.StorageClass[pv.spec.storageClassName] : undefined;
    if (provisioner && sc) edges.push(edge(scId(sc.metadata.name), id, 'provisioned', labels));
    return {
      data,
      label: labels.pv(data),
      className: `kvl-storage kvl-pv phase-${data.phase.toLowerCase()}`,
    };
  };

/** The network disks behind the volumes (one per disk, however many volumes use it). */
function disksOf({ cluster, labels, move }: ProjectContext, pvs: readonly PersistentVolume[]): StorageItem[] {
  const disks = new Map<string, DiskData>();
  for (const pv of pvs) {
    const key = networkDiskKey(pv);
    if (!key) continue;
    const attachedTo = Object.values(cluster.objects.VolumeAttachment)
      .filter((va) => va.spec.source.persistentVolumeName === pv.metadata.name && va.status.attached)
      .map((va) => va.spec.nodeName)
      .sort();
    disks.set(key, {
      kind: 'disk',
      key,
      label: pv.spec.csi?.volumeHandle ?? `${pv.spec.nfs?.server}:${pv.spec.nfs?.path}`,
      driver: pv.spec.csi?.driver ?? 'nfs',
      files: networkDiskFiles(cluster, key).length,
      fileNames: networkDiskFiles(cluster, key).map((f) => f.path),
      attachedTo,
      ...(move.followed.has(key) ? { followed: true } : {}),
    });
  }
  return [...disks.values()].map((data) => ({
    data,
    label: labels.disk(data),
    className: `kvl-storage kvl-disk${data.followed ? ' is-followed' : ''}`,
  }));
}
