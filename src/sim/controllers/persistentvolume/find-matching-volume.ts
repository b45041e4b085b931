import { claimClass } from '../../api/storage-classes.ts';
import type { ClusterNode, PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import {
  claimRequest,
  isVolumeBoundToClaim,
  volumeCapacity,
  volumeClass,
  volumeFitsNode,
  volumeHasModes,
} from '../../api/volume-helpers.ts';
import { matchesLabelSelector } from '../../lib/label-selector.ts';

/**
 * FindMatchingVolume (component-helpers pv_helpers.go). `node` is set on the scheduler's path
 * (WaitForFirstConsumer), unset on the PV controller's. Ties between equal sizes, which upstream
 * leaves to cache order, go to the lexically first volume name (spec P4).
 */
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  node: ClusterNode | undefined,
  excluded: ReadonlySet<string>,
  delayBinding: boolean,
): PersistentVolume | undefined {
  const requested = claimRequest(claim);
  const requestedClass = claimClass(claim);
  const claimMode = claim.spec.volumeMode ?? 'Filesystem';
  let smallest: PersistentVolume | undefined;
  for (const volume of [...volumes].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    if (excluded.has(volume.metadata.name)) continue;
    if (volume.spec.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    const capacity = volumeCapacity(volume);
    if (capacity < requested) continue;
    if ((volume.spec.volumeMode ?? 'Filesystem') !== claimMode) continue;
    if (volume.metadata.deletionTimestamp) continue;
    const nodeAffinityValid = node ? volumeFitsNode(volume, node) : true;
    if (isVolumeBoundToClaim(volume, claim)) {
      // A volume pre-bound to this claim wins outright, unless it cannot be used on this node.
      return nodeAffinityValid ? volume : undefined;
    }
    // The PV controller leaves WaitForFirstConsumer claims to the scheduler.
    if (!node && delayBinding) continue;
    if (volume.status.phase !== 'Available') continue;
    if (claim.spec.selector && !matchesLabelSelector(volume.metadata.labels ?? {}, claim.spec.selector))
      continue;
    if (volumeClass(volume) !== requestedClass) continue;
    if (!nodeAffinityValid) continue;
    if (node && !volumeHasModes(volume, claim.spec.accessModes)) continue;
    if (!smallest || volumeCapacity(smallest) > capacity) smallest = volume;
  }
  return smallest;
}

/**
 * findBestMatchForClaim (persistentvolume/index.go): volumes are grouped by their exact set of
 * access modes; only groups offering every requested mode count, visited from the fewest modes
 * up, and the first group with a match wins. So a volume with fewer extra modes beats a smaller
 * one with more.
 */
export function findBestMatchForClaim(
  claim: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  delayBinding: boolean,
): PersistentVolume | undefined {
  const groups = new Map<string, PersistentVolume[]>();
  for (const volume of volumes) {
    const key = [...(volume.spec.accessModes ?? [])].sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), volume]);
  }
  const candidates = [...groups.entries()]
    .filter(([, members]) => members[0] !== undefined && volumeHasModes(members[0], claim.spec.accessModes))
    .sort(([a], [b]) => a.split(',').length - b.split(',').length || a.localeCompare(b));
  for (const [, members] of candidates) {
    const match = findMatchingVolume(claim, members, undefined, new Set(), delayBinding);
    if (match) return match;
  }
  return undefined;
}
