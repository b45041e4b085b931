import type { Pod } from './api/types.ts';
import { containerFs, containerMounts } from './node/container-view.ts';
import { pathsUnder, utf8Length } from './node/fs-ops.ts';
import type { FsTree } from './node/fs-tree.ts';
import { imageFilesystem } from './node/images.ts';
import { emptyDirPath, layerKey, treeOf } from './node/volume-locations.ts';
import type { ClusterState } from './state.ts';

/** Where a set of files lives, in words the diagram can draw. */
export type StorageLocation =
  | { kind: 'writable-layer'; node: string; pod: string; container: string }
  | { kind: 'emptyDir'; node: string; pod: string; volume: string; medium: 'disk' | 'memory' }
  | { kind: 'hostPath'; node: string; path: string }
  | { kind: 'local-volume'; node: string; path: string; volume: string }
  | { kind: 'network-disk'; volume: string; handle: string };

export interface FileInfo {
  path: string;
  size: number;
  content: string;
}

export interface MountView {
  mountPath: string;
  volume: string;
  readOnly: boolean;
  location: StorageLocation;
  files: FileInfo[];
}

export interface ContainerView {
  container: string;
  running: boolean;
  /** Files the container wrote into its own writable layer (not those that came with its image). */
  layerFiles: FileInfo[];
  mounts: MountView[];
}

function files(tree: FsTree | undefined, base: string): FileInfo[] {
  if (!tree) return [];
  return pathsUnder(tree, base)
    .sort()
    .flatMap((full) => {
      const entry = tree[full];
      if (entry?.type !== 'file') return [];
      // A file mounted on its own (hostPath type File) is shown by its name.
      const path =
        full === base ? full.slice(full.lastIndexOf('/')) : base === '/' ? full : full.slice(base.length);
      return [{ path, size: utf8Length(entry.content), content: entry.content }];
    });
}

/** For a pod: what each container sees at each mount path, and where each file really lives. */
export function podFileView(state: ClusterState, namespace: string, name: string): ContainerView[] {
  const pod = state.objects.Pod[`${namespace}/${name}`];
  if (!pod) return [];
  const node = pod.spec.nodeName ?? '';
  return pod.spec.containers.map((container) => {
    const layer = state.disks.layers[layerKey(node, pod.metadata.uid, container.name)];
    const image = imageFilesystem(container.image, pod.metadata.name);
    const written = files(layer, '/').filter((f) => {
      const original = image[f.path];
      return !(original?.type === 'file' && original.content === f.content);
    });
    const running = Boolean(
      pod.status.containerStatuses?.find((s) => s.name === container.name)?.state.running,
    );
    return {
      container: container.name,
      running,
      layerFiles: layer ? written : [],
      mounts: containerMounts(state, pod, container).map(({ mountPath, location }) => ({
        mountPath,
        volume: location.volume.name,
        readOnly: location.readOnly,
        location: describeLocation(
          pod,
          location.volume.name,
          location.kind,
          location.disk,
          location.pv?.metadata.name,
        ),
        files: files(treeOf(state, location.disk), location.disk.base),
      })),
    };
  });
}

function describeLocation(
  pod: Pod,
  volume: string,
  kind: 'emptyDir' | 'hostPath' | 'persistentVolume',
  disk: { store: string; key: string; base: string },
  pvName: string | undefined,
): StorageLocation {
  const node = pod.spec.nodeName ?? '';
  if (kind === 'emptyDir')
    return {
      kind: 'emptyDir',
      node,
      pod: pod.metadata.name,
      volume,
      medium: disk.store === 'memory' ? 'memory' : 'disk',
    };
  if (kind === 'hostPath') return { kind: 'hostPath', node, path: disk.base };
  if (disk.store === 'network') return { kind: 'network-disk', volume: pvName ?? '', handle: disk.key };
  return { kind: 'local-volume', node, path: disk.base, volume: pvName ?? '' };
}

/** For a node's own disk: files outside the kubelet's pod directories (hostPath and local data). */
export function nodeDiskFiles(state: ClusterState, node: string): FileInfo[] {
  return files(state.disks.nodes[node], '/').filter((f) => !f.path.startsWith('/var/lib/kubelet/pods/'));
}

/** Files of each emptyDir (disk medium) currently on a node, by pod UID and volume. */
export function emptyDirFiles(state: ClusterState, node: string, podUid: string, volume: string): FileInfo[] {
  return files(state.disks.nodes[node], emptyDirPath(podUid, volume));
}

/** Files on a network disk (a PV's backing storage outside the nodes), by its data key. */
export function networkDiskFiles(state: ClusterState, key: string): FileInfo[] {
  return files(state.disks.network[key], '/');
}

/**
 * A file as a container sees it, what `kubectl exec POD -c CONTAINER -- cat PATH` would print: the
 * deepest mount covering the path, else the container's own filesystem (image and writable
 * layer). A stopped container's volumes are still read (its own layer then reads as empty).
 * Undefined when there is no such pod, container or file.
 */
export function readContainerFile(
  state: ClusterState,
  namespace: string,
  podName: string,
  path: string,
  containerName?: string,
): string | undefined {
  const pod = state.objects.Pod[`${namespace}/${podName}`];
  if (!pod) return undefined;
  const container = containerName
    ? pod.spec.containers.find((c) => c.name === containerName)
    : pod.spec.containers[0];
  const fs = container ? containerFs(state, pod, container, {}) : undefined;
  // stat first: readFile answers an error code in the same string type as a file's content.
  return fs?.stat(path)?.type === 'file' ? fs.readFile(path) : undefined;
}
