import type { ApiServer } from '../api/api-server.ts';
import type { Pod, VolumeAttachment } from '../api/types.ts';
import { isAttachable } from '../storage/csi-drivers.ts';
import { isNodeReady } from './node-lifecycle.ts';

/** maxWaitForUnmountDuration: a volume stuck on an unhealthy node is force-detached after 6 minutes. */
export const forceDetachAfterMs = 6 * 60 * 1000;
const source = { component: 'attachdetach-controller' };

/** The attachable volumes each pod on a node needs, as `pv name` per pod. */
function attachableVolumes(api: ApiServer, pod: Pod): string[] {
  const names: string[] = [];
  for (const volume of pod.spec.volumes ?? []) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const pvc = api.get('PersistentVolumeClaim', claimName, pod.metadata.namespace);
    const pv = pvc?.spec.volumeName ? api.get('PersistentVolume', pvc.spec.volumeName) : undefined;
    if (pv && pvc?.status.phase === 'Bound' && isAttachable(pv)) names.push(pv.metadata.name);
  }
  return names;
}

/**
 * Whether a pod still holds its volumes on its node. A pod being deleted on a healthy node lets
 * go at once (its kubelet unmounts); on an unreachable node nobody can confirm the unmount, so
 * the volume stays attached until the 6-minute force-detach.
 */
function holdsVolumes(api: ApiServer, pod: Pod): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  if (!pod.metadata.deletionTimestamp) return true;
  const node = api.get('Node', pod.spec.nodeName ?? '');
  if (isNodeReady(node)) return false;
  return api.now < Date.parse(pod.metadata.deletionTimestamp) + forceDetachAfterMs;
}

/**
 * Attach/detach controller: attaches each attachable volume to the node of every pod that uses
 * it, one node at a time (a ReadWriteOnce block disk); a second node's pod gets the
 * Multi-Attach error and waits. Detaches volumes no pod on that node holds any more.
 */
export function attachDetachController(api: ApiServer): void {
  const desired = new Map<string, { node: string; pods: Pod[] }[]>(); // pv → nodes wanting it
  for (const pod of api.list('Pod')) {
    const node = pod.spec.nodeName;
    if (!node || !api.get('Node', node) || !holdsVolumes(api, pod)) continue;
    for (const pv of attachableVolumes(api, pod)) {
      const wants = desired.get(pv) ?? [];
      const entry = wants.find((w) => w.node === node);
      if (entry) entry.pods.push(pod);
      else wants.push({ node, pods: [pod] });
      desired.set(pv, wants);
    }
  }
  // Detach what nobody on that node needs.
  for (const attachment of api.list('VolumeAttachment')) {
    const pv = attachment.spec.source.persistentVolumeName;
    if (!desired.get(pv)?.some((w) => w.node === attachment.spec.nodeName)) api.remove(attachment);
  }
  for (const [pvName, wants] of desired) {
    const attached = api
      .list('VolumeAttachment')
      .filter((a) => a.spec.source.persistentVolumeName === pvName);
    for (const want of wants) {
      if (attached.some((a) => a.spec.nodeName === want.node)) continue;
      const holder = attached[0];
      if (holder) {
        const users = desired.get(pvName)?.find((w) => w.node === holder.spec.nodeName)?.pods ?? [];
        const names = users.map((p) => p.metadata.name).join(', ');
        for (const pod of want.pods) {
          api.recordEvent(
            pod,
            'Warning',
            'FailedAttachVolume',
            `Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) ${names}`,
            source,
          );
        }
        continue;
      }
      const pv = api.get('PersistentVolume', pvName);
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

/** The next force-detach moment, for `sim advance`. */
export function forceDetachDeadline(api: ApiServer): number | undefined {
  let next: number | undefined;
  for (const pod of api.list('Pod')) {
    if (!pod.metadata.deletionTimestamp || isNodeReady(api.get('Node', pod.spec.nodeName ?? ''))) continue;
    const at = Date.parse(pod.metadata.deletionTimestamp) + forceDetachAfterMs;
    if (at > api.now) next = Math.min(next ?? at, at);
  }
  return next;
}

export function isAttachedTo(api: ApiServer, pvName: string, node: string): boolean {
  return api
    .list('VolumeAttachment')
    .some((a) => a.spec.source.persistentVolumeName === pvName && a.spec.nodeName === node);
}
