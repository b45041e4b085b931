import type { DiagramEdge, DiagramLabels } from './diagram-types.ts';

/** An edge between two diagram items; focus and selection stay with the items themselves. */
export function edge(
  source: string,
  target: string,
  kind: 'mount' | 'bound' | 'backed' | 'provisioned',
  labels: DiagramLabels,
  upward = false,
  suffix = '',
): DiagramEdge {
  const name = (id: string) => id.slice(id.indexOf(':') + 1);
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
    ariaLabel: labels.edge(kind, name(source), name(target)),
  };
}
