import type { ApiServer } from '../../api/api-server.ts';
import { isDefaultClass } from '../../api/storage-classes.ts';
import type {
  ClusterNode,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  PodTemplateSpec,
  StatefulSet,
  StorageClass,
} from '../../api/types.ts';
import { accessModesString } from '../../api/volume-helpers.ts';
import { humanDuration } from '../../lib/duration.ts';
import { formatSelector } from '../../lib/label-selector.ts';
import { nodeRoles } from '../printers/tables.ts';
import { describeAnnotations, describeEvents, describeMap, describeTime } from './describe-helpers.ts';
import { describePodVolume, describeVolumeSource } from './describe-volumes.ts';

const annotations = (object: KubeObject, indent = '') =>
  describeAnnotations(object.metadata.annotations, 'Annotations', indent);
/** translateTimestampSince: how long ago, as the AGE column prints it. */
const since = (api: ApiServer, iso: string) => humanDuration(api.now - Date.parse(iso));
/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
const formatMap = (map: Record<string, string> | undefined) =>
  Object.entries(map ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '<none>';
const finalizers = (object: KubeObject) => `Finalizers:\t[${(object.metadata.finalizers ?? []).join(' ')}]`;

export function describeClaim(api: ApiServer, pvc: PersistentVolumeClaim): string[] {
  const users = api
    .list('Pod', pvc.metadata.namespace)
    .filter((pod) => pod.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((pod) => pod.metadata.name);
  const bound = Boolean(pvc.spec.volumeName);
  return [
    `Name:\t${pvc.metadata.name}`,
    `Namespace:\t${pvc.metadata.namespace}`,
    `StorageClass:\t${pvc.spec.storageClassName ?? ''}`,
    `Status:\t${pvc.metadata.deletionTimestamp ? `Terminating (lasts ${since(api, pvc.metadata.deletionTimestamp)})` : pvc.status.phase}`,
    `Volume:\t${pvc.spec.volumeName ?? ''}`,
    ...describeMap('Labels', pvc.metadata.labels),
    ...annotations(pvc),
    finalizers(pvc),
    `Capacity:\t${bound ? (pvc.status.capacity?.storage ?? '0') : ''}`,
    `Access Modes:\t${bound ? accessModesString(pvc.status.accessModes) : ''}`,
    `VolumeMode:\t${pvc.spec.volumeMode ?? 'Filesystem'}`,
    `Used By:\t${users.length > 0 ? users.join('\n\t') : '<none>'}`,
    ...describeEvents(api, pvc),
  ];
}

export function describeVolume(api: ApiServer, pv: PersistentVolume): string[] {
  const ref = pv.spec.claimRef;
  const terms = pv.spec.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  const affinity =
    terms.length === 0
      ? ['Node Affinity:\t<none>']
      : [
          'Node Affinity:\t',
          '  Required Terms:\t',
          ...terms.map(
            (term, i) =>
              `    Term ${i}:\t${(term.matchExpressions ?? []).map((e) => `${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(', ')}]`).join('\n\t')}`,
          ),
        ];
  return [
    `Name:\t${pv.metadata.name}`,
    ...describeMap('Labels', pv.metadata.labels),
    ...annotations(pv),
    finalizers(pv),
    `StorageClass:\t${pv.spec.storageClassName ?? ''}`,
    `Status:\t${pv.metadata.deletionTimestamp ? `Terminating (lasts ${since(api, pv.metadata.deletionTimestamp)})` : pv.status.phase}`,
    `Claim:\t${ref ? `${ref.namespace}/${ref.name}` : ''}`,
    `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? 'Retain'}`,
    `Access Modes:\t${accessModesString(pv.spec.accessModes)}`,
    `VolumeMode:\t${pv.spec.volumeMode ?? 'Filesystem'}`,
    `Capacity:\t${pv.spec.capacity?.storage ?? ''}`,
    ...affinity,
    `Message:\t${pv.status.message ?? ''}`,
    'Source:',
    ...describeVolumeSource(pv),
    ...describeEvents(api, pv),
  ];
}

export function describeNode(api: ApiServer, node: ClusterNode): string[] {
  const taints = (node.spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  const pods = api
    .list('Pod')
    .filter(
      (p) =>
        p.spec.nodeName === node.metadata.name &&
        p.status.phase !== 'Succeeded' &&
        p.status.phase !== 'Failed',
    );
  const info = node.status.nodeInfo;
  return [
    `Name:\t${node.metadata.name}`,
    `Roles:\t${nodeRoles(node)}`,
    ...describeMap('Labels', node.metadata.labels),
    ...annotations(node),
    `CreationTimestamp:\t${describeTime(node.metadata.creationTimestamp)}`,
    `Taints:\t${taints.length > 0 ? taints.join('\n\t') : '<none>'}`,
    `Unschedulable:\t${node.spec.unschedulable ?? false}`,
    'Conditions:',
    '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
    '  ----\t------\t-----------------\t------------------\t------\t-------',
    ...node.status.conditions.map(
      (c) =>
        `  ${c.type}\t${c.status}\t${describeTime(c.lastHeartbeatTime)}\t${describeTime(c.lastTransitionTime)}\t${c.reason}\t${c.message}`,
    ),
    'Addresses:',
    ...node.status.addresses.map((a) => `  ${a.type}:\t${a.address}`),
    'Capacity:',
    ...Object.entries(node.status.capacity).map(([k, v]) => `  ${k}:\t${v}`),
    'Allocatable:',
    ...Object.entries(node.status.allocatable).map(([k, v]) => `  ${k}:\t${v}`),
    'System Info:',
    `  Kernel Version:\t${info.kernelVersion}`,
    `  OS Image:\t${info.osImage}`,
    `  Container Runtime Version:\t${info.containerRuntimeVersion}`,
    `  Kubelet Version:\t${info.kubeletVersion}`,
    `PodCIDR:\t${node.spec.podCIDR ?? ''}`,
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\tAge',
    '  ---------\t----\t---',
    ...pods.map(
      (p) =>
        `  ${p.metadata.namespace}\t${p.metadata.name}\t${humanDuration(api.now - Date.parse(p.metadata.creationTimestamp))}`,
    ),
    ...describeEvents(api, node),
  ];
}

export function describeStorageClass(api: ApiServer, sc: StorageClass): string[] {
  const params = formatMap(sc.parameters);
  return [
    `Name:\t${sc.metadata.name}`,
    `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}`,
    // describeStorageClass prints annotations with labels.FormatLabels: one line, k=v,k=v.
    `Annotations:\t${formatMap(sc.metadata.annotations)}`,
    `Provisioner:\t${sc.provisioner}`,
    `Parameters:\t${params}`,
    `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}`,
    ...(sc.mountOptions?.length
      ? ['MountOptions:', ...sc.mountOptions.map((o) => `  ${o}`)]
      : ['MountOptions:\t<none>']),
    `ReclaimPolicy:\t${sc.reclaimPolicy ?? 'Delete'}`,
    `VolumeBindingMode:\t${sc.volumeBindingMode ?? 'Immediate'}`,
    ...describeEvents(api, sc),
  ];
}

function describeTemplate(template: PodTemplateSpec): string[] {
  const lines = ['Pod Template:', ...describeMap('Labels', template.metadata?.labels, '  '), '  Containers:'];
  for (const c of template.spec.containers) {
    lines.push(`   ${c.name}:`, `    Image:\t${c.image}`);
    if (!c.volumeMounts?.length) lines.push('    Mounts:\t<none>');
    else {
      lines.push('    Mounts:');
      for (const m of c.volumeMounts)
        lines.push(`      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
    }
  }
  if (!template.spec.volumes?.length) lines.push('  Volumes:\t<none>');
  else {
    lines.push('  Volumes:');
    for (const v of template.spec.volumes) lines.push(...describePodVolume(v).map((l) => `  ${l}`));
  }
  return lines;
}

/** ReplicaSet, Deployment and StatefulSet. */
export function describeWorkload(api: ApiServer, object: KubeObject): string[] {
  if (object.kind !== 'ReplicaSet' && object.kind !== 'Deployment' && object.kind !== 'StatefulSet')
    return [];
  const spec = object.spec;
  const status = object.status as { replicas?: number; readyReplicas?: number };
  const pods = api
    .list('Pod', object.metadata.namespace)
    .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === object.metadata.uid && r.controller));
  const count = (phase: string) => pods.filter((p) => p.status.phase === phase).length;
  const podsStatus = `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
  const desired = spec.replicas ?? 1;
  const owner = object.metadata.ownerReferences?.find((r) => r.controller);
  const lines = [
    `Name:\t${object.metadata.name}`,
    `Namespace:\t${object.metadata.namespace}`,
    ...(object.kind !== 'ReplicaSet'
      ? [`CreationTimestamp:\t${describeTime(object.metadata.creationTimestamp)}`]
      : []),
    `Selector:\t${formatSelector(spec.selector)}`,
    ...describeMap('Labels', object.metadata.labels),
    ...annotations(object),
    ...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
  ];
  if (object.kind === 'ReplicaSet') {
    lines.push(`Replicas:\t${status.replicas ?? 0} current / ${desired} desired`, podsStatus);
  } else if (object.kind === 'Deployment') {
    const total = status.replicas ?? 0;
    const available = (status as { availableReplicas?: number }).availableReplicas ?? 0;
    const updated = (status as { updatedReplicas?: number }).updatedReplicas ?? 0;
    lines.push(
      `Replicas:\t${desired} desired | ${updated} updated | ${total} total | ${available} available | ${Math.max(0, total - available)} unavailable`,
      `StrategyType:\t${object.spec.strategy?.type ?? 'RollingUpdate'}`,
      'MinReadySeconds:\t0',
      ...(object.spec.strategy?.type === 'Recreate'
        ? []
        : ['RollingUpdateStrategy:\t25% max unavailable, 25% max surge']),
    );
  } else {
    lines.push(
      `Replicas:\t${desired} desired | ${status.replicas ?? 0} total`,
      // The simulator has no update strategies: the API server's default is shown.
      'Update Strategy:\tRollingUpdate',
      '  Partition:\t0',
      podsStatus,
    );
  }
  lines.push(...describeTemplate(spec.template));
  if (object.kind === 'StatefulSet') lines.push(...describeClaimTemplates(object));
  if (object.kind === 'Deployment') {
    const sets = api
      .list('ReplicaSet', object.metadata.namespace)
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === object.metadata.uid));
    const current = sets.find((rs) => (rs.spec.replicas ?? 0) > 0 || sets.length === 1);
    const old = sets.filter((rs) => rs !== current && (rs.status.replicas ?? 0) > 0);
    const created = (rs: (typeof sets)[number]) =>
      `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`;
    lines.push(
      `OldReplicaSets:\t${old.length > 0 ? old.map(created).join(', ') : '<none>'}`,
      `NewReplicaSet:\t${current ? created(current) : '<none>'}`,
    );
  }
  lines.push(...describeEvents(api, object));
  return lines;
}

/** describeVolumeClaimTemplates; access modes print as a Go slice, `[ReadWriteOnce]`. */
function describeClaimTemplates(sts: StatefulSet): string[] {
  const templates = sts.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) return ['Volume Claims:\t<none>'];
  const lines = ['Volume Claims:'];
  for (const t of templates) {
    lines.push(
      `  Name:\t${t.metadata.name}`,
      `  StorageClass:\t${t.spec.storageClassName ?? ''}`,
      ...describeMap('Labels', t.metadata.labels, '  '),
      ...describeAnnotations(t.metadata.annotations, 'Annotations', '  '),
      `  Capacity:\t${t.spec.resources?.requests?.storage ?? '<default>'}`,
      `  Access Modes:\t[${(t.spec.accessModes ?? []).join(' ')}]`,
    );
  }
  return lines;
}
