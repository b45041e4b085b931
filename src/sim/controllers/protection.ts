import { addFinalizer, pvcProtectionFinalizer, pvProtectionFinalizer } from '../api/admission.ts';
import type { ApiServer } from '../api/api-server.ts';

/**
 * pvc-protection: every live claim carries the finalizer (added back if someone removed it); a
 * deleted claim stays (Terminating) while any *scheduled* pod object uses it, whatever that pod's
 * phase; unscheduled pods do not hold it (pvc_protection_controller.go).
 */
export function pvcProtectionController(api: ApiServer): void {
  for (const pvc of api.list('PersistentVolumeClaim')) {
    if (!pvc.metadata.deletionTimestamp) {
      if (!pvc.metadata.finalizers?.includes(pvcProtectionFinalizer))
        addFinalizer(pvc, pvcProtectionFinalizer);
      continue;
    }
    if (!pvc.metadata.finalizers?.includes(pvcProtectionFinalizer)) continue;
    const inUse = api
      .list('Pod', pvc.metadata.namespace)
      .some(
        (pod) =>
          Boolean(pod.spec.nodeName) &&
          pod.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
      );
    if (!inUse) api.removeFinalizer(pvc, pvcProtectionFinalizer);
  }
}

/**
 * pv-protection: every live volume carries the finalizer (added back if removed); a deleted
 * volume stays (Terminating) while it is Bound (pv_protection_controller.go).
 */
export function pvProtectionController(api: ApiServer): void {
  for (const pv of api.list('PersistentVolume')) {
    if (!pv.metadata.deletionTimestamp) {
      if (!pv.metadata.finalizers?.includes(pvProtectionFinalizer)) addFinalizer(pv, pvProtectionFinalizer);
      continue;
    }
    if (!pv.metadata.finalizers?.includes(pvProtectionFinalizer)) continue;
    if (pv.status.phase !== 'Bound') api.removeFinalizer(pv, pvProtectionFinalizer);
  }
}
