import type { ApiServer } from '../../api/api-server.ts';
import type { ClusterNode, Pod, Volume } from '../../api/types.ts';
import {
  annBoundByController,
  annSelectedNode,
  claimRefTo,
  isVolumeBoundToClaim,
  nodeMatchesSelector,
} from '../../api/volume-helpers.ts';
import { tolerates } from '../node-lifecycle.ts';
import { setAnnotation } from '../persistentvolume/bind.ts';
import { podClaims, type VolumeDecision, volumeFilter, volumePreFilter } from './volume-binding.ts';

const source = { component: 'default-scheduler' };

/**
 * kube-scheduler with the plugins that decide storage lessons: NodeUnschedulable, TaintToleration,
 * NodeAffinity (nodeSelector and required affinity), VolumeRestrictions (inline disk conflicts,
 * ReadWriteOncePod) and VolumeBinding. Among feasible nodes it picks the one running fewest pods,
 * then by name (upstream scores resources and spreading; this keeps placement predictable for
 * lessons).
 */
export function scheduler(api: ApiServer): void {
  const nodes = api.list('Node');
  const pods = api.list('Pod');
  const pending = pods.filter(
    (pod) => !pod.spec.nodeName && !pod.metadata.deletionTimestamp && pod.status.phase === 'Pending',
  );
  if (pending.length === 0) return;
  // Pods per node, kept current as this round places pods.
  const load = new Map<string, number>();
  for (const pod of pods) {
    if (pod.spec.nodeName && !pod.metadata.deletionTimestamp)
      load.set(pod.spec.nodeName, (load.get(pod.spec.nodeName) ?? 0) + 1);
  }
  for (const pod of pending) schedulePod(api, pod, nodes, load);
}

function schedulePod(api: ApiServer, pod: Pod, nodes: ClusterNode[], loadByNode: Map<string, number>): void {
  const preFilter = volumePreFilter(api, pod);
  if (preFilter) return unschedulable(api, pod, nodes.length, `${preFilter}.`);
  const reasons = new Map<string, number>();
  const feasible: Array<{ node: ClusterNode; decision: VolumeDecision }> = [];
  for (const node of nodes) {
    const result = filterNode(api, pod, node);
    if (typeof result === 'string') reasons.set(result, (reasons.get(result) ?? 0) + 1);
    else feasible.push({ node, decision: result });
  }
  if (feasible.length === 0) {
    const parts = [...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
    return unschedulable(api, pod, nodes.length, `${parts.join(', ')}.`);
  }
  // An unbound claim already waiting for provisioning on a node keeps the pod on that node (once
  // bound, the annotation no longer steers anything).
  const selected = podClaims(api, pod)
    .filter(({ pvc }) => pvc && !pvc.spec.volumeName)
    .map(({ pvc }) => pvc?.metadata.annotations?.[annSelectedNode])
    .find(Boolean);
  const load = (node: ClusterNode) => loadByNode.get(node.metadata.name) ?? 0;
  const best =
    feasible.find((f) => f.node.metadata.name === selected) ??
    [...feasible].sort(
      (a, b) => load(a.node) - load(b.node) || a.node.metadata.name.localeCompare(b.node.metadata.name),
    )[0];
  if (!best) return;
  // PreBind: claim the chosen volumes, or ask for provisioning on this node; the pod is bound to
  // the node only once all its claims are bound (the PV controller completes the binding).
  if (best.decision.bindings.length > 0) {
    for (const { pvc, pv } of best.decision.bindings) {
      if (pv && !isVolumeBoundToClaim(pv, pvc)) {
        pv.spec.claimRef = claimRefTo(pvc);
        setAnnotation(pv, annBoundByController, 'yes');
      } else if (!pv) {
        setAnnotation(pvc, annSelectedNode, best.node.metadata.name);
      }
    }
    return;
  }
  pod.spec.nodeName = best.node.metadata.name;
  loadByNode.set(best.node.metadata.name, load(best.node) + 1);
  loadByNode.set(best.node.metadata.name, load(best.node) + 1);
  setCondition(api, pod, 'True');
  api.recordEvent(
    pod,
    'Normal',
    'Scheduled',
    `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${best.node.metadata.name}`,
    source,
  );
}

function filterNode(api: ApiServer, pod: Pod, node: ClusterNode): string | VolumeDecision {
  const tolerations = pod.spec.tolerations ?? [];
  const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
  if (node.spec.unschedulable && !tolerations.some((t) => tolerates(t, unschedulableTaint))) {
    return 'node(s) were unschedulable';
  }
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule' || taint.key === unschedulableTaint.key) continue;
    if (!tolerations.some((t) => tolerates(t, taint)))
      return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  const labels = node.metadata.labels ?? {};
  const selectorOk = Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
  const affinity = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!selectorOk || (affinity && !nodeMatchesSelector(affinity, node))) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  // VolumeRestrictions Filter checks disk conflicts first, then ReadWriteOncePod.
  if (diskConflict(api, pod, node)) return 'node(s) had no available disk';
  if (readWriteOncePodConflict(api, pod)) {
    return 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';
  }
  return volumeFilter(api, pod, node);
}

/**
 * VolumeRestrictions Filter (volume_restrictions.go satisfyVolumeConflicts): a legacy inline disk
 * of the pod already used by a pod on this node, in any namespace. The scheduler's cache holds
 * scheduled pods until they are deleted, except Succeeded and Failed ones (its pod informer
 * filters them out), so a Terminating pod still holds its disk.
 */
function diskConflict(api: ApiServer, pod: Pod, node: ClusterNode): boolean {
  const disks = (pod.spec.volumes ?? []).filter((v) => v.gcePersistentDisk || v.awsElasticBlockStore);
  if (disks.length === 0) return false;
  return api
    .list('Pod')
    .some(
      (other) =>
        other.spec.nodeName === node.metadata.name &&
        other.metadata.uid !== pod.metadata.uid &&
        other.status.phase !== 'Succeeded' &&
        other.status.phase !== 'Failed' &&
        disks.some((volume) => isVolumeConflict(volume, other)),
    );
}

/**
 * isVolumeConflict: the same GCE persistent disk (by pdName) conflicts unless both pods mount it
 * read-only; the same AWS EBS volume (by volumeID) always conflicts, read-only or not.
 */
function isVolumeConflict(volume: Volume, existing: Pod): boolean {
  return (existing.spec.volumes ?? []).some((other) => {
    const gce = volume.gcePersistentDisk;
    const otherGce = other.gcePersistentDisk;
    if (gce && otherGce && gce.pdName === otherGce.pdName && !(gce.readOnly && otherGce.readOnly)) {
      return true;
    }
    const ebs = volume.awsElasticBlockStore;
    const otherEbs = other.awsElasticBlockStore;
    return Boolean(ebs && otherEbs && ebs.volumeID === otherEbs.volumeID);
  });
}

/** VolumeRestrictions: a ReadWriteOncePod claim already used by another scheduled pod. */
function readWriteOncePodConflict(api: ApiServer, pod: Pod): boolean {
  const rwop = podClaims(api, pod).filter(({ pvc }) => pvc?.spec.accessModes?.includes('ReadWriteOncePod'));
  if (rwop.length === 0) return false;
  return api
    .list('Pod', pod.metadata.namespace)
    .some(
      (other) =>
        other.metadata.uid !== pod.metadata.uid &&
        Boolean(other.spec.nodeName) &&
        other.status.phase !== 'Succeeded' &&
        other.status.phase !== 'Failed' &&
        (other.spec.volumes ?? []).some((v) =>
          rwop.some(({ claimName }) => v.persistentVolumeClaim?.claimName === claimName),
        ),
    );
}

function unschedulable(api: ApiServer, pod: Pod, nodeCount: number, detail: string): void {
  const message = `0/${nodeCount} nodes are available: ${detail} preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`;
  setCondition(api, pod, 'False', 'Unschedulable', message);
  api.recordEvent(pod, 'Warning', 'FailedScheduling', message, source);
}

function setCondition(
  api: ApiServer,
  pod: Pod,
  status: 'True' | 'False',
  reason?: string,
  message?: string,
): void {
  const current = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
  if (current?.status === status && current.message === message) return;
  const condition = {
    type: 'PodScheduled' as const,
    status,
    lastTransitionTime: api.timestamp(),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
  pod.status.conditions = [
    ...(pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
    condition,
  ];
}
