import {
  accessModesString,
  annDynamicallyProvisioned,
  networkDiskFiles,
  networkDiskKey,
} from '../../sim/view.ts';
import type { ClaimData, ClassData, DiskData, ItemData, VolumeData } from './diagram-types.ts';
import { edge } from './edges.ts';
import { storageColumnGap, storageItemHeight, storageItemWidth, storageRowGap } from './geometry.ts';
import { claimId, classId, dirId, diskId, volumeId } from './ids.ts';
import { pinnedNode } from './pinned-node.ts';
import type { ProjectContext } from './project-context.ts';

/**
 * The storage lane under the nodes, one row per kind: StorageClasses (the provisioners), claims,
 * volumes, then the disks outside the cluster; with the edges claim → volume → backing storage.
 */
export function projectStorage(context: ProjectContext, laneTop: number): void {
  const { cluster, labels, consequence, stage, slotsOf, nodes, edges } = context;
  const pvs = Object.values(cluster.objects.PersistentVolume);
  // Rows with nothing in them take no room.
  let filledRows = 0;
  const rowY = () => laneTop + filledRows * (storageItemHeight + storageRowGap);
  const placeRow = (
    key: string,
    items: { id: string; type: string; data: ItemData; label: string; className: string }[],
  ) => {
    const y = rowY();
    if (items.length > 0) filledRows++;
    const slots = slotsOf(
      key,
      items.map((i) => i.id),
    );
    for (const item of items) {
      nodes.push({
        id: item.id,
        type: item.type,
        position: { x: (slots.get(item.id) ?? 0) * (storageItemWidth + storageColumnGap), y },
        data: item.data,
        width: storageItemWidth,
        height: storageItemHeight,
        draggable: false,
        selectable: true,
        ariaLabel: item.label,
        ariaRole: 'button',
        className: item.className,
      });
    }
  };

  const classes = Object.values(cluster.objects.StorageClass).sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  placeRow(
    'classes',
    classes.map((sc) => {
      const data: ClassData = {
        kind: 'sc',
        name: sc.metadata.name,
        provisioner: sc.provisioner,
        isDefault: sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
        bindingMode: sc.volumeBindingMode ?? 'Immediate',
        reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      };
      return {
        id: classId(sc.metadata.name),
        type: 'storageClass',
        data,
        label: labels.storageClass(data),
        className: 'kvl-storage kvl-sc',
      };
    }),
  );

  const claims = Object.values(cluster.objects.PersistentVolumeClaim).sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  placeRow(
    'claims',
    claims.map((pvc) => {
      const data: ClaimData = {
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
        id: claimId(data.namespace, data.name),
        type: 'claim',
        data,
        label: labels.claim(data),
        className: `kvl-storage kvl-pvc phase-${data.phase.toLowerCase()}`,
      };
    }),
  );

  const disks = new Map<string, DiskData>();
  const sortedPvs = [...pvs].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  placeRow(
    'volumes',
    sortedPvs.map((pv) => {
      const network = networkDiskKey(pv);
      const node = pv.spec.local ? pinnedNode(cluster, pv) : undefined;
      const backing: VolumeData['backing'] = pv.spec.csi
        ? 'network-disk'
        : pv.spec.nfs
          ? 'nfs'
          : pv.spec.local
            ? 'local'
            : pv.spec.hostPath
              ? 'hostPath'
              : 'none';
      const claimRef = pv.spec.claimRef;
      const data: VolumeData = {
        kind: 'pv',
        name: pv.metadata.name,
        phase: pv.metadata.deletionTimestamp ? 'Terminating' : pv.status.phase,
        capacity: pv.spec.capacity?.storage ?? '',
        accessModes: accessModesString(pv.spec.accessModes),
        reclaimPolicy: pv.spec.persistentVolumeReclaimPolicy ?? 'Retain',
        claim: claimRef ? `${claimRef.namespace ?? 'default'}/${claimRef.name}` : '',
        storageClass: pv.spec.storageClassName ?? '',
        backing,
        ...(node ? { node } : {}),
      };
      if (network) {
        const attachedTo = Object.values(cluster.objects.VolumeAttachment)
          .filter((va) => va.spec.source.persistentVolumeName === pv.metadata.name && va.status.attached)
          .map((va) => va.spec.nodeName)
          .sort();
        disks.set(network, {
          kind: 'disk',
          key: network,
          label: pv.spec.csi?.volumeHandle ?? `${pv.spec.nfs?.server}:${pv.spec.nfs?.path}`,
          driver: pv.spec.csi?.driver ?? 'nfs',
          files: networkDiskFiles(cluster, network).length,
          attachedTo,
        });
        edges.push(edge(volumeId(pv.metadata.name), diskId(network), 'backed', labels));
      }
      if (node && pv.spec.local)
        edges.push(edge(volumeId(pv.metadata.name), dirId(node, pv.spec.local.path), 'backed', labels, true));
      const provisioner = pv.metadata.annotations?.[annDynamicallyProvisioned];
      const sc = classes.find((c) => c.metadata.name === pv.spec.storageClassName);
      if (provisioner && sc)
        edges.push(edge(classId(sc.metadata.name), volumeId(pv.metadata.name), 'provisioned', labels));
      return {
        id: volumeId(pv.metadata.name),
        type: 'volume',
        data,
        label: labels.volume(data),
        className: `kvl-storage kvl-pv phase-${data.phase.toLowerCase()}`,
      };
    }),
  );

  if (consequence && stage >= 2 && consequence.followed.length > 0 && consequence.replacement) {
    const pod = cluster.objects.Pod[`${consequence.namespace}/${consequence.replacement}`];
    for (const volume of pod?.spec.volumes ?? []) {
      const claim =
        volume.persistentVolumeClaim &&
        cluster.objects.PersistentVolumeClaim[
          `${consequence.namespace}/${volume.persistentVolumeClaim.claimName}`
        ];
      const pv = claim?.spec.volumeName ? cluster.objects.PersistentVolume[claim.spec.volumeName] : undefined;
      const key = pv ? networkDiskKey(pv) : undefined;
      const disk = key ? disks.get(key) : undefined;
      if (disk && consequence.followed.some((f) => f.volume === volume.name)) disk.followed = true;
    }
  }
  placeRow(
    'disks',
    [...disks.values()].map((data) => ({
      id: diskId(data.key),
      type: 'disk',
      data,
      label: labels.disk(data),
      className: `kvl-storage kvl-disk${data.followed ? ' is-followed' : ''}`,
    })),
  );

  for (const pvc of claims) {
    if (pvc.spec.volumeName && cluster.objects.PersistentVolume[pvc.spec.volumeName])
      edges.push(
        edge(
          claimId(pvc.metadata.namespace ?? 'default', pvc.metadata.name),
          volumeId(pvc.spec.volumeName),
          'bound',
          labels,
        ),
      );
  }
}
