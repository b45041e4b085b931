import { labelSelectorRequirements, matchesLabelSelector } from '../../lib/label-selector.ts';
import type {
  ClusterNode,
  Deployment,
  KubeObject,
  LabelSelector,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  StatefulSet,
  StorageClass,
} from '../types.ts';
import { type FieldError, invalid, required, unsupported } from './field-error.ts';
import { validateMeta } from './validate-meta.ts';
import { validatePodSpec } from './validate-pod-spec.ts';
import { validateClaimSpec, validateStorageClass, validateVolumeSpec } from './validate-storage.ts';

/** Validation on create, per kind (the API server's ValidateXxx functions, modelled subset). */
export function validateObject(object: KubeObject): FieldError[] {
  switch (object.kind) {
    case 'Pod':
      return [...validateMeta(object.metadata), ...validatePodSpec((object as Pod).spec, 'spec')];
    case 'PersistentVolumeClaim':
      return [
        ...validateMeta(object.metadata),
        ...validateClaimSpec((object as PersistentVolumeClaim).spec, 'spec'),
      ];
    case 'PersistentVolume':
      return [...validateMeta(object.metadata), ...validateVolumeSpec(object as PersistentVolume)];
    case 'StorageClass':
      return [...validateMeta(object.metadata), ...validateStorageClass(object as StorageClass)];
    case 'Node':
      return validateMeta((object as ClusterNode).metadata);
    case 'ReplicaSet':
    case 'Deployment':
      return [...validateMeta(object.metadata), ...validateWorkload(object as ReplicaSet | Deployment)];
    case 'StatefulSet':
      return [...validateMeta(object.metadata, true), ...validateStatefulSet(object as StatefulSet)];
    case 'CSIStorageCapacity':
      return [
        ...validateMeta(object.metadata),
        ...(object.storageClassName ? [] : [required('storageClassName')]),
      ];
    default:
      return [];
  }
}

function validateWorkload(
  object: { spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec } },
  claimTemplates: string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  const spec = object.spec;
  if (!spec) return [required('spec')];
  if (spec.replicas !== undefined && spec.replicas < 0) {
    errors.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  if (!spec.selector || labelSelectorRequirements(spec.selector).length === 0) {
    errors.push(required('spec.selector'));
  } else if (!matchesLabelSelector(spec.template?.metadata?.labels ?? {}, spec.selector)) {
    errors.push(
      invalid(
        'spec.template.metadata.labels',
        spec.template?.metadata?.labels ?? {},
        '`selector` does not match template `labels`',
      ),
    );
  }
  errors.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec', claimTemplates));
  const policy = spec.template?.spec?.restartPolicy;
  if (policy && policy !== 'Always')
    errors.push(unsupported('spec.template.spec.restartPolicy', policy, ['Always']));
  return errors;
}

function validateStatefulSet(sts: StatefulSet): FieldError[] {
  const errors = validateWorkload(
    sts,
    (sts.spec?.volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? ''),
  );
  for (const [i, template] of (sts.spec?.volumeClaimTemplates ?? []).entries()) {
    if (!template.metadata?.name) errors.push(required(`spec.volumeClaimTemplates[${i}].metadata.name`));
    errors.push(...validateClaimSpec(template.spec, `spec.volumeClaimTemplates[${i}].spec`));
  }
  const policy = sts.spec?.persistentVolumeClaimRetentionPolicy;
  for (const key of ['whenDeleted', 'whenScaled'] as const) {
    const value = policy?.[key];
    if (value && !['Retain', 'Delete'].includes(value)) {
      errors.push(
        unsupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, value, ['Delete', 'Retain']),
      );
    }
  }
  return errors;
}
