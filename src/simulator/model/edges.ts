import type { DiagramEdge, DiagramLabels, EdgeKind } from './diagram-types.ts';
import { itemName } from './ids.ts';

/** An edge between two diagram items; focus and selection stay with the items themselves. */
export function edge(
  source: string,
  target: string,
  kind: EdgeKind,
  labels: DiagramLabels,
  upward = false,
  suffix = '',
): DiagramEdge {
  return {
    id: `${kind}:${source}->${target}${suffix ? `:${suffix}` : ''}`,
    source,
    target,
    // Local volumes point up to their node's disk; everything else flows downwards.
    sourceHandle: upward ? 'top-out' : 'bottom-out',
    targetHandle: upward ? 'bottom-in' : 'top-in',
    className: `kvl-edge kvl-edge-${kind}`,
    focusable: false,
    selectable: false,
    ariaLabel: labels.edge(kind, itemName(source), itemName(target)),
  };
}
