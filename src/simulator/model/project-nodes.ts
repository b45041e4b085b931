import { nodeStatus, type Pod } from '../../sim/view.ts';
import type { DiagramNode, DirData, NodeData, PendingData } from './diagram-types.ts';
import {
  dirHeight,
  diskHeaderHeight,
  gap,
  nodeHeaderHeight,
  nodeWidth,
  podHeight,
  podWidth,
} from './geometry.ts';
import { ghostId, podId } from './ids.ts';
import { itemNode, type ProjectContext } from './project-context.ts';
import { ghostItem, podItem, podItemId } from './project-pods.ts';
import { rowsFor } from './slots.ts';

/** Where the pod in a slot of a region's grid sits, relative to the region. */
const slotPosition = (slot: number, columns: number) => ({
  x: gap + (slot % columns) * (podWidth + gap),
  y: nodeHeaderHeight + Math.floor(slot / columns) * (podHeight + gap),
});

export interface NodeRegion {
  name: string;
  controlPlane: boolean;
  /** Pods in a row of the grid. */
  columns: number;
  pods: readonly Pod[];
  /** The directories its disk shows. */
  dirs: readonly DirData[];
}

/**
 * A Kubernetes node as a region: a header, its pods in a grid of remembered slots (with the ghost
 * of a pod just moved away in the slot it had), then its disk's directories. Placed at the top
 * left; the caller moves it to its cell.
 */
export function placeNode(context: ProjectContext, region: NodeRegion): DiagramNode | undefined {
  const { cluster, labels, move } = context;
  const { name, controlPlane, columns, pods, dirs } = region;
  const node = cluster.objects.Node[name];
  if (!node) return undefined;
  const keys = pods.map(podItemId);
  const ghost = move.ghostOn(name);
  if (ghost) keys.push(ghostId(ghost.namespace, ghost.name));
  const slots = context.slotsOf(
    `grid:${name}`,
    keys,
    ghost ? [podId(ghost.namespace, ghost.name), ghostId(ghost.namespace, ghost.name)] : undefined,
  );
  // An empty control plane is just a header; a worker keeps a row of room to drop pods on.
  const rows = controlPlane && keys.length === 0 ? 0 : rowsFor(slots, columns);
  const width = nodeWidth(columns);
  const diskTop = nodeHeaderHeight + rows * (podHeight + gap);
  const height = diskTop + (dirs.length > 0 ? diskHeaderHeight + dirs.length * (dirHeight + 8) : 0) + gap;
  const attached = Object.values(cluster.objects.VolumeAttachment)
    .filter((va) => va.spec.nodeName === name && va.status.attached)
    .map((va) => va.spec.source.persistentVolumeName)
    .sort();
  const data: NodeData = {
    kind: 'node',
    name,
    status: nodeStatus(node),
    controlPlane,
    pods: pods.length,
    attached,
    ...(dirs.length > 0 ? { diskTop } : {}),
  };
  const box = itemNode(data, {
    position: { x: 0, y: 0 },
    width,
    height,
    draggable: false,
    selectable: true,
    ariaLabel: labels.node(data),
    ariaRole: 'group',
    domAttributes: { 'aria-roledescription': 'Kubernetes node' },
    className: controlPlane ? 'kvl-node is-control-plane' : 'kvl-node',
  });
  context.regions.push(box);
  for (const pod of pods)
    context.inside.push(podItem(context, pod, box.id, slotPosition(slots.get(podItemId(pod)) ?? 0, columns)));
  if (ghost) {
    const at = slots.get(ghostId(ghost.namespace, ghost.name)) ?? 0;
    context.inside.push(ghostItem(context, ghost, box.id, slotPosition(at, columns)));
  }
  dirs.forEach((dir, index) => {
    context.inside.push(
      itemNode(dir, {
        parentId: box.id,
        position: { x: gap, y: diskTop + diskHeaderHeight + index * (dirHeight + 8) },
        width: width - 2 * gap,
        height: dirHeight,
        draggable: false,
        selectable: true,
        ariaLabel: labels.dir(dir),
        ariaRole: 'button',
        className: dir.leftBehind ? 'kvl-dir is-left-behind' : 'kvl-dir',
      }),
    );
  });
  return box;
}

/** Pods with no node (not scheduled, or their node object is gone), in a box of their own. */
export function placePending(context: ProjectContext, pods: readonly Pod[]): DiagramNode | undefined {
  if (pods.length === 0) return undefined;
  const columns = 2;
  const slots = context.slotsOf('grid:', pods.map(podItemId));
  const rows = rowsFor(slots, columns);
  const data: PendingData = { kind: 'pending', pods: pods.length };
  const box = itemNode(data, {
    position: { x: 0, y: 0 },
    width: nodeWidth(columns),
    height: nodeHeaderHeight + rows * (podHeight + gap) + gap,
    draggable: false,
    selectable: false,
    ariaLabel: context.labels.pending(data),
    ariaRole: 'group',
    className: 'kvl-pending',
  });
  context.regions.push(box);
  for (const pod of pods)
    context.inside.push(podItem(context, pod, box.id, slotPosition(slots.get(podItemId(pod)) ?? 0, columns)));
  return box;
}
