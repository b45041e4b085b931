import { parseQuantity } from '../../lib/quantity.ts';
import type { PersistentVolume, PersistentVolumeClaimSpec, StorageClass } from '../types.ts';
import { type FieldError, forbidden, invalid, required, unsupported } from './field-error.ts';

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const volumeModes = ['Block', 'Filesystem'];

function validateAccessModes(modes: string[] | undefined, path: string): FieldError[] {
  if (!modes || modes.length === 0) return [required(path, 'at least 1 access mode is required')];
  const errors: FieldError[] = [];
  for (const mode of modes)
    if (!accessModes.includes(mode)) errors.push(unsupported(path, mode, accessModes));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
    errors.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  }
  return errors;
}

/** ValidatePersistentVolumeClaimSpec. */
export function validateClaimSpec(spec: PersistentVolumeClaimSpec | undefined, path: string): FieldError[] {
  if (!spec) return [required(path)];
  const errors = validateAccessModes(spec.accessModes, `${path}.accessModes`);
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errors.push(required(`${path}.resources.requests[storage]`));
  else if ((parseQuantity(String(storage)) ?? 0) <= 0) {
    errors.push(invalid(`${path}.resources.requests[storage]`, String(storage), 'must be greater than zero'));
  }
  if (spec.volumeMode && !volumeModes.includes(spec.volumeMode)) {
    errors.push(unsupported(`${path}.volumeMode`, spec.volumeMode, volumeModes));
  }
  return errors;
}

const pvSources = ['hostPath', 'local', 'nfs', 'csi'] as const;

/** ValidatePersistentVolume (spec part). */
export function validateVolumeSpec(pv: PersistentVolume): FieldError[] {
  const spec = pv.spec;
  if (!spec) return [required('spec')];
  const errors = validateAccessModes(spec.accessModes, 'spec.accessModes');
  const storage = spec.capacity?.storage;
  if (storage === undefined) errors.push(required('spec.capacity'));
  else if ((parseQuantity(String(storage)) ?? 0) <= 0) {
    errors.push(invalid('spec.capacity[storage]', String(storage), 'must be greater than zero'));
  }
  const given = pvSources.filter((source) => spec[source] != null);
  if (given.length === 0) errors.push(required('spec', 'must specify a volume type'));
  if (given.length > 1) errors.push(forbidden(`spec.${given[1]}`, 'may not specify more than 1 volume type'));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !['Delete', 'Recycle', 'Retain'].includes(policy)) {
    errors.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, ['Delete', 'Recycle', 'Retain']));
  }
  // Recycle is accepted on any volume (the controller then finds no recycler and fails it), but
  // never for a hostPath of `/` (ValidatePersistentVolumeSpec).
  if (policy === 'Recycle' && spec.hostPath && /^\/+$/.test(spec.hostPath.path)) {
    errors.push(
      forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"),
    );
  }
  if (spec.hostPath && !spec.hostPath.path) errors.push(required('spec.hostPath.path'));
  if (spec.local) {
    if (!spec.local.path) errors.push(required('spec.local.path'));
    if (!spec.nodeAffinity?.required)
      errors.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (spec.nfs) {
    if (!spec.nfs.server) errors.push(required('spec.nfs.server'));
    if (!spec.nfs.path) errors.push(required('spec.nfs.path'));
  }
  if (spec.csi) {
    if (!spec.csi.driver) errors.push(required('spec.csi.driver'));
    if (!spec.csi.volumeHandle) errors.push(required('spec.csi.volumeHandle'));
  }
  if (spec.volumeMode && !volumeModes.includes(spec.volumeMode)) {
    errors.push(unsupported('spec.volumeMode', spec.volumeMode, volumeModes));
  }
  return errors;
}

/** ValidateStorageClass. */
export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errors: FieldError[] = [];
  if (!sc.provisioner) errors.push(required('provisioner'));
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) {
    errors.push(unsupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  }
  if (sc.volumeBindingMode && !['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errors.push(
      unsupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']),
    );
  }
  return errors;
}
