import type { ApiServer } from '../../api/api-server.ts';
import { syncClaim } from './sync-claim.ts';
import { syncVolume } from './sync-volume.ts';

/**
 * The PersistentVolume controller (kube-controller-manager): one pass of syncVolume over every
 * volume and syncClaim over every claim. Upstream resyncs every 15 s; the engine instead runs
 * passes until nothing changes, so a learner sees the steady state at once (a simplification).
 * Volumes go first: a volume created together with its claim is Available (no longer Pending)
 * by the time the claim looks for it, so the claim binds without a misleading FailedBinding.
 */
export function persistentVolumeController(api: ApiServer): void {
  for (const pv of api.list('PersistentVolume')) syncVolume(api, pv);
  for (const pvc of api.list('PersistentVolumeClaim')) syncClaim(api, pvc);
}
