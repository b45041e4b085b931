/** Sizes of the diagram's boxes, in flow units. Fixed sizes: React Flow need not measure first. */
export const podWidth = 188;
export const podHeight = 132;
export const gap = 12;
export const nodeHeaderHeight = 52;
export const dirHeight = 40;
export const diskHeaderHeight = 26;
export const nodeGap = 56;
export const storageItemWidth = 212;
export const storageItemHeight = 96;
export const storageColumnGap = 20;
export const storageRowGap = 40;
export const storageLaneGap = 80;

export const nodeWidth = (columns: number) => columns * podWidth + (columns + 1) * gap;

/** Room around the drawing inside the canvas, in CSS pixels. */
export const canvasPadding = 12;
/**
 * The smallest zoom the diagram is drawn at: its smallest text is 12 px, so at 1 it reads as 12 px
 * on desktops and projectors, and at 11/12 as 11 px on a phone (the floors the browser tests check).
 */
export const desktopZoom = 1;
export const phoneMinZoom = 11 / 12;

export interface DiagramLayout {
  /** Pod columns inside a worker node. */
  podColumns: number;
  /** Worker nodes side by side before the next row. */
  nodesPerRow: number;
  /** The zoom the diagram is drawn at (never a shrink-to-fit: the canvas grows taller instead). */
  zoom: number;
}

/**
 * How the diagram lays itself out for a canvas this wide (CSS px): as many worker nodes per row as
 * fit at full size, rows below; below a node's width (a narrow phone) it is drawn at a zoom that
 * keeps its text at 11 px or more.
 */
export function layoutForWidth(width: number): DiagramLayout {
  const usable = Math.max(0, width - 2 * canvasPadding);
  const perRow = (columns: number) =>
    Math.max(1, Math.min(4, Math.floor((usable + nodeGap) / (nodeWidth(columns) + nodeGap))));
  // Wide nodes (two pod columns) unless narrower ones fit more nodes side by side: fewer rows
  // keep the whole cluster on one screen.
  const podColumns = usable >= nodeWidth(2) && perRow(2) >= perRow(1) ? 2 : 1;
  const zoom = usable >= nodeWidth(1) ? desktopZoom : Math.max(phoneMinZoom, usable / nodeWidth(1));
  return { podColumns, nodesPerRow: perRow(podColumns), zoom };
}
