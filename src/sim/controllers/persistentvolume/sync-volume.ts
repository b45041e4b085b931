import type { ApiServer } from '../../api/api-server.ts';
import type { PersistentVolume } from '../../api/types.ts';
import { annBoundByController, annDynamicallyProvisioned } from '../../api/volume-helpers.ts';
import { removeAnnotation } from './bind.ts';
import { reclaimVolume } from './reclaim.ts';

const source = { component: 'persistentvolume-controller' };

function setPhase(pv: PersistentVolume, phase: PersistentVolume['status']['phase'], message?: string): void {
  if (pv.status.phase === phase && pv.status.message === message) return;
  pv.status = message ? { phase, message } : { phase };
}

/** syncVolume (pv_controller.go): a volume's phase follows its claim reference. */
export function syncVolume(api: ApiServer, pv: PersistentVolume): void {
  const ref = pv.spec.claimRef;
  if (!ref) return setPhase(pv, 'Available');
  if (!ref.uid) return setPhase(pv, 'Available'); // reserved for a claim by name (pre-bound by the user)
  const found = api.get('PersistentVolumeClaim', ref.name ?? '', ref.namespace ?? 'default');
  const claim = found && found.metadata.uid === ref.uid ? found : undefined;
  if (!claim) {
    // The claim is gone (or replaced by a new one with the same name): the volume is Released.
    if (pv.status.phase !== 'Released' && pv.status.phase !== 'Failed') setPhase(pv, 'Released');
    return reclaimVolume(api, pv);
  }
  if (!claim.spec.volumeName) {
    // Binding in progress; a volume-mode mismatch can never complete it.
    if ((claim.spec.volumeMode ?? 'Filesystem') !== (pv.spec.volumeMode ?? 'Filesystem')) {
      const volumeMessage = `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name}" due to incompatible volumeMode.`;
      const claimMessage = `Cannot bind PersistentVolume "${pv.metadata.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`;
      api.recordEvent(pv, 'Warning', 'VolumeMismatch', volumeMessage, source);
      api.recordEvent(claim, 'Warning', 'VolumeMismatch', claimMessage, source);
    }
    return;
  }
  if (claim.spec.volumeName === pv.metadata.name) return setPhase(pv, 'Bound');
  // The claim is bound to another volume.
  if (
    pv.metadata.annotations?.[annDynamicallyProvisioned] &&
    pv.spec.persistentVolumeReclaimPolicy === 'Delete'
  ) {
    setPhase(pv, 'Released');
    return reclaimVolume(api, pv);
  }
  if (pv.metadata.annotations?.[annBoundByController]) {
    pv.spec.claimRef = null;
    delete pv.spec.claimRef;
    removeAnnotation(pv, annBoundByController);
    return setPhase(pv, 'Available');
  }
  if (pv.spec.claimRef) pv.spec.claimRef = { ...pv.spec.claimRef, uid: '' };
  setPhase(pv, 'Available');
}
