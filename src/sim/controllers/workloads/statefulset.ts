import { admitOnCreate } from '../../api/admission.ts';
import type { ApiServer } from '../../api/api-server.ts';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types.ts';
import { cloneJson } from '../../lib/clone.ts';
import { controllerRef, createPodFromTemplate, isOwnedBy, isRunningAndReady } from './pod-from-template.ts';

const source = { component: 'statefulset-controller' };

export const claimName = (template: string, sts: string, ordinal: number) => `${template}-${sts}-${ordinal}`;

/**
 * StatefulSet controller: pods `<name>-<ordinal>` with stable names, each with its own claims
 * `<template>-<name>-<ordinal>` created before the pod and reused as they are. OrderedReady
 * creates pod N only once pods 0…N-1 are Running and Ready, and removes from the highest
 * ordinal down. A pod still Terminating (e.g. on an unreachable node) is never replaced: at most
 * one pod per identity.
 */
export function statefulSetController(api: ApiServer): void {
  for (const sts of api.list('StatefulSet')) {
    if (sts.metadata.deletionTimestamp) continue;
    const replicas = sts.spec.replicas ?? 1;
    const ordered = sts.spec.podManagementPolicy !== 'Parallel';
    const pods = api.list('Pod', sts.metadata.namespace).filter((pod) => isOwnedBy(pod, sts));
    const podAt = (ordinal: number) =>
      pods.find((pod) => pod.metadata.name === `${sts.metadata.name}-${ordinal}`);
    for (let ordinal = 0; ordinal < replicas; ordinal++) {
      const pod = podAt(ordinal);
      if (pod?.status.phase === 'Failed' && !pod.metadata.deletionTimestamp) {
        api.delete(pod, { force: true }); // a failed pod is deleted and recreated with the same name
        break;
      }
      if (!pod) {
        if (!createPod(api, sts, ordinal)) break;
        if (ordered) break;
        continue;
      }
      if (ordered && (!isRunningAndReady(pod) || pod.metadata.deletionTimestamp)) break;
    }
    scaleDown(api, sts, pods, replicas, ordered);
    reconcileRetention(api, sts, replicas);
    const ready = pods.filter(isRunningAndReady).length;
    const active = pods.filter((p) => !p.metadata.deletionTimestamp).length;
    if (sts.status.replicas !== active || sts.status.readyReplicas !== ready) {
      sts.status = {
        replicas: active,
        readyReplicas: ready,
        currentReplicas: active,
        availableReplicas: ready,
      };
    }
  }
}

function createPod(api: ApiServer, sts: StatefulSet, ordinal: number): boolean {
  const podName = `${sts.metadata.name}-${ordinal}`;
  const namespace = sts.metadata.namespace ?? 'default';
  for (const template of sts.spec.volumeClaimTemplates ?? []) {
    const name = claimName(template.metadata.name, sts.metadata.name, ordinal);
    const existing = api.get('PersistentVolumeClaim', name, namespace);
    if (existing?.metadata.deletionTimestamp) {
      api.recordEvent(
        sts,
        'Warning',
        'FailedCreate',
        `create Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: pvc ${name} is being deleted`,
        source,
      );
      return false;
    }
    if (existing) continue; // reused as it is: template changes never reach an existing claim
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace,
        uid: '',
        creationTimestamp: '',
        labels: { ...template.metadata.labels, ...sts.spec.selector.matchLabels },
        ...(sts.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete'
          ? { ownerReferences: [{ ...controllerRef(sts), controller: true }] }
          : {}),
      },
      spec: cloneJson(template.spec),
      status: { phase: 'Pending' },
    };
    admitOnCreate(api, pvc);
    api.create(pvc);
    api.recordEvent(
      sts,
      'Normal',
      'SuccessfulCreate',
      `create Claim ${name} Pod ${podName} in StatefulSet ${sts.metadata.name} success`,
      source,
    );
  }
  const template = cloneJson(sts.spec.template);
  const volumes = template.spec.volumes ?? [];
  for (const claim of sts.spec.volumeClaimTemplates ?? []) {
    if (volumes.some((v) => v.name === claim.metadata.name)) continue;
    volumes.push({
      name: claim.metadata.name,
      persistentVolumeClaim: { claimName: claimName(claim.metadata.name, sts.metadata.name, ordinal) },
    });
  }
  template.spec.volumes = volumes;
  const pod = createPodFromTemplate(api, sts, template, podName, {
    'apps.kubernetes.io/pod-index': String(ordinal),
    'statefulset.kubernetes.io/pod-name': podName,
  });
  pod.spec.hostname = podName;
  if (sts.spec.serviceName) pod.spec.subdomain = sts.spec.serviceName;
  api.recordEvent(
    sts,
    'Normal',
    'SuccessfulCreate',
    `create Pod ${podName} in StatefulSet ${sts.metadata.name} successful`,
    source,
  );
  return true;
}

function scaleDown(api: ApiServer, sts: StatefulSet, pods: Pod[], replicas: number, ordered: boolean): void {
  const extra = pods
    .filter((pod) => ordinalOf(sts, pod) >= replicas && !pod.metadata.deletionTimestamp)
    .sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
  for (const pod of ordered ? extra.slice(0, 1) : extra) {
    api.delete(pod);
    api.recordEvent(
      sts,
      'Normal',
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`,
      source,
    );
  }
}

/**
 * persistentVolumeClaimRetentionPolicy.whenScaled: Delete — claims of ordinals beyond `replicas`
 * are deleted once their pod is gone. (whenDeleted: Delete works through the owner reference.)
 */
function reconcileRetention(api: ApiServer, sts: StatefulSet, replicas: number): void {
  syncClaimOwners(api, sts);
  if (sts.spec.persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete') return;
  for (const template of sts.spec.volumeClaimTemplates ?? []) {
    const prefix = `${template.metadata.name}-${sts.metadata.name}-`;
    for (const pvc of api.list('PersistentVolumeClaim', sts.metadata.namespace)) {
      if (!pvc.metadata.name.startsWith(prefix) || pvc.metadata.deletionTimestamp) continue;
      const ordinal = Number(pvc.metadata.name.slice(prefix.length));
      if (!Number.isInteger(ordinal) || ordinal < replicas) continue;
      if (api.get('Pod', `${sts.metadata.name}-${ordinal}`, sts.metadata.namespace)) continue;
      api.delete(pvc);
    }
  }
}

/**
 * The policy can change after claims exist (ClaimsMatchRetentionPolicy): with whenDeleted: Delete
 * every claim of the set carries the set as its owner (so garbage collection deletes it with the
 * set); with Retain that owner reference is removed again.
 */
function syncClaimOwners(api: ApiServer, sts: StatefulSet): void {
  const wantOwner = sts.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete';
  for (const template of sts.spec.volumeClaimTemplates ?? []) {
    const prefix = `${template.metadata.name}-${sts.metadata.name}-`;
    for (const pvc of api.list('PersistentVolumeClaim', sts.metadata.namespace)) {
      if (!pvc.metadata.name.startsWith(prefix) || pvc.metadata.deletionTimestamp) continue;
      if (!Number.isInteger(Number(pvc.metadata.name.slice(prefix.length)))) continue;
      const owners = pvc.metadata.ownerReferences ?? [];
      const hasOwner = owners.some((r) => r.uid === sts.metadata.uid);
      if (hasOwner === wantOwner) continue;
      const next = wantOwner
        ? [...owners, { ...controllerRef(sts), controller: true }]
        : owners.filter((r) => r.uid !== sts.metadata.uid);
      if (next.length > 0) pvc.metadata.ownerReferences = next;
      else delete pvc.metadata.ownerReferences;
      api.replace(pvc);
    }
  }
}

function ordinalOf(sts: StatefulSet, pod: Pod): number {
  return Number(pod.metadata.name.slice(sts.metadata.name.length + 1));
}
