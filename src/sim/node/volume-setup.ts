import type { ApiServer } from '../api/api-server.ts';
import type { Pod } from '../api/types.ts';
import { volumeFitsNode } from '../api/volume-helpers.ts';
import { isAttachedTo } from '../controllers/attach-detach.ts';
import { isAttachable } from '../storage/csi-drivers.ts';
import { ensureDir } from './fs-ops.ts';
import { checkHostPath } from './host-path-check.ts';
import { locateVolume } from './volume-locations.ts';

export type SetUpResult =
  | { ready: true }
  /** `failure`: a FailedMount message to report now; `waiting`: volumes not attached/mountable yet. */
  | { ready: false; failure?: string; waiting: string[] };

/**
 * The kubelet's volume manager for one pod on its node: creates emptyDirs, checks hostPaths,
 * and mounts claims once bound and (for block disks) attached to this node.
 */
export function setUpVolumes(api: ApiServer, pod: Pod): SetUpResult {
  const state = api.state;
  const nodeName = pod.spec.nodeName ?? '';
  const node = api.get('Node', nodeName);
  const nodeTree = (state.disks.nodes[nodeName] ??= { '/': { type: 'dir' } });
  const waiting: string[] = [];
  for (const volume of pod.spec.volumes ?? []) {
    if (volume.emptyDir) {
      const location = locateVolume(state, pod, volume);
      if (location?.disk.store === 'memory')
        state.disks.memory[location.disk.key] ??= { '/': { type: 'dir' } };
      else if (location) ensureDir(nodeTree, location.disk.base);
      continue;
    }
    if (volume.hostPath) {
      const problem = checkHostPath(nodeTree, volume.hostPath.path, volume.hostPath.type);
      if (problem)
        return {
          ready: false,
          failure: `MountVolume.SetUp failed for volume "${volume.name}" : ${problem}`,
          waiting,
        };
      continue;
    }
    const claimName = volume.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const pvc = api.get('PersistentVolumeClaim', claimName, pod.metadata.namespace);
    const namespaced = `${pod.metadata.namespace}/${claimName}`;
    if (!pvc) {
      const message = `Unable to attach or mount volumes: unmounted volumes=[${volume.name}], unattached volumes=[${volume.name}]: error processing PVC ${namespaced}: failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found`;
      return { ready: false, failure: message, waiting };
    }
    const location = locateVolume(state, pod, volume);
    const pv = location?.pv;
    if (!location || !pv) {
      waiting.push(volume.name);
      continue;
    }
    if (node && !volumeFitsNode(pv, node)) {
      return {
        ready: false,
        failure: `MountVolume.NodeAffinity check failed for volume "${pv.metadata.name}" : no matching NodeSelectorTerms`,
        waiting,
      };
    }
    if (isAttachable(pv) && !isAttachedTo(api, pv.metadata.name, nodeName)) {
      waiting.push(volume.name);
      continue;
    }
    if (pv.spec.local && !nodeTree[pv.spec.local.path]) {
      return {
        ready: false,
        failure: `MountVolume.NewMounter initialization failed for volume "${pv.metadata.name}" : path "${pv.spec.local.path}" does not exist`,
        waiting,
      };
    }
    if (pv.spec.hostPath) {
      const problem = checkHostPath(nodeTree, pv.spec.hostPath.path, pv.spec.hostPath.type);
      if (problem)
        return {
          ready: false,
          failure: `MountVolume.SetUp failed for volume "${pv.metadata.name}" : ${problem}`,
          waiting,
        };
    }
    if (location.disk.store === 'network')
      state.disks.network[location.disk.key] ??= { '/': { type: 'dir' } };
  }
  return waiting.length > 0 ? { ready: false, waiting } : { ready: true };
}
