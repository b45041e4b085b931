import type { ApiServer } from '../api/api-server.ts';
import type { ClusterNode, ContainerStatus, Pod } from '../api/types.ts';
import { parseQuantity } from '../lib/quantity.ts';
import { bytesUnder, pathsUnder, removePath, utf8Length } from './fs-ops.ts';
import { handleTerminated, kubeletSource, startContainer } from './kubelet-containers.ts';
import { registerNode } from './node-registration.ts';
import { emptyDirPath, podDirPath } from './volume-locations.ts';
import { setUpVolumes } from './volume-setup.ts';

/** The kubelet gives up waiting for volumes with a FailedMount event after two minutes. */
export const mountTimeoutMs = 120_000;

/**
 * Every kubelet whose machine is up: registers its node, starts the pods assigned to it once
 * their volumes are set up, restarts crashed containers, evicts pods over an emptyDir sizeLimit,
 * finishes graceful deletions (tearing down emptyDirs and writable layers), and removes data of
 * pods that no longer exist. A failed machine's kubelet does nothing.
 */
export function kubelets(api: ApiServer): void {
  const byNode = new Map<string, Pod[]>();
  for (const pod of api.snapshot('Pod')) {
    if (pod.spec.nodeName && needsSync(pod))
      byNode.set(pod.spec.nodeName, [...(byNode.get(pod.spec.nodeName) ?? []), pod]);
  }
  const live = new Set(api.snapshot('Pod').map((p) => p.metadata.uid));
  for (const [name, machine] of Object.entries(api.state.machines)) {
    if (!machine.up || !machine.registered) continue;
    const node = registerNode(api, name, machine.index);
    for (const base of byNode.get(name) ?? []) {
      const pod = api.get('Pod', base.metadata.name, base.metadata.namespace);
      if (pod) syncPod(api, node, pod);
    }
    cleanUpOrphans(api, name, live);
  }
}

/** A steady running pod needs nothing from its kubelet (checked on plain objects: cheap). */
function needsSync(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp || pod.status.phase === 'Pending') return true;
  if (pod.status.phase !== 'Running') return false;
  if (pod.spec.volumes?.some((v) => v.emptyDir?.sizeLimit || v.emptyDir?.medium === 'Memory')) return true;
  const statuses = pod.status.containerStatuses ?? [];
  return statuses.length !== pod.spec.containers.length || statuses.some((s) => !s.state.running || !s.ready);
}

function syncPod(api: ApiServer, node: ClusterNode, pod: Pod): void {
  if (pod.metadata.deletionTimestamp) return killPod(api, pod);
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
  if (pod.status.phase === 'Pending') return startPod(api, node, pod);
  if (evictOverLimit(api, pod)) return;
  oomKillOverLimit(api, pod);
  const statuses = pod.status.containerStatuses ?? [];
  const next = statuses.map((status) => {
    const container = pod.spec.containers.find((c) => c.name === status.name);
    return container && (status.state.terminated || status.state.waiting)
      ? handleTerminated(api, pod, container, status)
      : status;
  });
  if (next.some((status, i) => status !== statuses[i])) pod.status.containerStatuses = next;
  const running = next.filter((s) => s.state.running).length;
  const restartable = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
  if (running === 0 && !restartable && next.every((s) => s.state.terminated)) {
    pod.status.phase = next.every((s) => s.state.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  setReady(api, pod, next.length > 0 && next.every((s) => s.ready));
}

function startPod(api: ApiServer, node: ClusterNode, pod: Pod): void {
  const setUp = setUpVolumes(api, pod);
  const kubelet = (api.state.kubelet[pod.metadata.uid] ??= {});
  const source = kubeletSource(node.metadata.name);
  if (!setUp.ready) {
    kubelet.mountWaitSince ??= api.now;
    if (setUp.failure) api.recordEvent(pod, 'Warning', 'FailedMount', setUp.failure, source);
    if (api.now - kubelet.mountWaitSince >= mountTimeoutMs) {
      // As the classic kubelet prints it: "unattached" lists every volume of the pod.
      const unmounted = setUp.waiting.join(' ');
      const all = (pod.spec.volumes ?? []).map((v) => v.name).join(' ');
      const message = `Unable to attach or mount volumes: unmounted volumes=[${unmounted}], unattached volumes=[${all}]: timed out waiting for the condition`;
      api.recordEvent(pod, 'Warning', 'FailedMount', message, source);
    }
    const creating = pod.spec.containers.map<ContainerStatus>((c) => ({
      name: c.name,
      image: c.image,
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
    }));
    if (!pod.status.containerStatuses) {
      pod.status.containerStatuses = creating;
      pod.status.hostIP = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
      pod.status.startTime = api.timestamp();
    }
    return;
  }
  delete kubelet.mountWaitSince;
  const index = api.state.machines[node.metadata.name]?.index ?? 0;
  pod.status = {
    ...pod.status,
    phase: 'Running',
    hostIP: `192.168.49.${index + 1}`,
    podIP: `10.244.${index}.${2 + Math.floor(api.random() * 250)}`,
    startTime: pod.status.startTime ?? api.timestamp(),
    containerStatuses: pod.spec.containers.map((c) => startContainer(api, pod, c, 0)),
  };
  setReady(api, pod, true);
}

function setReady(api: ApiServer, pod: Pod, ready: boolean): void {
  const status = ready ? 'True' : 'False';
  const conditions = pod.status.conditions ?? [];
  if (conditions.find((c) => c.type === 'Ready')?.status === status) return;
  const at = api.timestamp();
  pod.status.conditions = [
    { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at },
    { type: 'Initialized', status: 'True', lastTransitionTime: at },
    { type: 'Ready', status, lastTransitionTime: at },
    { type: 'ContainersReady', status, lastTransitionTime: at },
    ...conditions.filter((c) => c.type === 'PodScheduled'),
  ];
}

/** Graceful deletion, confirmed: stop containers, tear volumes down, remove the pod object. */
function killPod(api: ApiServer, pod: Pod): void {
  const node = pod.spec.nodeName ?? '';
  for (const status of pod.status.containerStatuses ?? []) {
    if (status.state.running)
      api.recordEvent(pod, 'Normal', 'Killing', `Stopping container ${status.name}`, kubeletSource(node));
  }
  tearDown(api, pod);
  if ((pod.metadata.finalizers?.length ?? 0) === 0) api.remove(pod);
}

/** emptyDirs and writable layers die with the pod; hostPath and PV data stay where they are. */
export function tearDown(api: ApiServer, pod: Pod): void {
  const node = pod.spec.nodeName ?? '';
  const tree = api.state.disks.nodes[node];
  if (tree) removePath(tree, podDirPath(pod.metadata.uid));
  const prefix = `${node}/${pod.metadata.uid}/`;
  for (const key of Object.keys(api.state.disks.layers))
    if (key.startsWith(prefix)) delete api.state.disks.layers[key];
  for (const key of Object.keys(api.state.disks.memory))
    if (key.startsWith(prefix)) delete api.state.disks.memory[key];
  delete api.state.kubelet[pod.metadata.uid];
}

/** Local ephemeral storage eviction: an emptyDir (disk medium) over its sizeLimit evicts the pod. */
function evictOverLimit(api: ApiServer, pod: Pod): boolean {
  const tree = api.state.disks.nodes[pod.spec.nodeName ?? ''];
  for (const volume of pod.spec.volumes ?? []) {
    const limit = volume.emptyDir?.sizeLimit;
    if (!limit || volume.emptyDir?.medium === 'Memory' || !tree) continue;
    if (
      bytesUnder(tree, emptyDirPath(pod.metadata.uid, volume.name)) <=
      (parseQuantity(limit) ?? Number.POSITIVE_INFINITY)
    )
      continue;
    const message = `Usage of EmptyDir volume "${volume.name}" exceeds the limit "${limit}". `;
    api.recordEvent(pod, 'Warning', 'Evicted', message, kubeletSource(pod.spec.nodeName ?? ''));
    for (const status of pod.status.containerStatuses ?? []) {
      if (status.state.running)
        api.recordEvent(
          pod,
          'Normal',
          'Killing',
          `Stopping container ${status.name}`,
          kubeletSource(pod.spec.nodeName ?? ''),
        );
    }
    // The containers are stopped; their statuses are left without a state so that kubectl
    // prints the pod's reason, Evicted (newer kubelets may report ContainerStatusUnknown).
    pod.status = {
      ...pod.status,
      phase: 'Failed',
      reason: 'Evicted',
      message,
      containerStatuses: (pod.status.containerStatuses ?? []).map((s) => ({
        ...s,
        ready: false,
        started: false,
        state: {},
      })),
    };
    setReady(api, pod, false);
    tearDown(api, pod);
    return true;
  }
  return false;
}

/**
 * Files a container writes to a `medium: Memory` emptyDir are memory of that container: beyond its
 * memory limit the kernel OOM-kills it (exit code 137, OOMKilled) and the kubelet restarts it as
 * after any crash. The tmpfs keeps its files (the pod stays); the pages the dead container had
 * charged move to the pod, so the restarted container starts with a clean account.
 */
function oomKillOverLimit(api: ApiServer, pod: Pod): void {
  const trees = (pod.spec.volumes ?? [])
    .filter((v) => v.emptyDir?.medium === 'Memory')
    .map((v) => api.state.disks.memory[`${pod.spec.nodeName ?? ''}/${pod.metadata.uid}/${v.name}`])
    .filter((tree) => tree !== undefined);
  if (trees.length === 0) return;
  for (const container of pod.spec.containers) {
    const limit = parseQuantity(container.resources?.limits?.memory ?? '');
    const status = pod.status.containerStatuses?.find((s) => s.name === container.name);
    if (limit === undefined || !status?.state.running) continue;
    const charged = trees.flatMap((tree) =>
      Object.values(tree).filter((e) => e.type === 'file' && e.chargedTo === container.name),
    );
    const bytes = charged.reduce((sum, e) => sum + (e.type === 'file' ? utf8Length(e.content) : 0), 0);
    if (bytes <= limit) continue;
    for (const entry of charged) if (entry.type === 'file') delete entry.chargedTo;
    const terminated = {
      exitCode: 137,
      reason: 'OOMKilled',
      startedAt: status.state.running.startedAt,
      finishedAt: api.timestamp(),
    };
    pod.status.containerStatuses = (pod.status.containerStatuses ?? []).map((s) =>
      s.name === container.name ? { ...s, ready: false, state: { terminated } } : s,
    );
  }
}

/** The kubelet's housekeeping: data of pods that no longer exist is removed from its node. */
function cleanUpOrphans(api: ApiServer, node: string, live: Set<string>): void {
  const tree = api.state.disks.nodes[node];
  if (tree) {
    for (const path of pathsUnder(tree, '/var/lib/kubelet/pods')) {
      const uid = path.split('/')[5];
      if (uid && !live.has(uid) && tree[path]) removePath(tree, podDirPath(uid));
    }
  }
  for (const store of [api.state.disks.layers, api.state.disks.memory]) {
    for (const key of Object.keys(store)) {
      const [owner, uid] = key.split('/');
      if (owner === node && uid && !live.has(uid)) delete store[key];
    }
  }
}

export function mountTimeoutDeadline(api: ApiServer): number | undefined {
  let next: number | undefined;
  for (const state of Object.values(api.state.kubelet)) {
    if (state.mountWaitSince !== undefined) {
      const at = state.mountWaitSince + mountTimeoutMs;
      if (at > api.now) next = Math.min(next ?? at, at);
    }
    for (const at of Object.values(state.restartAt ?? {})) if (at > api.now) next = Math.min(next ?? at, at);
  }
  return next;
}
