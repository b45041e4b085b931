import { parseQuantity } from '../lib/quantity.ts';
import type {
  AccessMode,
  ClusterNode,
  NodeSelector,
  NodeSelectorRequirement,
  ObjectReference,
  PersistentVolume,
  PersistentVolumeClaim,
} from './types.ts';

// Annotation keys (component-helpers storage/volume/pv_helpers.go).
export const annBindCompleted = 'pv.kubernetes.io/bind-completed';
export const annBoundByController = 'pv.kubernetes.io/bound-by-controller';
export const annDynamicallyProvisioned = 'pv.kubernetes.io/provisioned-by';
export const annStorageProvisioner = 'volume.kubernetes.io/storage-provisioner';
export const annBetaStorageProvisioner = 'volume.beta.kubernetes.io/storage-provisioner';
export const annSelectedNode = 'volume.kubernetes.io/selected-node';
export const notSupportedProvisioner = 'kubernetes.io/no-provisioner';

const modeOrder: AccessMode[] = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const modeShort: Record<AccessMode, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** GetAccessModesAsString: `RWO,ROX,RWX,RWOP` in that fixed order. */
export function accessModesString(modes: readonly AccessMode[] | undefined): string {
  return modeOrder
    .filter((mode) => modes?.includes(mode))
    .map((mode) => modeShort[mode])
    .join(',');
}

/** CheckAccessModes: the volume offers every mode the claim asks for. */
export function volumeHasModes(pv: PersistentVolume, modes: readonly AccessMode[] | undefined): boolean {
  return (modes ?? []).every((mode) => pv.spec.accessModes?.includes(mode));
}

/** GetPersistentVolumeClass: `""` when unset. */
export function volumeClass(pv: PersistentVolume): string {
  return pv.spec.storageClassName ?? '';
}

export function storageBytes(value: string | undefined): number {
  return value === undefined ? 0 : (parseQuantity(String(value)) ?? 0);
}

export function claimRequest(pvc: PersistentVolumeClaim): number {
  return storageBytes(pvc.spec.resources?.requests?.storage);
}

export function volumeCapacity(pv: PersistentVolume): number {
  return storageBytes(pv.spec.capacity?.storage);
}

/** IsVolumeBoundToClaim: claimRef names this claim (and its UID, when the ref carries one). */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec.claimRef;
  if (!ref) return false;
  if (
    ref.name !== pvc.metadata.name ||
    (ref.namespace ?? 'default') !== (pvc.metadata.namespace ?? 'default')
  )
    return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

function matchesRequirement(requirement: NodeSelectorRequirement, node: ClusterNode): boolean {
  const value =
    requirement.key === 'metadata.name' ? node.metadata.name : node.metadata.labels?.[requirement.key];
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** A node selector: terms are ORed, each term's expressions ANDed. */
export function nodeMatchesSelector(selector: NodeSelector | undefined, node: ClusterNode): boolean {
  const terms = selector?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return true;
  return terms.some((term) => {
    const expressions = term.matchExpressions ?? [];
    const fields = (term.matchFields ?? []).map((f) => ({
      ...f,
      key: f.key === 'metadata.name' ? 'metadata.name' : f.key,
    }));
    const all = [...expressions, ...fields];
    return all.length > 0 && all.every((requirement) => matchesRequirement(requirement, node));
  });
}

/** CheckNodeAffinity for a PersistentVolume. */
export function volumeFitsNode(pv: PersistentVolume, node: ClusterNode): boolean {
  return nodeMatchesSelector(pv.spec.nodeAffinity?.required, node);
}

/** The reference a volume keeps to the claim it is bound to (spec.claimRef). */
export function claimRefTo(pvc: PersistentVolumeClaim): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: pvc.metadata.namespace ?? 'default',
    name: pvc.metadata.name,
    uid: pvc.metadata.uid,
    apiVersion: 'v1',
    resourceVersion: pvc.metadata.resourceVersion ?? '',
  };
}
