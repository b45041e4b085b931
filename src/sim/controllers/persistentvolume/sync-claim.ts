import type { ApiServer } from '../../api/api-server.ts';
import { claimClass, defaultStorageClass } from '../../api/storage-classes.ts';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import {
  annBindCompleted,
  annSelectedNode,
  claimRequest,
  isVolumeBoundToClaim,
  volumeCapacity,
  volumeClass,
  volumeHasModes,
} from '../../api/volume-helpers.ts';
import { bind } from './bind.ts';
import { findBestMatchForClaim } from './find-matching-volume.ts';
import { provisionClaim } from './provision.ts';

const source = { component: 'persistentvolume-controller' };

/** syncClaim: claims that never completed binding look for a volume; bound ones are checked. */
export function syncClaim(api: ApiServer, pvc: PersistentVolumeClaim): void {
  if (pvc.metadata.annotations?.[annBindCompleted] !== 'yes') syncUnboundClaim(api, pvc);
  else syncBoundClaim(api, pvc);
}

/** IsDelayBindingMode: the claim's class exists and uses WaitForFirstConsumer. */
export function isDelayBinding(api: ApiServer, pvc: PersistentVolumeClaim): boolean {
  const name = claimClass(pvc);
  if (name === '') return false;
  return api.get('StorageClass', name)?.volumeBindingMode === 'WaitForFirstConsumer';
}

function setPending(pvc: PersistentVolumeClaim): void {
  if (pvc.status.phase !== 'Pending') pvc.status = { phase: 'Pending' };
}

function syncUnboundClaim(api: ApiServer, pvc: PersistentVolumeClaim): void {
  if (pvc.spec.volumeName) return syncPreBoundClaim(api, pvc);
  const delay = isDelayBinding(api, pvc);
  const match = findBestMatchForClaim(pvc, api.list('PersistentVolume'), delay);
  if (match) return bind(api, match, pvc);
  setPending(pvc);
  // Retroactive default StorageClass assignment: only a claim whose class is unset (not ""), and
  // only when a default exists; without one the claim carries on as a claim without a class.
  if (pvc.spec.storageClassName === undefined || pvc.spec.storageClassName === null) {
    const fallback = defaultStorageClass(api);
    if (fallback) {
      pvc.spec.storageClassName = fallback.metadata.name;
      return;
    }
  }
  if (delay && !pvc.metadata.annotations?.[annSelectedNode]) {
    // emitEventForUnboundDelayBindingClaim: name every pod that uses the claim and is not scheduled.
    const waiting = api
      .list('Pod', pvc.metadata.namespace)
      .filter(
        (pod) =>
          !pod.spec.nodeName &&
          pod.status.phase !== 'Succeeded' &&
          pod.status.phase !== 'Failed' &&
          pod.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
      )
      .map((pod) => pod.metadata.name);
    if (waiting.length > 0) {
      const message =
        waiting.length === 1
          ? `waiting for pod ${waiting[0]} to be scheduled`
          : `waiting for pods ${waiting.join(',')} to be scheduled`;
      api.recordEvent(pvc, 'Normal', 'WaitForPodScheduled', message, source);
    } else {
      api.recordEvent(
        pvc,
        'Normal',
        'WaitForFirstConsumer',
        'waiting for first consumer to be created before binding',
        source,
      );
    }
    return;
  }
  if (claimClass(pvc) !== '') return provisionClaim(api, pvc);
  api.recordEvent(
    pvc,
    'Normal',
    'FailedBinding',
    'no persistent volumes available for this claim and no storage class is set',
    source,
  );
}

/** The user named a volume in spec.volumeName: check it fits, ignoring selector and node affinity. */
function syncPreBoundClaim(api: ApiServer, pvc: PersistentVolumeClaim): void {
  setPending(pvc);
  const pv = api.get('PersistentVolume', pvc.spec.volumeName ?? '');
  if (!pv) return; // not there yet: retried on every sync, without an event
  if (!pv.spec.claimRef) {
    const mismatch = volumeMismatch(pv, pvc);
    if (mismatch) {
      api.recordEvent(
        pvc,
        'Warning',
        'VolumeMismatch',
        `Cannot bind to requested volume "${pv.metadata.name}": ${mismatch}`,
        source,
      );
      return;
    }
    return bind(api, pv, pvc);
  }
  if (isVolumeBoundToClaim(pv, pvc)) return bind(api, pv, pvc);
  api.recordEvent(
    pvc,
    'Warning',
    'FailedBinding',
    `volume "${pv.metadata.name}" already bound to a different claim.`,
    source,
  );
}

/** checkVolumeSatisfyClaim, in upstream's order of checks. */
function volumeMismatch(pv: PersistentVolume, pvc: PersistentVolumeClaim): string | undefined {
  if (pv.metadata.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`;
  if (volumeCapacity(pv) < claimRequest(pvc)) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(pvc)) return 'storageClassName does not match';
  if ((pv.spec.volumeMode ?? 'Filesystem') !== (pvc.spec.volumeMode ?? 'Filesystem'))
    return 'incompatible volumeMode';
  if (!volumeHasModes(pv, pvc.spec.accessModes)) return 'incompatible accessMode';
  return undefined;
}

/** updateClaimStatusWithEvent(Lost, volume nil): the claim no longer reports a capacity or access modes. */
function markLost(api: ApiServer, pvc: PersistentVolumeClaim, reason: string, message: string): void {
  if (pvc.status.phase === 'Lost') return;
  pvc.status = { phase: 'Lost' };
  api.recordEvent(pvc, 'Warning', reason, message, source);
}

/** syncBoundClaim: a claim that was bound checks its volume still points back at it. */
function syncBoundClaim(api: ApiServer, pvc: PersistentVolumeClaim): void {
  if (!pvc.spec.volumeName) {
    return markLost(
      api,
      pvc,
      'ClaimLost',
      'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
    );
  }
  const pv = api.get('PersistentVolume', pvc.spec.volumeName);
  if (!pv)
    return markLost(
      api,
      pvc,
      'ClaimLost',
      'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    );
  if (!pv.spec.claimRef) return bind(api, pv, pvc);
  if (pv.spec.claimRef.uid === pvc.metadata.uid && pv.spec.claimRef.name === pvc.metadata.name)
    return bind(api, pv, pvc);
  markLost(
    api,
    pvc,
    'ClaimMisbound',
    'Two claims are bound to the same volume, this one is bound incorrectly',
  );
}
