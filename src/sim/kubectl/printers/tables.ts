import { isDefaultClass } from '../../api/storage-classes.ts';
import type {
  ClusterNode,
  CSIStorageCapacity,
  Deployment,
  KubeEvent,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  StatefulSet,
  StorageClass,
  VolumeAttachment,
} from '../../api/types.ts';
import { accessModesString } from '../../api/volume-helpers.ts';
import { humanDuration } from '../../lib/duration.ts';
import { formatSelector } from '../../lib/label-selector.ts';
import { nodeStatus } from './node-columns.ts';
import { podReady, podRestarts, podStatus } from './pod-columns.ts';

export { nodeStatus };

export interface Table {
  headers: string[];
  rows: string[][];
}

type Columns<T> = (object: T, now: number) => string[];

const age = (object: KubeObject, now: number) =>
  humanDuration(now - Date.parse(object.metadata.creationTimestamp));

const printers: Record<
  string,
  { headers: string[]; wide: string[]; row: Columns<never>; wideRow?: Columns<never> }
> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: ((pod: Pod, now: number) => [
      pod.metadata.name,
      podReady(pod),
      podStatus(pod),
      podRestarts(pod, now),
      age(pod, now),
    ]) as Columns<never>,
    wideRow: ((pod: Pod) => [
      pod.status.podIP || '<none>',
      pod.spec.nodeName || '<none>',
      '<none>',
      '<none>',
    ]) as Columns<never>,
  },
  PersistentVolumeClaim: {
    headers: [
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'AGE',
    ],
    wide: ['VOLUMEMODE'],
    row: ((pvc: PersistentVolumeClaim, now: number) => {
      const bound = Boolean(pvc.spec.volumeName);
      return [
        pvc.metadata.name,
        pvc.metadata.deletionTimestamp ? 'Terminating' : pvc.status.phase,
        pvc.spec.volumeName ?? '',
        bound ? (pvc.status.capacity?.storage ?? '0') : '', // an empty Quantity prints 0
        bound ? accessModesString(pvc.status.accessModes) : '',
        pvc.spec.storageClassName ?? '',
        '<unset>',
        age(pvc, now),
      ];
    }) as Columns<never>,
    wideRow: ((pvc: PersistentVolumeClaim) => [pvc.spec.volumeMode ?? 'Filesystem']) as Columns<never>,
  },
  PersistentVolume: {
    headers: [
      'NAME',
      'CAPACITY',
      'ACCESS MODES',
      'RECLAIM POLICY',
      'STATUS',
      'CLAIM',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'REASON',
      'AGE',
    ],
    wide: ['VOLUMEMODE'],
    row: ((pv: PersistentVolume, now: number) => {
      const ref = pv.spec.claimRef;
      return [
        pv.metadata.name,
        pv.spec.capacity?.storage ?? '',
        accessModesString(pv.spec.accessModes),
        pv.spec.persistentVolumeReclaimPolicy ?? 'Retain',
        pv.metadata.deletionTimestamp ? 'Terminating' : pv.status.phase,
        ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
        pv.spec.storageClassName ?? '',
        '<unset>',
        pv.status.reason ?? '',
        age(pv, now),
      ];
    }) as Columns<never>,
    wideRow: ((pv: PersistentVolume) => [pv.spec.volumeMode ?? 'Filesystem']) as Columns<never>,
  },
  StorageClass: {
    headers: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    wide: [],
    row: ((sc: StorageClass, now: number) => [
      isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      age(sc, now),
    ]) as Columns<never>,
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: ((node: ClusterNode, now: number) => [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      age(node, now),
      node.status.nodeInfo.kubeletVersion,
    ]) as Columns<never>,
    wideRow: ((node: ClusterNode) => [
      node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>',
      '<none>',
      node.status.nodeInfo.osImage || '<unknown>',
      node.status.nodeInfo.kernelVersion || '<unknown>',
      node.status.nodeInfo.containerRuntimeVersion || '<unknown>',
    ]) as Columns<never>,
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: ((rs: ReplicaSet, now: number) => [
      rs.metadata.name,
      String(rs.spec.replicas ?? 1),
      String(rs.status.replicas ?? 0),
      String(rs.status.readyReplicas ?? 0),
      age(rs, now),
    ]) as Columns<never>,
    wideRow: ((rs: ReplicaSet) =>
      containerColumns(rs.spec.template.spec.containers, formatSelector(rs.spec.selector))) as Columns<never>,
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: ((d: Deployment, now: number) => [
      d.metadata.name,
      `${d.status.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(d.status.updatedReplicas ?? 0),
      String(d.status.availableReplicas ?? 0),
      age(d, now),
    ]) as Columns<never>,
    wideRow: ((d: Deployment) =>
      containerColumns(d.spec.template.spec.containers, formatSelector(d.spec.selector))) as Columns<never>,
  },
  StatefulSet: {
    headers: ['NAME', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES'],
    row: ((s: StatefulSet, now: number) => [
      s.metadata.name,
      `${s.status.readyReplicas ?? 0}/${s.spec.replicas ?? 1}`,
      age(s, now),
    ]) as Columns<never>,
    wideRow: ((s: StatefulSet) => containerColumns(s.spec.template.spec.containers)) as Columns<never>,
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: [],
    row: ((e: KubeEvent, now: number) => [
      lastSeen(e, now),
      e.type,
      e.reason,
      `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      e.message,
    ]) as Columns<never>,
  },
  VolumeAttachment: {
    headers: ['NAME', 'ATTACHER', 'PV', 'NODE', 'ATTACHED', 'AGE'],
    wide: [],
    row: ((va: VolumeAttachment, now: number) => [
      va.metadata.name,
      va.spec.attacher,
      va.spec.source.persistentVolumeName,
      va.spec.nodeName,
      String(va.status.attached),
      age(va, now),
    ]) as Columns<never>,
  },
  // printers.go printCSIStorageCapacity: the column is named StorageClassName and there is no AGE;
  // an unset capacity (which means none is available) prints <unset>.
  CSIStorageCapacity: {
    headers: ['NAME', 'STORAGECLASSNAME', 'CAPACITY'],
    wide: [],
    row: ((c: CSIStorageCapacity) => [
      c.metadata.name,
      c.storageClassName,
      c.capacity ?? '<unset>',
    ]) as Columns<never>,
  },
};

/** `kubectl get` columns for a kind, with `-o wide` extras; `namePrefix` gives `pod/web` names. */
export function tableFor(
  kind: string,
  objects: KubeObject[],
  now: number,
  options: { wide?: boolean; namePrefix?: string } = {},
): Table {
  const printer = printers[kind];
  if (!printer) return { headers: ['NAME'], rows: objects.map((o) => [o.metadata.name]) };
  // A fresh array: callers add columns (--show-labels) and the printer's own must not change.
  const headers = options.wide ? [...printer.headers, ...printer.wide] : [...printer.headers];
  const rows = objects.map((object) => {
    const base = (printer.row as Columns<KubeObject>)(object, now);
    if (options.namePrefix && kind !== 'Event') base[0] = `${options.namePrefix}/${base[0]}`;
    const extra =
      options.wide && printer.wideRow ? (printer.wideRow as Columns<KubeObject>)(object, now) : [];
    return [...base, ...extra];
  });
  return { headers, rows };
}

export function nodeRoles(node: ClusterNode): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((key) => key.startsWith('node-role.kubernetes.io/'))
    .map((key) => key.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean)
    .sort();
  return roles.length > 0 ? roles.join(',') : '<none>';
}

function containerColumns(containers: Array<{ name: string; image: string }>, selector?: string): string[] {
  const columns = [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
  return selector === undefined ? columns : [...columns, selector];
}

/** LAST SEEN, with `(x3 over 5m)` when an event repeated. */
export function lastSeen(event: KubeEvent, now: number): string {
  const seen = humanDuration(now - Date.parse(event.lastTimestamp));
  if (event.count > 1)
    return `${seen} (x${event.count} over ${humanDuration(now - Date.parse(event.firstTimestamp))})`;
  return seen;
}
