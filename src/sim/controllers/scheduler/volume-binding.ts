import type { ApiServer } from '../../api/api-server.ts';
import type {
  ClusterNode,
  CSIStorageCapacity,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../api/types.ts';
import {
  annBindCompleted,
  claimRequest,
  notSupportedProvisioner,
  storageBytes,
  volumeFitsNode,
} from '../../api/volume-helpers.ts';
import { matchesLabelSelector } from '../../lib/label-selector.ts';
import { csiDrivers } from '../../storage/csi-drivers.ts';
import { findMatchingVolume } from '../persistentvolume/find-matching-volume.ts';
import { isDelayBinding } from '../persistentvolume/sync-claim.ts';

export function podClaims(
  api: ApiServer,
  pod: Pod,
): Array<{ claimName: string; pvc?: PersistentVolumeClaim }> {
  return (pod.spec.volumes ?? [])
    .filter((v) => v.persistentVolumeClaim)
    .map((v) => {
      const claimName = v.persistentVolumeClaim?.claimName ?? '';
      return { claimName, pvc: api.get('PersistentVolumeClaim', claimName, pod.metadata.namespace) };
    });
}

/** VolumeBinding PreFilter: problems with the pod's claims that no node can solve. */
export function volumePreFilter(api: ApiServer, pod: Pod): string | undefined {
  for (const { claimName, pvc } of podClaims(api, pod)) {
    if (!pvc) return `persistentvolumeclaim "${claimName}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${claimName}" is being deleted`;
    if (pvc.status.phase === 'Lost') {
      return `persistentvolumeclaim "${claimName}" bound to non-existent persistentvolume "${pvc.spec.volumeName ?? ''}"`;
    }
  }
  for (const { pvc } of podClaims(api, pod)) {
    if (!pvc || isFullyBound(pvc)) continue;
    const preBound = Boolean(pvc.spec.volumeName);
    if (preBound || !isDelayBinding(api, pvc)) return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
}

function isFullyBound(pvc: PersistentVolumeClaim): boolean {
  return Boolean(pvc.spec.volumeName) && pvc.metadata.annotations?.[annBindCompleted] === 'yes';
}

export interface VolumeDecision {
  /** Unbound WaitForFirstConsumer claims → the volume chosen for them on this node, or none (provision). */
  bindings: Array<{ pvc: PersistentVolumeClaim; pv?: PersistentVolume }>;
}

/** VolumeBinding Filter for one node: a reason it cannot host the pod, or the bindings it needs. */
export function volumeFilter(api: ApiServer, pod: Pod, node: ClusterNode): string | VolumeDecision {
  const decision: VolumeDecision = { bindings: [] };
  const chosen = new Set<string>();
  const unbound: PersistentVolumeClaim[] = [];
  for (const { pvc } of podClaims(api, pod)) {
    if (!pvc) continue;
    if (isFullyBound(pvc)) {
      const pv = api.get('PersistentVolume', pvc.spec.volumeName ?? '');
      if (!pv) return 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
      if (!volumeFitsNode(pv, node)) return 'node(s) had volume node affinity conflict';
    } else {
      unbound.push(pvc);
    }
  }
  // Each claim gets a different volume, the smallest requests choosing first (binder.go
  // findMatchingVolumes sorts byPVCSize; equal requests go by name).
  const volumes = api.list('PersistentVolume');
  const bySize = unbound.sort(
    (a, b) => claimRequest(a) - claimRequest(b) || a.metadata.name.localeCompare(b.metadata.name),
  );
  for (const pvc of bySize) {
    const pv = findMatchingVolume(pvc, volumes, node, chosen, true);
    if (pv) {
      chosen.add(pv.metadata.name);
      decision.bindings.push({ pvc, pv });
      continue;
    }
    const sc = api.get('StorageClass', pvc.spec.storageClassName ?? '');
    const canProvision = sc && sc.provisioner !== notSupportedProvisioner && !pvc.spec.selector;
    if (!canProvision) return "node(s) didn't find available persistent volumes to bind";
    if (!hasEnoughCapacity(api, pvc, sc, node)) return 'node(s) did not have enough free storage';
    decision.bindings.push({ pvc });
  }
  return decision;
}

/**
 * binder.go hasEnoughCapacity: room for a new volume of the claim's size that the node can reach.
 * Only for drivers with CSIDriver spec.storageCapacity (looked up by the class's provisioner name,
 * so in-tree names are never checked); then some CSIStorageCapacity object, in any namespace, must
 * be for this class, be large enough and select the node. No such object, no room.
 */
function hasEnoughCapacity(
  api: ApiServer,
  pvc: PersistentVolumeClaim,
  sc: StorageClass,
  node: ClusterNode,
): boolean {
  const request = pvc.spec.resources?.requests?.storage;
  if (request === undefined) return true; // no size to check
  if (!csiDrivers[sc.provisioner]?.storageCapacity) return true;
  // Quantity.Value() rounds up to whole bytes.
  const size = Math.ceil(storageBytes(request));
  return api
    .list('CSIStorageCapacity')
    .some(
      (capacity) =>
        capacity.storageClassName === sc.metadata.name &&
        capacitySufficient(capacity, size) &&
        nodeHasAccess(node, capacity),
    );
}

/** capacitySufficient/volumeLimit: maximumVolumeSize is more precise, so it wins; unset means none. */
function capacitySufficient(capacity: CSIStorageCapacity, size: number): boolean {
  const limit = capacity.maximumVolumeSize ?? capacity.capacity;
  return limit !== undefined && Math.ceil(storageBytes(limit)) >= size;
}

/** nodeHasAccess: an unset nodeTopology reaches no node; an empty one reaches every node. */
function nodeHasAccess(node: ClusterNode, capacity: CSIStorageCapacity): boolean {
  if (!capacity.nodeTopology) return false;
  return matchesLabelSelector(node.metadata.labels ?? {}, capacity.nodeTopology);
}
