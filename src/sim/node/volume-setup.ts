import type { ApiServer } from '../api/api-server.ts';
import type { Pod, Volume } from '../api/types.ts';
import { volumeFitsNode } from '../api/volume-helpers.ts';
import { isAttachedTo } from '../controllers/attach-detach.ts';
import { isAttachable } from '../storage/csi-drivers.ts';
import { ensureDir } from './fs-ops.ts';
import { checkHostPath } from './host-path-check.ts';
import { inlineDiskKey, locateVolume } from './volume-locations.ts';

export type SetUpResult =
  | { ready: true }
  /**
   * `failure`: the first FailedMount message to report now; `waiting`: every volume not set up yet
   * (failed, or waiting to be bound or attached), in the pod's order.
   */
  | { ready: false; failure?: string; waiting: string[] };

/**
 * The kubelet's volume manager for one pod on its node: creates emptyDirs, checks hostPaths,
 * and mounts claims once bound and (for block disks) attached to this node. Each volume is set up
 * on its own: one failing does not stop the others.
 */
export function setUpVolumes(api: ApiServer, pod: Pod): SetUpResult {
  const waiting: string[] = [];
  let failure: string | undefined;
  for (const volume of pod.spec.volumes ?? []) {
    const result = setUpVolume(api, pod, volume);
    if (result === true) continue;
    waiting.push(volume.name);
    failure ??= result;
  }
  if (waiting.length === 0) return { ready: true };
  return failure ? { ready: false, failure, waiting } : { ready: false, waiting };
}

/** True when mounted; otherwise the FailedMount message, or undefined while simply waiting. */
function setUpVolume(api: ApiServer, pod: Pod, volume: Volume): true | string | undefined {
  const state = api.state;
  const nodeName = pod.spec.nodeName ?? '';
  const node = api.get('Node', nodeName);
  const nodeTree = (state.disks.nodes[nodeName] ??= { '/': { type: 'dir' } });
  if (volume.emptyDir) {
    const location = locateVolume(state, pod, volume);
    if (location?.disk.store === 'memory') state.disks.memory[location.disk.key] ??= { '/': { type: 'dir' } };
    else if (location) ensureDir(nodeTree, location.disk.base);
    return true;
  }
  if (volume.hostPath) {
    const problem = checkHostPath(nodeTree, volume.hostPath.path, volume.hostPath.type);
    return problem ? `MountVolume.SetUp failed for volume "${volume.name}" : ${problem}` : true;
  }
  // An inline cloud disk exists outside the cluster before any pod names it.
  const inlineDisk = inlineDiskKey(volume);
  if (inlineDisk) {
    state.disks.network[inlineDisk] ??= { '/': { type: 'dir' } };
    return true;
  }
  const claimName = volume.persistentVolumeClaim?.claimName;
  if (!claimName) return true;
  const pvc = api.get('PersistentVolumeClaim', claimName, pod.metadata.namespace);
  const namespaced = `${pod.metadata.namespace}/${claimName}`;
  if (!pvc) {
    return `Unable to attach or mount volumes: unmounted volumes=[${volume.name}], unattached volumes=[${volume.name}]: error processing PVC ${namespaced}: failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found`;
  }
  const location = locateVolume(state, pod, volume);
  const pv = location?.pv;
  if (!location || !pv) return undefined;
  if (node && !volumeFitsNode(pv, node)) {
    return `MountVolume.NodeAffinity check failed for volume "${pv.metadata.name}" : no matching NodeSelectorTerms`;
  }
  if (isAttachable(pv) && !isAttachedTo(api, pv.metadata.name, nodeName)) return undefined;
  if (pv.spec.local && !nodeTree[pv.spec.local.path]) {
    return `MountVolume.NewMounter initialization failed for volume "${pv.metadata.name}" : path "${pv.spec.local.path}" does not exist`;
  }
  if (pv.spec.hostPath) {
    const problem = checkHostPath(nodeTree, pv.spec.hostPath.path, pv.spec.hostPath.type);
    if (problem) return `MountVolume.SetUp failed for volume "${pv.metadata.name}" : ${problem}`;
  }
  if (location.disk.store === 'network') state.disks.network[location.disk.key] ??= { '/': { type: 'dir' } };
  return true;
}
