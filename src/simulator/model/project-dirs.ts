import { type ClusterState, nodeDiskFiles, type Pod } from '../../sim/view.ts';
import type { DirData } from './diagram-types.ts';
import { pinnedNode } from './pinned-node.ts';
import type { MoveOverlay } from './project-move.ts';

/** The node's own files (kubelet configuration, certificates): not data any pod wrote. */
const isSystemFile = (path: string) =>
  path.startsWith('/etc/kubernetes/') || path.startsWith('/var/lib/kubelet/');

const underPath = (path: string, root: string) =>
  path === root || path.startsWith(root === '/' ? '/' : `${root}/`);

/**
 * The directories each node's disk shows: hostPath directories of the pods there, the node's local
 * volumes, any hostPath root anyone uses that holds files here, and the directory of any other
 * file a pod left. Returns a lookup by node, sorted by path.
 */
export function diskDirectories(
  cluster: ClusterState,
  move: MoveOverlay,
): (node: string, podsHere: readonly Pod[]) => DirData[] {
  const hostPathRoots = new Set<string>();
  for (const pod of Object.values(cluster.objects.Pod))
    for (const volume of pod.spec.volumes ?? []) if (volume.hostPath) hostPathRoots.add(volume.hostPath.path);
  const pvs = Object.values(cluster.objects.PersistentVolume);
  for (const pv of pvs) if (pv.spec.hostPath) hostPathRoots.add(pv.spec.hostPath.path);
  const localDirs = new Map<string, Map<string, string>>(); // node → path → pv
  for (const pv of pvs) {
    const node = pv.spec.local ? pinnedNode(cluster, pv) : undefined;
    if (node && pv.spec.local)
      localDirs.set(node, (localDirs.get(node) ?? new Map()).set(pv.spec.local.path, pv.metadata.name));
  }

  return (name, podsHere) => {
    const diskFiles = nodeDiskFiles(cluster, name).filter((f) => !isSystemFile(f.path));
    const dirs = new Map<string, DirData>();
    const addDir = (path: string, use: DirData['use'], volume?: string) => {
      if (dirs.has(path)) return;
      const inside = diskFiles.filter((f) => underPath(f.path, path));
      const fileNames = inside.map((f) => f.path.slice(path.length) || f.path);
      dirs.set(path, {
        kind: 'dir',
        node: name,
        path,
        use,
        files: inside.length,
        fileNames,
        ...(volume ? { volume } : {}),
      });
    };
    for (const pod of podsHere)
      for (const volume of pod.spec.volumes ?? [])
        if (volume.hostPath) addDir(volume.hostPath.path, 'hostPath');
    for (const [path, pv] of localDirs.get(name) ?? []) addDir(path, 'local', pv);
    for (const root of hostPathRoots)
      if (diskFiles.some((f) => underPath(f.path, root))) addDir(root, 'hostPath');
    for (const file of diskFiles) {
      if ([...dirs.keys()].some((root) => underPath(file.path, root))) continue;
      addDir(file.path.slice(0, file.path.lastIndexOf('/')) || '/', 'hostPath');
    }
    for (const dir of dirs.values()) if (move.leftBehind(name, dir.path)) dir.leftBehind = true;
    return [...dirs.values()].sort((a, b) => a.path.localeCompare(b.path));
  };
}
