import { type ClusterState, nodeDiskFiles, nodeStatus, type Pod } from '../../sim/view.ts';
import type { MoveConsequence } from '../../sim/view.ts';
import type {
  Diagram,
  DiagramEdge,
  DiagramLabels,
  DiagramNode,
  DirData,
  K8sNodeData,
  PodData,
} from './diagram-types.ts';
import { edge } from './edges.ts';
import {
  dirHeight,
  diskHeaderHeight,
  gap,
  nodeGap,
  nodeHeaderHeight,
  nodeWidth,
  podHeight,
  podWidth,
  storageLaneGap,
} from './geometry.ts';
import { claimId, dirId, ghostId, nodeId, pendingId, podId } from './ids.ts';
import { pinnedNode } from './pinned-node.ts';
import { podData } from './pod-data.ts';
import type { ProjectContext } from './project-context.ts';
import { projectStorage } from './project-storage.ts';
import { assignSlots, rowsFor, type SlotMemory } from './slots.ts';

export type { DiagramLabels } from './diagram-types.ts';
export { nodeId, pendingId, podId } from './ids.ts';
export { mergeNodes } from './merge-nodes.ts';

/** Where items sat last time, so the layout stays put as the cluster changes. */
export type LayoutMemory = Map<string, SlotMemory>;

export interface ProjectInput {
  cluster: ClusterState;
  labels: DiagramLabels;
  memory?: LayoutMemory;
  consequence?: MoveConsequence | undefined;
  /** How far the consequence is revealed (see the store's stages). */
  stage?: number;
  /** Worker nodes per row (chosen once from the canvas width, so the layout stays put). */
  nodesPerRow?: number;
}

/** The node's own files (kubelet configuration, certificates): not data any pod wrote. */
const isSystemFile = (path: string) =>
  path.startsWith('/etc/kubernetes/') || path.startsWith('/var/lib/kubelet/');

const underPath = (path: string, root: string) =>
  path === root || path.startsWith(root === '/' ? '/' : `${root}/`);

/**
 * The cluster as React Flow nodes and edges: the control plane apart, each Kubernetes node a
 * region holding its pods and its disk's directories, and below them the storage objects (classes,
 * claims, volumes) and the disks outside the cluster. Parents come before their children, as React
 * Flow requires. Pure: the same input gives the same diagram.
 */
export function projectCluster(input: ProjectInput): Diagram & { memory: LayoutMemory } {
  const { cluster, labels, consequence } = input;
  const stage = input.stage ?? 2;
  const previous = input.memory ?? new Map<string, SlotMemory>();
  const memory: LayoutMemory = new Map();
  const nodes: DiagramNode[] = [];
  const children: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const slotsOf = (key: string, keys: string[], alias?: [string, string]) => {
    let prior = previous.get(key);
    if (alias && prior && !prior.has(alias[1]) && prior.has(alias[0])) {
      prior = new Map(prior);
      prior.set(alias[1], prior.get(alias[0]) as number);
    }
    const slots = assignSlots(prior, keys);
    memory.set(key, slots);
    return slots;
  };

  // Pods by where they run; the pod of the latest move shows as a ghost on its old node until
  // the replacement has appeared.
  const pods = Object.values(cluster.objects.Pod);
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const where = pod.spec.nodeName && cluster.objects.Node[pod.spec.nodeName] ? pod.spec.nodeName : '';
    byNode.set(where, [...(byNode.get(where) ?? []), pod]);
  }
  const showGhost = consequence !== undefined && stage < 2 && consequence.from !== '';
  const replacementKey = consequence?.replacement
    ? podId(consequence.namespace, consequence.replacement)
    : undefined;

  const nodeNames = Object.keys(cluster.objects.Node).sort();
  const controlPlanes = nodeNames.filter(
    (n) => cluster.objects.Node[n]?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined,
  );
  const workers = nodeNames.filter((n) => !controlPlanes.includes(n));
  const workerSlots = slotsOf('workers', workers);

  // Directories on each node's disk: hostPath directories and local volumes.
  const hostPathRoots = new Set<string>();
  for (const pod of pods)
    for (const volume of pod.spec.volumes ?? []) if (volume.hostPath) hostPathRoots.add(volume.hostPath.path);
  const pvs = Object.values(cluster.objects.PersistentVolume);
  for (const pv of pvs) if (pv.spec.hostPath) hostPathRoots.add(pv.spec.hostPath.path);
  const localDirs = new Map<string, Map<string, string>>(); // node → path → pv
  for (const pv of pvs) {
    const node = pv.spec.local ? pinnedNode(cluster, pv) : undefined;
    if (node && pv.spec.local)
      localDirs.set(node, (localDirs.get(node) ?? new Map()).set(pv.spec.local.path, pv.metadata.name));
  }

  const placeNode = (name: string, x: number, columns: number): DiagramNode | undefined => {
    const node = cluster.objects.Node[name];
    if (!node) return undefined;
    const controlPlane = controlPlanes.includes(name);
    const here = byNode.get(name) ?? [];
    const keys = here.map((p) => podId(p.metadata.namespace ?? 'default', p.metadata.name));
    const ghost = showGhost && consequence?.from === name ? consequence : undefined;
    if (ghost) keys.push(ghostId(ghost.namespace, ghost.pod));
    const slots = slotsOf(
      `grid:${name}`,
      keys,
      ghost ? [podId(ghost.namespace, ghost.pod), ghostId(ghost.namespace, ghost.pod)] : undefined,
    );
    // An empty control plane is just a header; a worker keeps a row of room to drop pods on.
    const rows = controlPlane && keys.length === 0 ? 0 : rowsFor(slots, columns);

    // The disk: directories used by pods here, local volumes here, and any with files left.
    const diskFiles = nodeDiskFiles(cluster, name).filter((f) => !isSystemFile(f.path));
    const dirs = new Map<string, DirData>();
    const addDir = (path: string, use: DirData['use'], volume?: string) => {
      if (dirs.has(path)) return;
      const files = diskFiles.filter((f) => underPath(f.path, path)).length;
      dirs.set(path, { kind: 'dir', node: name, path, use, files, ...(volume ? { volume } : {}) });
    };
    for (const pod of here)
      for (const volume of pod.spec.volumes ?? [])
        if (volume.hostPath) addDir(volume.hostPath.path, 'hostPath');
    for (const [path, pv] of localDirs.get(name) ?? []) addDir(path, 'local', pv);
    for (const root of hostPathRoots)
      if (diskFiles.some((f) => underPath(f.path, root))) addDir(root, 'hostPath');
    for (const file of diskFiles) {
      if ([...dirs.keys()].some((root) => underPath(file.path, root))) continue;
      addDir(file.path.slice(0, file.path.lastIndexOf('/')) || '/', 'hostPath');
    }
    if (consequence && stage >= 2)
      for (const left of consequence.leftBehind) {
        const dir = left.node === name ? dirs.get(left.path) : undefined;
        if (dir) dir.leftBehind = true;
      }
    const dirList = [...dirs.values()].sort((a, b) => a.path.localeCompare(b.path));
    const width = nodeWidth(columns);
    const diskTop = nodeHeaderHeight + rows * (podHeight + gap);
    const height =
      diskTop + (dirList.length > 0 ? diskHeaderHeight + dirList.length * (dirHeight + 8) : 0) + gap;
    const attached = Object.values(cluster.objects.VolumeAttachment)
      .filter((va) => va.spec.nodeName === name && va.status.attached)
      .map((va) => va.spec.source.persistentVolumeName)
      .sort();
    const data: K8sNodeData = {
      kind: 'node',
      name,
      status: nodeStatus(node),
      controlPlane,
      pods: here.length,
      attached,
      ...(dirList.length > 0 ? { diskTop } : {}),
    };
    const id = nodeId(name);
    const box: DiagramNode = {
      id,
      type: 'k8sNode',
      position: { x, y: 0 },
      data,
      width,
      height,
      draggable: false,
      selectable: true,
      ariaLabel: labels.node(data),
      ariaRole: 'group',
      domAttributes: { 'aria-roledescription': 'Kubernetes node' },
      className: controlPlane ? 'kvl-node is-control-plane' : 'kvl-node',
    };
    nodes.push(box);
    const slotPosition = (slot: number) => ({
      x: gap + (slot % columns) * (podWidth + gap),
      y: nodeHeaderHeight + Math.floor(slot / columns) * (podHeight + gap),
    });
    for (const pod of here) {
      const key = podId(pod.metadata.namespace ?? 'default', pod.metadata.name);
      children.push(podNode(cluster, pod, key, id, slotPosition(slots.get(key) ?? 0)));
    }
    if (ghost) {
      const key = ghostId(ghost.namespace, ghost.pod);
      const data: PodData = {
        kind: 'pod',
        name: ghost.pod,
        namespace: ghost.namespace,
        node: name,
        status: 'Terminating',
        tone: 'terminating',
        ready: '0/0',
        restarts: 0,
        containers: [],
        mounts: [],
        layerFiles: 0,
        ghost: true,
      };
      children.push({
        id: key,
        type: 'pod',
        parentId: id,
        position: slotPosition(slots.get(key) ?? 0),
        data,
        width: podWidth,
        height: podHeight,
        draggable: false,
        selectable: false,
        focusable: false,
        ariaLabel: labels.pod(data),
        className: 'kvl-pod is-ghost',
      });
    }
    dirList.forEach((dir, index) => {
      const dirKey = dirId(name, dir.path);
      children.push({
        id: dirKey,
        type: 'dir',
        parentId: id,
        position: { x: gap, y: diskTop + diskHeaderHeight + index * (dirHeight + 8) },
        data: dir,
        width: width - 2 * gap,
        height: dirHeight,
        draggable: false,
        selectable: true,
        ariaLabel: labels.dir(dir),
        ariaRole: 'button',
        className: dir.leftBehind ? 'kvl-dir is-left-behind' : 'kvl-dir',
      });
    });
    return box;
  };

  const podNode = (
    cluster: ClusterState,
    pod: Pod,
    key: string,
    parentId: string,
    position: { x: number; y: number },
  ): DiagramNode => {
    const data = podData(cluster, pod);
    const isReplacement = key === replacementKey && consequence !== undefined;
    if (isReplacement && stage >= 1) data.arriving = true;
    if (isReplacement && stage >= 2) {
      for (const lost of consequence.lost) {
        if (lost.kind === 'writable-layer') data.layerLost = (data.layerLost ?? 0) + lost.files.length;
        const mount = lost.kind === 'emptyDir' ? data.mounts.find((m) => m.volume === lost.name) : undefined;
        if (mount) mount.lost = lost.files.length;
      }
    }
    return {
      id: key,
      type: 'pod',
      parentId,
      position,
      data,
      width: podWidth,
      height: podHeight,
      // The replacement stays out of sight until its stage, so cause comes before effect.
      hidden: isReplacement && stage < 1,
      draggable: !pod.metadata.deletionTimestamp,
      selectable: true,
      ariaLabel: labels.pod(data),
      ariaRole: 'button',
      domAttributes: { 'aria-roledescription': 'pod', 'aria-haspopup': 'dialog' },
      className: `kvl-pod tone-${data.tone}${data.arriving ? ' is-arriving' : ''}`,
    };
  };

  // The control plane first, apart, across the top; then the workers in a grid of remembered
  // slots (a narrow view gets fewer per row, so the text stays readable); then unscheduled pods.
  const perRow = Math.max(1, Math.min(6, input.nodesPerRow ?? 3));
  const cellWidth = nodeWidth(2) + nodeGap;
  const spanWidth = perRow * cellWidth - nodeGap;
  let top = 0;
  for (const name of controlPlanes) {
    const columns = Math.max(1, Math.floor((spanWidth - gap) / (podWidth + gap)));
    const box = placeNode(name, 0, columns);
    if (box) {
      box.position = { x: 0, y: top };
      box.width = spanWidth;
      top += (box.height ?? 0) + nodeGap;
    }
  }
  const cells: Array<{ box: DiagramNode; slot: number }> = [];
  for (const name of workers) {
    const slot = workerSlots.get(name) ?? 0;
    const box = placeNode(name, (slot % perRow) * cellWidth, 2);
    if (box) cells.push({ box, slot });
  }

  // Pods with no node (not scheduled, or their node object is gone): the next cell of the grid.
  const unplaced = byNode.get('') ?? [];
  if (unplaced.length > 0) {
    const keys = unplaced.map((p) => podId(p.metadata.namespace ?? 'default', p.metadata.name));
    const slots = slotsOf('grid:', keys);
    const rows = rowsFor(slots, 2);
    const height = nodeHeaderHeight + rows * (podHeight + gap) + gap;
    const slot = rowsFor(workerSlots, 1) * (workers.length > 0 ? 1 : 0);
    const box: DiagramNode = {
      id: pendingId,
      type: 'pending',
      position: { x: (slot % perRow) * cellWidth, y: 0 },
      data: { kind: 'pending', pods: unplaced.length },
      width: nodeWidth(2),
      height,
      draggable: false,
      selectable: false,
      ariaLabel: labels.pending(unplaced.length),
      ariaRole: 'group',
      className: 'kvl-pending',
    };
    nodes.push(box);
    cells.push({ box, slot });
    for (const pod of unplaced) {
      const key = podId(pod.metadata.namespace ?? 'default', pod.metadata.name);
      const at = slots.get(key) ?? 0;
      children.push(
        podNode(cluster, pod, key, pendingId, {
          x: gap + (at % 2) * (podWidth + gap),
          y: nodeHeaderHeight + Math.floor(at / 2) * (podHeight + gap),
        }),
      );
    }
  }
  // Each grid row is as tall as its tallest node.
  const rowHeights = new Map<number, number>();
  for (const { box, slot } of cells) {
    const row = Math.floor(slot / perRow);
    rowHeights.set(row, Math.max(rowHeights.get(row) ?? 0, box.height ?? 0));
  }
  const lastRow = Math.max(-1, ...rowHeights.keys());
  const rowTops: number[] = [];
  for (let row = 0; row <= lastRow; row++) {
    rowTops.push(top);
    top += (rowHeights.get(row) ?? 0) + nodeGap;
  }
  for (const { box, slot } of cells)
    box.position = { x: box.position.x, y: rowTops[Math.floor(slot / perRow)] ?? 0 };
  const tallest = top - nodeGap;

  const context: ProjectContext = { cluster, labels, consequence, stage, slotsOf, nodes, edges };
  projectStorage(context, tallest + storageLaneGap);

  // Edges: pods to what they mount, claims to volumes.
  for (const child of children) {
    const data = child.data;
    if (data.kind !== 'pod' || data.ghost) continue;
    for (const mount of data.mounts) {
      if (mount.type === 'hostPath' && data.node)
        edges.push(edge(child.id, dirId(data.node, mount.source), 'mount', labels, false, mount.volume));
      if (
        mount.type === 'claim' &&
        cluster.objects.PersistentVolumeClaim[`${data.namespace}/${mount.source}`]
      )
        edges.push(
          edge(child.id, claimId(data.namespace, mount.source), 'mount', labels, false, mount.volume),
        );
    }
  }
  const known = new Set([...nodes, ...children].map((n) => n.id));
  return {
    nodes: [
      ...nodes.filter((n) => n.type === 'k8sNode' || n.type === 'pending'),
      ...children,
      ...nodes.filter((n) => n.type !== 'k8sNode' && n.type !== 'pending'),
    ],
    edges: edges.filter((e) => known.has(e.source) && known.has(e.target)),
    memory,
  };
}

/** Projects successive cluster states, remembering the layout between them (one per diagram). */
export function createLayoutKeeper(): { project: (input: Omit<ProjectInput, 'memory'>) => Diagram } {
  let memory: LayoutMemory | undefined;
  return {
    project(input) {
      const result = projectCluster({ ...input, memory });
      memory = result.memory;
      return result;
    },
  };
}
