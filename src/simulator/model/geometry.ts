/** Sizes of the diagram's boxes, in flow units. Fixed sizes: React Flow need not measure first. */
export const podWidth = 188;
export const podHeight = 132;
export const gap = 12;
export const nodeHeaderHeight = 52;
export const dirHeight = 40;
export const diskHeaderHeight = 26;
export const nodeGap = 56;
export const storageItemWidth = 212;
export const storageItemHeight = 84;
export const storageColumnGap = 20;
export const storageRowGap = 40;
export const storageLaneGap = 80;

export const nodeWidth = (columns: number) => columns * podWidth + (columns + 1) * gap;
