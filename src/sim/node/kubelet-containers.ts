import type { ApiServer } from '../api/api-server.ts';
import type { Container, ContainerStatus, Pod } from '../api/types.ts';
import { runExec } from '../shell/run-exec.ts';
import { containerFs, containerMounts } from './container-view.ts';
import { ensureDir, parentOf } from './fs-ops.ts';
import { imageFilesystem } from './images.ts';
import { layerKey, treeOf } from './volume-locations.ts';

export const kubeletSource = (node: string) => ({ component: 'kubelet', host: node });

/** Exponential back-off after crashes: 10 s, 20 s, 40 s … capped at 5 minutes. */
export function backOffMs(restarts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, restarts - 1), 300_000);
}

/**
 * Starts (or restarts) one container: a fresh writable layer from its image, mount points for its
 * volumes, then the container's start-up script. The simulator runs a `sh -c` command once at
 * start (file writes take effect; loops and long-running work are not simulated).
 */
export function startContainer(
  api: ApiServer,
  pod: Pod,
  container: Container,
  restartCount: number,
): ContainerStatus {
  const node = pod.spec.nodeName ?? '';
  // A missing subPath is created inside its volume before the container starts (kubelet makeMounts).
  for (const { location, subPath } of containerMounts(api.state, pod, container)) {
    const tree = subPath ? treeOf(api.state, location.disk) : undefined;
    if (tree && !tree[location.disk.base]) ensureDir(tree, location.disk.base);
  }
  const layer = imageFilesystem(container.image, pod.metadata.name);
  for (const mount of container.volumeMounts ?? []) ensureDir(layer, parentOf(mount.mountPath));
  for (const mount of container.volumeMounts ?? []) layer[mount.mountPath] ??= { type: 'dir' };
  api.state.disks.layers[layerKey(node, pod.metadata.uid, container.name)] = layer;
  const source = kubeletSource(node);
  api.recordEvent(
    pod,
    'Normal',
    'Pulled',
    `Container image "${container.image}" already present on machine`,
    source,
  );
  api.recordEvent(pod, 'Normal', 'Created', `Created container: ${container.name}`, source);
  api.recordEvent(pod, 'Normal', 'Started', `Started container ${container.name}`, source);
  const kubelet = (api.state.kubelet[pod.metadata.uid] ??= {});
  kubelet.startedAt = { ...kubelet.startedAt, [container.name]: api.now };
  const command = [...(container.command ?? []), ...(container.args ?? [])];
  if (command.length > 0 && /(^|\/)(sh|bash|ash)$/.test(command[0] ?? '')) {
    const fs = containerFs(api.state, pod, container);
    if (fs) runExec(command, fs, { hostname: pod.metadata.name });
  }
  let id = '';
  for (let i = 0; i < 16; i++) id += Math.floor(api.random() * 16).toString(16);
  return {
    name: container.name,
    image: container.image,
    ready: true,
    started: true,
    restartCount,
    state: { running: { startedAt: api.timestamp() } },
    containerID: `containerd://${id}`,
  };
}

/**
 * A terminated container under restartPolicy: restarted at once after its first crash, then after
 * an exponential back-off (CrashLoopBackOff meanwhile). A container that ran 10 minutes without
 * crashing starts its back-off again from the beginning.
 */
export function handleTerminated(
  api: ApiServer,
  pod: Pod,
  container: Container,
  status: ContainerStatus,
): ContainerStatus {
  const terminated = status.state.terminated ?? status.lastState?.terminated;
  if (!terminated) return status;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && terminated.exitCode === 0)) return status;
  const kubelet = (api.state.kubelet[pod.metadata.uid] ??= {});
  const finished = Date.parse(terminated.finishedAt);
  const started = kubelet.startedAt?.[container.name] ?? finished;
  const effectiveRestarts = finished - started >= 600_000 ? 0 : status.restartCount;
  const restartAt = effectiveRestarts === 0 ? finished : finished + backOffMs(effectiveRestarts);
  if (api.now < restartAt) {
    // Written only when it changes: a new object every round would never let reconcile settle.
    if (kubelet.restartAt?.[container.name] !== restartAt)
      kubelet.restartAt = { ...kubelet.restartAt, [container.name]: restartAt };
    const seconds = Math.round((restartAt - finished) / 1000);
    const id = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    const message = `back-off ${seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60}s` : `${seconds}s`} restarting failed container=${container.name} pod=${id}`;
    if (status.state.waiting?.reason !== 'CrashLoopBackOff') {
      api.recordEvent(
        pod,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${container.name} in pod ${id}`,
        kubeletSource(pod.spec.nodeName ?? ''),
      );
    }
    if (status.state.waiting?.message === message) return status;
    return {
      ...status,
      ready: false,
      started: false,
      state: { waiting: { reason: 'CrashLoopBackOff', message } },
      lastState: { terminated },
    };
  }
  if (kubelet.restartAt && container.name in kubelet.restartAt) {
    const { [container.name]: _done, ...rest } = kubelet.restartAt;
    kubelet.restartAt = rest;
  }
  const next = startContainer(api, pod, container, status.restartCount + 1);
  return { ...next, lastState: { terminated } };
}
