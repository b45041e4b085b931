import type { ApiServer } from '../../api/api-server.ts';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import {
  annBindCompleted,
  annBoundByController,
  claimRefTo,
  isVolumeBoundToClaim,
} from '../../api/volume-helpers.ts';

/**
 * bind (pv_controller.go): PV claimRef (+ bound-by-controller unless the user pre-bound it), PV
 * Bound, PVC volumeName (+ bind-completed, + bound-by-controller if the controller chose), PVC
 * Bound with the volume's capacity and access modes. Writes only what differs, so binding an
 * already bound pair changes nothing.
 */
export function bind(_api: ApiServer, pv: PersistentVolume, pvc: PersistentVolumeClaim): void {
  if (!isVolumeBoundToClaim(pv, pvc) || !pv.spec.claimRef?.uid) {
    const userPreBound = pv.spec.claimRef != null;
    pv.spec.claimRef = claimRefTo(pvc);
    if (!userPreBound) setAnnotation(pv, annBoundByController, 'yes');
  }
  if (pv.status.phase !== 'Bound') pv.status = { phase: 'Bound' };

  if (pvc.spec.volumeName !== pv.metadata.name) {
    const controllerChose = !pvc.spec.volumeName;
    pvc.spec.volumeName = pv.metadata.name;
    if (controllerChose) setAnnotation(pvc, annBoundByController, 'yes');
  }
  setAnnotation(pvc, annBindCompleted, 'yes');
  const storage = pv.spec.capacity?.storage ?? '0';
  const modes = pv.spec.accessModes ?? [];
  const status = pvc.status;
  const sameModes =
    status.accessModes?.length === modes.length && modes.every((m, i) => status.accessModes?.[i] === m);
  if (status.phase !== 'Bound' || status.capacity?.storage !== storage || !sameModes) {
    pvc.status = { phase: 'Bound', accessModes: [...modes], capacity: { storage } };
  }
}

export function setAnnotation(
  object: { metadata: { annotations?: Record<string, string> } },
  key: string,
  value: string,
) {
  if (object.metadata.annotations?.[key] === value) return;
  object.metadata.annotations = { ...object.metadata.annotations, [key]: value };
}

export function removeAnnotation(
  object: { metadata: { annotations?: Record<string, string> } },
  key: string,
) {
  if (!object.metadata.annotations || !(key in object.metadata.annotations)) return;
  const { [key]: _removed, ...rest } = object.metadata.annotations;
  object.metadata.annotations = rest;
  if (Object.keys(rest).length === 0) delete object.metadata.annotations;
}
