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
 * The canvas is as tall as the drawing at its zoom: the diagram grows taller rather than smaller,
 * and an object created later (a claim, a volume) extends it, so nothing is ever out of view.
 */
export function drawingSize(projected: Diagram): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const n of projected.nodes) {
    if (n.parentId) continue;
    width = Math.max(width, n.position.x + (n.width ?? 0));
    height = Math.max(height, n.position.y + (n.height ?? 0));
  }
  return { width, height };
}
