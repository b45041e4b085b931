import type { ApiServer } from '../../api/api-server.ts';
import type { PersistentVolume } from '../../api/types.ts';
import { annBoundByController } from '../../api/volume-helpers.ts';
import { clearDir, removePath } from '../../node/fs-ops.ts';
import { csiDrivers, networkDiskKey } from '../../storage/csi-drivers.ts';
import { removeAnnotation } from './bind.ts';
import { externalProvisionerFinalizer } from './provision.ts';

const source = { component: 'persistentvolume-controller' };

/** reclaimVolume: what happens to a Released volume, by its reclaim policy. */
export function reclaimVolume(api: ApiServer, pv: PersistentVolume): void {
  switch (pv.spec.persistentVolumeReclaimPolicy ?? 'Retain') {
    case 'Retain':
      return; // the data stays; an administrator decides (clear claimRef, or delete the PV)
    case 'Recycle':
      return recycle(api, pv);
    case 'Delete':
      return deleteVolume(api, pv);
    default:
      failVolume(
        api,
        pv,
        'VolumeUnknownReclaimPolicy',
        'Volume has unrecognized PersistentVolumeReclaimPolicy',
      );
  }
}

/**
 * updateVolumePhaseWithEvent(Failed): reclamation is retried on every sync, but the phase, its
 * message and the event are written only when the volume turns Failed.
 */
function failVolume(api: ApiServer, pv: PersistentVolume, reason: string, message: string): void {
  if (pv.status.phase === 'Failed') return;
  pv.status = { phase: 'Failed', message };
  api.recordEvent(pv, 'Warning', reason, message, source);
}

/** Recycle (deprecated): scrub `rm -rf /thevolume/*`, then make the volume Available again. */
function recycle(api: ApiServer, pv: PersistentVolume): void {
  const ref = pv.spec.claimRef;
  const users = api
    .list('Pod', ref?.namespace ?? 'default')
    .filter(
      (pod) =>
        pod.status.phase !== 'Succeeded' &&
        pod.status.phase !== 'Failed' &&
        pod.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === ref?.name),
    );
  if (users.length > 0) {
    const names = users.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`).join(',');
    api.recordEvent(pv, 'Normal', 'VolumeFailedRecycle', `Volume is used by pods: ${names}`, source);
    return;
  }
  if (pv.spec.hostPath) {
    // The recycler pod scrubs the directory on the node it runs on; we scrub it on every node.
    for (const tree of Object.values(api.state.disks.nodes))
      if (tree[pv.spec.hostPath.path]) clearDir(tree, pv.spec.hostPath.path);
  } else if (pv.spec.nfs) {
    const tree = api.state.disks.network[networkDiskKey(pv) ?? ''];
    if (tree) clearDir(tree, '/');
  } else {
    return failVolume(api, pv, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
  }
  api.recordEvent(pv, 'Normal', 'VolumeRecycled', 'Volume recycled', source);
  if (pv.metadata.annotations?.[annBoundByController]) {
    delete pv.spec.claimRef;
    removeAnnotation(pv, annBoundByController);
  } else if (pv.spec.claimRef) {
    pv.spec.claimRef = { ...pv.spec.claimRef, uid: '' };
  }
  pv.status = { phase: 'Available' };
}

/** Delete: the storage asset and the PV object go away, through the plugin that owns them. */
function deleteVolume(api: ApiServer, pv: PersistentVolume): void {
  if (
    pv.metadata.deletionTimestamp &&
    !pv.metadata.finalizers?.includes(externalProvisionerFinalizer) &&
    !pv.spec.hostPath
  ) {
    return; // already handed to the API server; protection finalizers finish the job
  }
  if (pv.spec.csi) {
    if (!csiDrivers[pv.spec.csi.driver]) return; // that driver's external provisioner is not running here
    delete api.state.disks.network[networkDiskKey(pv) ?? ''];
    api.removeFinalizer(pv, externalProvisionerFinalizer);
    if (api.get('PersistentVolume', pv.metadata.name)) api.delete(pv);
    return;
  }
  if (pv.spec.hostPath) {
    const path = pv.spec.hostPath.path;
    if (!/^\/tmp\/.+/.test(path)) {
      return failVolume(
        api,
        pv,
        'VolumeFailedDelete',
        `host_path deleter only supports /tmp/.+ but received provided ${path}`,
      );
    }
    // The in-tree hostPath deleter runs inside kube-controller-manager: it deletes the directory
    // on the control-plane machine, not on the worker where a pod wrote it.
    const controlPlane = api.state.disks.nodes['control-plane'];
    if (controlPlane) removePath(controlPlane, path);
    api.delete(pv);
    return;
  }
  failVolume(
    api,
    pv,
    'VolumeFailedDelete',
    `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`,
  );
}
