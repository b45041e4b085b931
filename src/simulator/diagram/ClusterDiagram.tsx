import { Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { selectCluster, selectConsequence } from '../../store/sim-store.ts';
import { usePublishItems } from '../diagram-items.tsx';
import type { Diagram, DiagramNode } from '../model/diagram-types.ts';
import { nodeGap, nodeWidth } from '../model/geometry.ts';
import { createLayoutKeeper } from '../model/project.ts';
import { useSim, useSimText } from '../sim-context.tsx';
import { nodeTypes } from './node-types.tsx';
import { useCanvasHeight, useFlowNodes } from './use-flow-nodes.ts';
import { useItemEvents } from './use-item-events.ts';
import { useLabels } from './use-labels.ts';

export interface ClusterDiagramProps {
  /** Opens the actions of a diagram item (pod, node, claim, volume), from the keyboard or a right-click. */
  onOpenActions: (id: string) => void;
  /** Tells the live region something (a drop that changed nothing). */
  onAnnounce: (text: string) => void;
}

// Props React Flow compares by identity: a new object each render would make it re-sync its store
// on every frame of a drag.
const fitViewOptions = { padding: 0.08, maxZoom: 1 };

function Flow({
  onOpenActions,
  onAnnounce,
  nodesPerRow,
  canvasWidth,
}: ClusterDiagramProps & { nodesPerRow: number; canvasWidth: number }) {
  const t = useSimText();
  const cluster = useSim(selectCluster);
  const consequence = useSim(selectConsequence);
  const stage = useSim((s) => s.stage);
  const selected = useSim((s) => s.selected);
  const labels = useLabels();
  // Layout memory across projections (so items keep their places): a cache, not render state.
  const [layout] = useState(createLayoutKeeper);

  const projected: Diagram = useMemo(() => {
    return layout.project({ cluster, labels, consequence, stage, nodesPerRow });
  }, [cluster, labels, consequence, stage, layout, nodesPerRow]);
  usePublishItems(projected.items);

  const height = useCanvasHeight(projected, canvasWidth);
  const { nodes, onNodesChange, snapBack } = useFlowNodes(projected, selected);
  const { onKeyDown, onNodeDragStop, onNodeClick, onNodeContextMenu, onPaneClick } = useItemEvents({
    projected,
    onOpenActions,
    onAnnounce,
    snapBack,
  });

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard events bubble up from the focusable diagram items
    <div className="kvl-diagram" onKeyDown={onKeyDown} style={{ height }}>
      <ReactFlow<DiagramNode>
        nodes={nodes}
        edges={projected.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneClick={onPaneClick}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        maxZoom={2}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        disableKeyboardA11y
        nodeDragThreshold={4}
        aria-label={t.diagramLabel}
      >
        <Controls showInteractive={false} position="top-right" orientation="horizontal" />
      </ReactFlow>
    </div>
  );
}

/** Room for one worker node at a readable zoom (flow units × the smallest comfortable zoom). */
const readableNodeWidth = (nodeWidth(2) + nodeGap) * 0.7;

/**
 * The interactive cluster picture: one React Flow canvas per simulator. The canvas is measured
 * once first, to choose how many nodes share a row (the layout then stays put).
 */
export function ClusterDiagram(props: ClusterDiagramProps) {
  const [width, setWidth] = useState<number | undefined>(undefined);
  const measure = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    const measured = element.getBoundingClientRect().width || 1200;
    setWidth((current) => current ?? measured);
  }, []);
  if (width === undefined) return <div ref={measure} className="kvl-diagram kvl-diagram-measure" />;
  const nodesPerRow = Math.max(1, Math.min(4, Math.floor(width / readableNodeWidth)));
  return (
    <ReactFlowProvider>
      <Flow {...props} nodesPerRow={nodesPerRow} canvasWidth={width} />
    </ReactFlowProvider>
  );
}
