import type { ApiServer } from '../../api/api-server.ts';
import { syncClaim } from './sync-claim.ts';
import { syncVolume } from './sync-volume.ts';

/**
 * The PersistentVolume controller (kube-controller-manager): one pass of syncClaim over every
 * claim and syncVolume over every volume. Upstream resyncs every 15 s; the engine instead runs
 * passes until nothing changes, so a learner sees the steady state at once (a simplification).
 */
export function persistentVolumeController(api: ApiServer): void {
  for (const pvc of api.list('PersistentVolumeClaim')) syncClaim(api, pvc);
  for (const pv of api.list('PersistentVolume')) syncVolume(api, pv);
}
