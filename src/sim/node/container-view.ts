import type { Container, Pod } from '../api/types.ts';
import type { ShellFs } from '../shell/shell-fs.ts';
import type { ClusterState } from '../state.ts';
import { createContainerFs, type Mount } from './container-fs.ts';
import type { FsTree } from './fs-tree.ts';
import { layerKey, locateVolume, treeOf, type VolumeLocation } from './volume-locations.ts';

export interface ContainerMount {
  mountPath: string;
  location: VolumeLocation;
  /** Set when the mount shows only a sub-directory of the volume (`location.disk.base` points at it). */
  subPath?: string;
}

/** The volumes mounted into one container, with where each one's data lives. */
export function containerMounts(state: ClusterState, pod: Pod, container: Container): ContainerMount[] {
  const mounts: ContainerMount[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec.volumes?.find((v) => v.name === mount.name);
    const location = volume ? locateVolume(state, pod, volume) : undefined;
    if (!location) continue;
    const base = mount.subPath
      ? `${location.disk.base === '/' ? '' : location.disk.base}/${mount.subPath}`
      : location.disk.base;
    mounts.push({
      ...(mount.subPath ? { subPath: mount.subPath } : {}),
      mountPath: normalize(mount.mountPath),
      location: {
        ...location,
        disk: { ...location.disk, base },
        readOnly: location.readOnly || Boolean(mount.readOnly),
      },
    });
  }
  return mounts;
}

/**
 * The filesystem `kubectl exec` sees in a running container: its writable layer at `/` with the
 * volumes mounted on top. Undefined when the container has no layer (not running), unless
 * `stoppedLayer` stands in for it (reading what the volumes hold while the container is down).
 */
export function containerFs(
  state: ClusterState,
  pod: Pod,
  container: Container,
  stoppedLayer?: FsTree,
): ShellFs | undefined {
  const node = pod.spec.nodeName ?? '';
  const layer = state.disks.layers[layerKey(node, pod.metadata.uid, container.name)] ?? stoppedLayer;
  if (!layer) return undefined;
  const mounts: Mount[] = [
    { mountPath: '/', tree: layer, base: '/', readOnly: false, filesystem: 'overlay' },
  ];
  for (const { mountPath, location } of containerMounts(state, pod, container)) {
    const tree = treeOf(state, location.disk);
    if (!tree) continue;
    mounts.push({
      mountPath,
      tree,
      base: location.disk.base,
      readOnly: location.readOnly,
      filesystem: location.filesystem,
      ...(location.capacityBytes !== undefined ? { capacityBytes: location.capacityBytes } : {}),
      ...(location.disk.store === 'memory' ? { chargeTo: container.name } : {}),
    });
  }
  return createContainerFs(mounts);
}

function normalize(path: string): string {
  const parts = path.split('/').filter((part) => part && part !== '.');
  return `/${parts.join('/')}`;
}
