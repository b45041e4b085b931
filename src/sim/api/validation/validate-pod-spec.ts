import { isDns1123Label } from '../../lib/validation.ts';
import type { PodSpec } from '../types.ts';
import {
  duplicate,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  required,
  unsupported,
} from './field-error.ts';

const hostPathTypes = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];
const sources = [
  'emptyDir',
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'persistentVolumeClaim',
  'configMap',
  'secret',
] as const;
/** validation.InclusiveRangeError(1, 255), though the check itself lets partition 0 through. */
const partitionError = 'must be between 1 and 255, inclusive';

/**
 * ValidatePodSpec, for the fields the simulator models. `path` is `spec` or `spec.template.spec`.
 */
export function validatePodSpec(
  spec: PodSpec | undefined,
  path: string,
  claimTemplates: string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec) return [required(path)];
  const volumeNames = new Set<string>();
  // A StatefulSet's volumeClaimTemplates become volumes of its pods, so mounts may name them.
  const mountable = new Set(claimTemplates);
  for (const [i, volume] of (spec.volumes ?? []).entries()) {
    const at = `${path}.volumes[${i}]`;
    if (!volume.name) errors.push(required(`${at}.name`));
    else {
      for (const detail of isDns1123Label(volume.name))
        errors.push(invalid(`${at}.name`, volume.name, detail));
      if (volumeNames.has(volume.name)) errors.push(duplicate(`${at}.name`, volume.name));
      volumeNames.add(volume.name);
    }
    const given = sources.filter((source) => (volume as unknown as Record<string, unknown>)[source] != null);
    if (given.length === 0) errors.push(required(at, 'must specify a volume type'));
    if (given.length > 1)
      errors.push(forbidden(`${at}.${given[1]}`, 'may not specify more than 1 volume type'));
    if (volume.hostPath) {
      if (!volume.hostPath.path) errors.push(required(`${at}.hostPath.path`));
      const type = volume.hostPath.type ?? '';
      if (!hostPathTypes.includes(type)) errors.push(unsupported(`${at}.hostPath.type`, type, hostPathTypes));
    }
    if (volume.emptyDir?.medium && !['Memory', 'HugePages'].includes(volume.emptyDir.medium)) {
      errors.push(unsupported(`${at}.emptyDir.medium`, volume.emptyDir.medium, ['', 'HugePages', 'Memory']));
    }
    if (volume.persistentVolumeClaim && !volume.persistentVolumeClaim.claimName) {
      errors.push(required(`${at}.persistentVolumeClaim.claimName`));
    }
    // validateVolumeSource checks a legacy disk only when no earlier source was given, and
    // reports a GCE disk under `persistentDisk`, not `gcePersistentDisk` (the path validation.go
    // passes), so the API server's message says so too.
    const gce = volume.gcePersistentDisk;
    if (gce && given[0] === 'gcePersistentDisk') {
      if (!gce.pdName) errors.push(required(`${at}.persistentDisk.pdName`));
      const partition = gce.partition ?? 0;
      if (partition < 0 || partition > 255)
        errors.push(invalid(`${at}.persistentDisk.partition`, partition, partitionError));
    }
    const ebs = volume.awsElasticBlockStore;
    if (ebs && given[0] === 'awsElasticBlockStore') {
      if (!ebs.volumeID) errors.push(required(`${at}.awsElasticBlockStore.volumeID`));
      const partition = ebs.partition ?? 0;
      if (partition < 0 || partition > 255)
        errors.push(invalid(`${at}.awsElasticBlockStore.partition`, partition, partitionError));
    }
  }
  if (!spec.containers || spec.containers.length === 0) errors.push(required(`${path}.containers`));
  const containerNames = new Set<string>();
  for (const [i, container] of (spec.containers ?? []).entries()) {
    const at = `${path}.containers[${i}]`;
    if (!container.name) errors.push(required(`${at}.name`));
    else {
      for (const detail of isDns1123Label(container.name))
        errors.push(invalid(`${at}.name`, container.name, detail));
      if (containerNames.has(container.name)) errors.push(duplicate(`${at}.name`, container.name));
      containerNames.add(container.name);
    }
    if (!container.image) errors.push(required(`${at}.image`));
    const mountPaths = new Set<string>();
    for (const [j, mount] of (container.volumeMounts ?? []).entries()) {
      const mountAt = `${at}.volumeMounts[${j}]`;
      if (!mount.name) errors.push(required(`${mountAt}.name`));
      else if (!volumeNames.has(mount.name) && !mountable.has(mount.name))
        errors.push(notFound(`${mountAt}.name`, mount.name));
      if (!mount.mountPath) errors.push(required(`${mountAt}.mountPath`));
      else if (mountPaths.has(mount.mountPath))
        errors.push(invalid(`${mountAt}.mountPath`, mount.mountPath, 'must be unique'));
      else mountPaths.add(mount.mountPath);
    }
  }
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errors.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  return errors;
}
