import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { Diagram, DiagramNode } from '../model/diagram-types.ts';
import { mergeNodes } from '../model/project.ts';

/**
 * The nodes React Flow shows: the projection's, merged into what it holds (React Flow owns
 * positions while dragging; a new projection replaces them), with the store's selection marked.
 * `snapBack` returns dragged items to their projected places.
 */
export function useFlowNodes(projected: Diagram, selected: string | undefined) {
  // Derived state: a new projection is merged in during render, not in an effect.
  const [flow, setFlow] = useState<{ source: Diagram; nodes: DiagramNode[] }>(() => ({
    source: projected,
    nodes: projected.nodes,
  }));
  let nodes = flow.nodes;
  if (flow.source !== projected) {
    nodes = mergeNodes(flow.nodes, projected.nodes);
    setFlow({ source: projected, nodes });
  }
  const withSelection = useMemo(
    () =>
      nodes.map((n) =>
        Boolean(n.selected) === (n.id === selected) ? n : { ...n, selected: n.id === selected },
      ),
    [nodes, selected],
  );

  const onNodesChange = useCallback((changes: NodeChange<DiagramNode>[]) => {
    // Only movement and measurement: selection lives in the store, nothing is deleted from here.
    const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (kept.length > 0) setFlow((current) => ({ ...current, nodes: applyNodeChanges(kept, current.nodes) }));
  }, []);

  const snapBack = useCallback(
    () => setFlow((current) => ({ ...current, nodes: mergeNodes(current.nodes, projected.nodes) })),
    [projected],
  );

  return { nodes: withSelection, onNodesChange, snapBack };
}

/**
 * The canvas takes the cluster's shape when it first appears (then keeps it: no jumping), within
 * a readable range of heights.
 */
export function useCanvasHeight(projected: Diagram, canvasWidth: number): number {
  const [height] = useState(() => {
    let right = 0;
    let bottom = 0;
    for (const n of projected.nodes) {
      if (n.parentId) continue;
      right = Math.max(right, n.position.x + (n.width ?? 0));
      bottom = Math.max(bottom, n.position.y + (n.height ?? 0));
    }
    const natural = (canvasWidth * bottom * 1.1) / Math.max(1, right * 1.05);
    const tallest = Math.min(704, (typeof window === 'undefined' ? 900 : window.innerHeight) * 0.75);
    return Math.round(Math.min(tallest, Math.max(288, natural)));
  });
  return height;
}
