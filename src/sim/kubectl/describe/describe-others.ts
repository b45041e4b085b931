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
import { describeEvents, describeMap, describeTime } from './describe-helpers.ts';
import { describePodVolume, describeVolumeSource } from './describe-volumes.ts';

const annotations = (object: KubeObject, indent = '') =>
  describeMap('Annotations', object.metadata.annotations, indent).map((l) => l.replace(/=/, ': '));
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
    `Status:\t${pvc.metadata.deletionTimestamp ? `Terminating (lasts ${humanDuration(api.now - Date.parse(pvc.metadata.deletionTimestamp))})` : pvc.status.phase}`,
    `Volume:\t${pvc.spec.volumeName ?? ''}`,
    ...describeMap('Labels', pvc.metadata.labels),
    ...annotations(pvc),
    finalizers(pvc),
    `Capacity:\t${bound ? (pvc.status.capacity?.storage ?? '') : ''}`,
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
    `Status:\t${pv.metadata.deletionTimestamp ? 'Terminating' : pv.status.phase}`,
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
  const params = Object.entries(sc.parameters ?? {}).map(([k, v]) => `${k}=${v}`);
  return [
    `Name:\t${sc.metadata.name}`,
    `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}`,
    ...describeMap('Annotations', sc.metadata.annotations),
    `Provisioner:\t${sc.provisioner}`,
    `Parameters:\t${params.length > 0 ? params.join(',') : '<none>'}`,
    `AllowVolumeExpansion:\t${sc.allowVolumeExpansion ? 'True' : '<unset>'}`,
    `MountOptions:\t${sc.mountOptions?.length ? sc.mountOptions.join(', ') : '<none>'}`,
    `ReclaimPolicy:\t${sc.reclaimPolicy ?? 'Delete'}`,
    `VolumeBindingMode:\t${sc.volumeBindingMode ?? 'Immediate'}`,
    ...describeEvents(api, sc),
  ];
}

function describeTemplate(template: PodTemplateSpec): string[] {
  const lines = ['Pod Template:', ...describeMap('Labels', template.metadata?.labels, '  '), '  Containers:'];
  for (const c of template.spec.containers) {
    lines.push(`   ${c.name}:`, `    Image:\t${c.image}`, '    Mounts:');
    for (const m of c.volumeMounts ?? [])
      lines.push(`      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
    if (!c.volumeMounts?.length) lines.push('      <none>');
  }
  lines.push('  Volumes:');
  for (const v of template.spec.volumes ?? []) lines.push(...describePodVolume(v).map((l) => `  ${l}`));
  if (!template.spec.volumes?.length) lines.push('   <none>');
  return lines;
}

/** ReplicaSet, Deployment and StatefulSet. */
export function describeWorkload(api: ApiServer, object: KubeObject): string[] {
  if (object.kind !== 'ReplicaSet' && object.kind !== 'Deployment' && object.kind !== 'StatefulSet')
    return [];
  const spec = object.spec;
  const status = object.status as { replicas?: number; readyReplicas?: number };
  const lines = [
    `Name:\t${object.metadata.name}`,
    `Namespace:\t${object.metadata.namespace}`,
    `Selector:\t${formatSelector(spec.selector)}`,
    ...describeMap('Labels', object.metadata.labels),
    ...annotations(object),
    `Replicas:\t${spec.replicas ?? 1} desired | ${status.replicas ?? 0} total`,
    ...describeTemplate(spec.template),
  ];
  if (object.kind === 'StatefulSet') lines.push(...describeClaimTemplates(object));
  lines.push(...describeEvents(api, object));
  return lines;
}

function describeClaimTemplates(sts: StatefulSet): string[] {
  const templates = sts.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) return ['Volume Claims:\t<none>'];
  const lines = ['Volume Claims:'];
  for (const t of templates) {
    lines.push(
      `  Name:\t${t.metadata.name}`,
      `  StorageClass:\t${t.spec.storageClassName ?? ''}`,
      `  Capacity:\t${t.spec.resources?.requests?.storage ?? ''}`,
      `  Access Modes:\t${accessModesString(t.spec.accessModes)}`,
    );
  }
  const policy = sts.spec.persistentVolumeClaimRetentionPolicy;
  lines.push(
    `Persistent Volume Claim Retention Policy:\tWhenDeleted: ${policy?.whenDeleted ?? 'Retain'}, WhenScaled: ${policy?.whenScaled ?? 'Retain'}`,
  );
  return lines;
}
