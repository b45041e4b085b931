import type { KubeObject, PersistentVolumeClaim, StatefulSet, StorageClass } from './types.ts';
import { type FieldError, forbidden, invalid } from './validation/field-error.ts';
import { storageBytes } from './volume-helpers.ts';

/** RFC 7386 JSON merge patch (also how `kubectl apply` lays a manifest over the live object here). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * ValidateXxxUpdate, for the fields a learner is likely to change: what the API server forbids
 * changing on an existing object, with its messages.
 */
export function validateUpdate(old: KubeObject, next: KubeObject): FieldError[] {
  switch (old.kind) {
    case 'Pod': {
      const strip = (o: KubeObject) => {
        const spec = JSON.parse(
          JSON.stringify((o as { spec: { containers: Array<{ image?: string }> } }).spec),
        );
        for (const c of spec.containers ?? []) delete c.image;
        delete spec.nodeName;
        delete spec.tolerations;
        return spec;
      };
      return same(strip(old), strip(next))
        ? []
        : [
            forbidden(
              'spec',
              'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
            ),
          ];
    }
    case 'PersistentVolumeClaim':
      return claimUpdate(old as PersistentVolumeClaim, next as PersistentVolumeClaim);
    case 'PersistentVolume': {
      const source = (o: KubeObject) => {
        const spec = (o as { spec: Record<string, unknown> }).spec;
        return [spec.hostPath, spec.local, spec.nfs, spec.csi];
      };
      return same(source(old), source(next))
        ? []
        : [
            forbidden(
              'spec.persistentvolumesource',
              'spec.persistentvolumesource is immutable after creation',
            ),
          ];
    }
    case 'StorageClass': {
      const a = old as StorageClass;
      const b = next as StorageClass;
      const errors: FieldError[] = [];
      if (a.provisioner !== b.provisioner)
        errors.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
      if (!same(a.parameters ?? {}, b.parameters ?? {}))
        errors.push(forbidden('parameters', 'updates to parameters are forbidden.'));
      if (a.reclaimPolicy !== b.reclaimPolicy)
        errors.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
      if (a.volumeBindingMode !== b.volumeBindingMode)
        errors.push(invalid('volumeBindingMode', b.volumeBindingMode, 'field is immutable'));
      return errors;
    }
    case 'StatefulSet': {
      const strip = (o: StatefulSet) => {
        const {
          replicas: _r,
          template: _t,
          persistentVolumeClaimRetentionPolicy: _p,
          ...rest
        } = o.spec as StatefulSet['spec'] & Record<string, unknown>;
        for (const allowed of ['updateStrategy', 'revisionHistoryLimit', 'minReadySeconds', 'ordinals'])
          delete rest[allowed];
        return rest;
      };
      return same(strip(old as StatefulSet), strip(next as StatefulSet))
        ? []
        : [
            forbidden(
              'spec',
              "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
            ),
          ];
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const selector = (o: KubeObject) => (o as { spec: { selector: unknown } }).spec.selector;
      return same(selector(old), selector(next))
        ? []
        : [invalid('spec.selector', selector(next), 'field is immutable')];
    }
    default:
      return [];
  }
}

function claimUpdate(old: PersistentVolumeClaim, next: PersistentVolumeClaim): FieldError[] {
  const strip = (pvc: PersistentVolumeClaim) => {
    const { resources: _resources, volumeName, ...rest } = pvc.spec;
    // A pending claim's volumeName may be set once (pre-binding by the user after creation).
    return { ...rest, volumeName: old.spec.volumeName ? volumeName : undefined };
  };
  if (!same(strip(old), strip(next))) {
    return [
      forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    ];
  }
  const before = storageBytes(old.spec.resources?.requests?.storage);
  const after = storageBytes(next.spec.resources?.requests?.storage);
  if (after !== before && old.status.phase !== 'Bound') {
    return [
      forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    ];
  }
  if (after < before) {
    return [forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity')];
  }
  return [];
}
