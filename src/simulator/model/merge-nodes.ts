import type { DiagramNode } from './diagram-types.ts';

/**
 * Merges a new projection into what React Flow holds: unchanged items keep their object (so their
 * components do not re-render), changed ones keep React Flow's measured size and selection.
 */
export function mergeNodes(previous: readonly DiagramNode[], next: readonly DiagramNode[]): DiagramNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    const old = before.get(node.id);
    if (!old) return node;
    if (
      old.type === node.type &&
      old.parentId === node.parentId &&
      old.position.x === node.position.x &&
      old.position.y === node.position.y &&
      old.width === node.width &&
      old.height === node.height &&
      old.hidden === node.hidden &&
      old.className === node.className &&
      old.ariaLabel === node.ariaLabel &&
      old.draggable === node.draggable &&
      JSON.stringify(old.data) === JSON.stringify(node.data)
    )
      return old;
    return {
      ...node,
      ...(old.measured ? { measured: old.measured } : {}),
      ...(old.selected !== undefined ? { selected: old.selected } : {}),
    };
  });
}
