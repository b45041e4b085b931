import type { DiagramNode } from './diagram-types.ts';
import { gap, nodeGap, nodeWidth, podWidth } from './geometry.ts';
import type { ProjectContext } from './project-context.ts';
import { diskDirectories } from './project-dirs.ts';
import { placeNode, placePending } from './project-nodes.ts';
import { podsByNode } from './project-pods.ts';
import { rowsFor } from './slots.ts';

const isControlPlane = (context: ProjectContext, name: string) =>
  context.cluster.objects.Node[name]?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !==
  undefined;

/**
 * The regions, top down: the control plane apart, across the top; then the workers in a grid of
 * remembered slots (a narrow view gets fewer per row, so the text stays readable); then the
 * unscheduled pods in the next cell of the grid. Returns where the regions end and how wide the
 * grid is (the storage lane wraps at that width).
 */
export function projectRegions(
  context: ProjectContext,
  nodesPerRow: number,
  podColumns = 2,
): { bottom: number; width: number } {
  const { cluster } = context;
  const byNode = podsByNode(cluster);
  const dirsOn = diskDirectories(cluster, context.move);
  const nodeNames = Object.keys(cluster.objects.Node).sort();
  const controlPlanes = nodeNames.filter((name) => isControlPlane(context, name));
  const workers = nodeNames.filter((name) => !controlPlanes.includes(name));
  const workerSlots = context.slotsOf('workers', workers);
  const region = (name: string, columns: number) => {
    const pods = byNode.get(name) ?? [];
    const controlPlane = controlPlanes.includes(name);
    return placeNode(context, { name, controlPlane, columns, pods, dirs: dirsOn(name, pods) });
  };

  const perRow = Math.max(1, Math.min(6, nodesPerRow));
  const cellWidth = nodeWidth(podColumns) + nodeGap;
  const spanWidth = perRow * cellWidth - nodeGap;
  let top = 0;
  for (const name of controlPlanes) {
    const box = region(name, Math.max(1, Math.floor((spanWidth - gap) / (podWidth + gap))));
    if (box) {
      box.position = { x: 0, y: top };
      box.width = spanWidth;
      top += (box.height ?? 0) + nodeGap;
    }
  }
  const cells: Array<{ box: DiagramNode; slot: number }> = [];
  for (const name of workers) {
    const box = region(name, podColumns);
    if (box) cells.push({ box, slot: workerSlots.get(name) ?? 0 });
  }
  const pending = placePending(context, byNode.get('') ?? []);
  if (pending) cells.push({ box: pending, slot: rowsFor(workerSlots, 1) * (workers.length > 0 ? 1 : 0) });

  // Each grid row is as tall as its tallest region.
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
    box.position = { x: (slot % perRow) * cellWidth, y: rowTops[Math.floor(slot / perRow)] ?? 0 };
  return { bottom: top - nodeGap, width: spanWidth };
}
