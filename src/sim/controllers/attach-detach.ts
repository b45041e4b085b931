import type { ApiServer } from '../api/api-server.ts';
import type { PersistentVolume, Pod, VolumeAttachment } from '../api/types.ts';
import { isAttachable } from '../storage/csi-drivers.ts';
import { isNodeReady } from './node-lifecycle.ts';

/** maxWaitForUnmountDuration: a volume stuck on an unhealthy node is force-detached after 6 minutes. */
export const forceDetachAfterMs = 6 * 60 * 1000;
/** With this taint on a node (non-graceful node shutdown), its volumes are detached at once. */
export const outOfServiceTaint = 'node.kubernetes.io/out-of-service';
/**
 * When the controller first wanted to detach a volume it could not (the node is unhealthy). Upstream
 * keeps this `DetachRequestedTime` in its memory; the simulator keeps it on the VolumeAttachment.
 */
export const detachRequestedAnnotation = 'volumelab.dev/detach-requested-at';
const source = { component: 'attachdetach-controller' };

/** The attachable volumes a pod needs. */
function attachableVolumes(api: ApiServer, pod: Pod): PersistentVolume[] {
  const volumes: PersistentVolume[] = [];
  for (const volume of pod.spec.volumes ?? []) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const pvc = api.get('PersistentVolumeClaim', claimName, pod.metadata.namespace);
    const pv = pvc?.spec.volumeName ? api.get('PersistentVolume', pvc.spec.volumeName) : undefined;
    if (pv && pvc?.status.phase === 'Bound' && isAttachable(pv)) volumes.push(pv);
  }
  return volumes;
}

/**
 * Whether a pod is in the controller's desired state of world: scheduled, not terminated. A pod
 * being deleted is let go (detach requested at its deletionTimestamp); on a healthy node its
 * kubelet unmounts at once, on an unhealthy one nobody confirms the unmount (see below).
 */
function wantsVolumes(pod: Pod): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  return !pod.metadata.deletionTimestamp;
}

function nodeHealthy(api: ApiServer, nodeName: string): boolean {
  return isNodeReady(api.get('Node', nodeName));
}

function outOfService(api: ApiServer, nodeName: string): boolean {
  return Boolean(api.get('Node', nodeName)?.spec.taints?.some((t) => t.key === outOfServiceTaint));
}

/** A ReadWriteMany or ReadOnlyMany volume may be attached to several nodes (isMultiAttachForbidden). */
function multiAttachAllowed(pv: PersistentVolume | undefined): boolean {
  const modes = pv?.spec.accessModes ?? [];
  return modes.length === 0 || modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany');
}

/**
 * When detaching this attachment was first requested: the latest deletionTimestamp of the pods
 * still known on its node, else what the controller recorded, else now.
 */
function detachRequestedAt(api: ApiServer, attachment: VolumeAttachment, users: Pod[]): number {
  const recorded = attachment.metadata.annotations?.[detachRequestedAnnotation];
  const deleted = users.map((p) => Date.parse(p.metadata.deletionTimestamp ?? '')).filter(Number.isFinite);
  if (deleted.length > 0) return Math.max(...deleted);
  return recorded ? Date.parse(recorded) : api.now;
}

/**
 * Attach/detach controller: attaches each attachable volume to the node of every pod that needs
 * it, one node at a time unless the volume is ReadWriteMany/ReadOnlyMany; another node's pod
 * gets the Multi-Attach error and waits. A volume no pod on its node needs any more is detached
 * at once from a healthy node; from an unhealthy node (NotReady or deleted) nobody can confirm the
 * unmount, so it is force-detached only maxWaitForUnmountDuration (6 min) after the detach was
 * requested, or at once when the node has the `node.kubernetes.io/out-of-service` taint.
 */
export function attachDetachController(api: ApiServer): void {
  const desired = new Map<string, { node: string; pods: Pod[] }[]>(); // pv → nodes wanting it
  const known = new Map<string, Pod[]>(); // `pv/node` → pods (also terminating ones) using it there
  for (const pod of api.list('Pod')) {
    const node = pod.spec.nodeName;
    if (!node || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    for (const pv of attachableVolumes(api, pod)) {
      const name = pv.metadata.name;
      known.set(`${name}/${node}`, [...(known.get(`${name}/${node}`) ?? []), pod]);
      if (!wantsVolumes(pod) || !api.get('Node', node)) continue;
      const wants = desired.get(name) ?? [];
      const entry = wants.find((w) => w.node === node);
      if (entry) entry.pods.push(pod);
      else wants.push({ node, pods: [pod] });
      desired.set(name, wants);
    }
  }
  for (const attachment of api.list('VolumeAttachment')) {
    const pv = attachment.spec.source.persistentVolumeName;
    const node = attachment.spec.nodeName;
    if (desired.get(pv)?.some((w) => w.node === node)) {
      if (attachment.metadata.annotations?.[detachRequestedAnnotation]) {
        const { [detachRequestedAnnotation]: _cleared, ...rest } = attachment.metadata.annotations;
        attachment.metadata.annotations = rest;
      }
      continue;
    }
    if (nodeHealthy(api, node) || outOfService(api, node)) {
      api.remove(attachment);
      continue;
    }
    const requested = detachRequestedAt(api, attachment, known.get(`${pv}/${node}`) ?? []);
    if (api.now >= requested + forceDetachAfterMs) {
      api.remove(attachment);
      continue;
    }
    if (attachment.metadata.annotations?.[detachRequestedAnnotation] !== api.timestamp(requested)) {
      attachment.metadata.annotations = {
        ...attachment.metadata.annotations,
        [detachRequestedAnnotation]: api.timestamp(requested),
      };
    }
  }
  for (const [pvName, wants] of desired) {
    const pv = api.get('PersistentVolume', pvName);
    const attached = api
      .list('VolumeAttachment')
      .filter((a) => a.spec.source.persistentVolumeName === pvName);
    for (const want of wants) {
      if (attached.some((a) => a.spec.nodeName === want.node)) continue;
      const holder = attached[0];
      if (holder && !multiAttachAllowed(pv)) {
        const users = known.get(`${pvName}/${holder.spec.nodeName}`) ?? [];
        for (const pod of want.pods) {
          api.recordEvent(
            pod,
            'Warning',
            'FailedAttachVolume',
            multiAttachMessage(pvName, pod, users),
            source,
          );
        }
        continue;
      }
      const attachment: VolumeAttachment = {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'VolumeAttachment',
        metadata: { name: `csi-${api.suffix(12)}`, uid: '', creationTimestamp: '' },
        spec: {
          attacher: pv?.spec.csi?.driver ?? '',
          nodeName: want.node,
          source: { persistentVolumeName: pvName },
        },
        status: { attached: true },
      };
      api.create(attachment);
      attached.push(attachment);
      for (const pod of want.pods) {
        api.recordEvent(
          pod,
          'Normal',
          'SuccessfulAttachVolume',
          `AttachVolume.Attach succeeded for volume "${pvName}"`,
          source,
        );
      }
    }
  }
}

/**
 * reportMultiAttachError: names the pods of the waiting pod's namespace that use the volume on the
 * other node, counts those of other namespaces, and falls back to a plain message when no pod is
 * known there any more (the volume is only waiting to be detached).
 */
function multiAttachMessage(pvName: string, pod: Pod, users: Pod[]): string {
  const prefix = `Multi-Attach error for volume "${pvName}"`;
  if (users.length === 0)
    return `${prefix} Volume is already exclusively attached to one node and can't be attached to another`;
  const local = users
    .filter((p) => p.metadata.namespace === pod.metadata.namespace)
    .map((p) => p.metadata.name);
  const others = users.length - local.length;
  if (local.length === 0)
    return `${prefix} Volume is already used by ${others} pod(s) in different namespaces`;
  const suffix = others > 0 ? ` and ${others} pod(s) in different namespaces` : '';
  return `${prefix} Volume is already used by pod(s) ${local.join(', ')}${suffix}`;
}

/** The next force-detach moment, for `sim advance`. */
export function forceDetachDeadline(api: ApiServer): number | undefined {
  let next: number | undefined;
  const consider = (at: number) => {
    if (at > api.now) next = Math.min(next ?? at, at);
  };
  for (const pod of api.list('Pod')) {
    if (!pod.metadata.deletionTimestamp || nodeHealthy(api, pod.spec.nodeName ?? '')) continue;
    consider(Date.parse(pod.metadata.deletionTimestamp) + forceDetachAfterMs);
  }
  for (const attachment of api.list('VolumeAttachment')) {
    const recorded = attachment.metadata.annotations?.[detachRequestedAnnotation];
    if (recorded) consider(Date.parse(recorded) + forceDetachAfterMs);
  }
  return next;
}

export function isAttachedTo(api: ApiServer, pvName: string, node: string): boolean {
  return api
    .list('VolumeAttachment')
    .some((a) => a.spec.source.persistentVolumeName === pvName && a.spec.nodeName === node);
}
