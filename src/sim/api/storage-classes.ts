import type { ApiServer } from './api-server.ts';
import type { PersistentVolumeClaim, StorageClass } from './types.ts';

export const defaultClassAnnotation = 'storageclass.kubernetes.io/is-default-class';
const betaDefaultClassAnnotation = 'storageclass.beta.kubernetes.io/is-default-class';

export function isDefaultClass(sc: StorageClass): boolean {
  const annotations = sc.metadata.annotations ?? {};
  return annotations[defaultClassAnnotation] === 'true' || annotations[betaDefaultClassAnnotation] === 'true';
}

/** The default StorageClass; with several defaults the newest wins (DefaultStorageClass admission). */
export function defaultStorageClass(api: ApiServer): StorageClass | undefined {
  const defaults = api.list('StorageClass').filter(isDefaultClass);
  defaults.sort((a, b) =>
    a.metadata.creationTimestamp === b.metadata.creationTimestamp
      ? a.metadata.name.localeCompare(b.metadata.name)
      : a.metadata.creationTimestamp < b.metadata.creationTimestamp
        ? 1
        : -1,
  );
  return defaults[0];
}

/** GetPersistentVolumeClaimClass: the class a claim asks for, `""` meaning "no class". */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec.storageClassName ?? '';
}
