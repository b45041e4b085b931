import { ReactFlow, ReactFlowProvider, useReactFlow, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { selectCluster, selectConsequence } from '../../store/sim-store.ts';
import { usePublishItems } from '../diagram-items.tsx';
import type { Diagram, DiagramNode } from '../model/diagram-types.ts';
import { canvasPadding, type DiagramLayout, layoutForWidth } from '../model/geometry.ts';
import { createLayoutKeeper } from '../model/project.ts';
import { useSim, useSimText } from '../sim-context.tsx';
import { nodeTypes } from './node-types.tsx';
import { useCanvasWidth } from './use-canvas-width.ts';
import { drawingSize, useFlowNodes } from './use-flow-nodes.ts';
import { useGestureHint, useOneFingerScroll } from './use-gesture-hint.ts';
import { useItemEvents } from './use-item-events.ts';
import { useLabels } from './use-labels.ts';
import { ViewControls } from './ViewControls.tsx';

export interface ClusterDiagramProps {
  /** Opens the actions of a diagram item (pod, node, claim, volume), from the keyboard or a right-click. */
  onOpenActions: (id: string) => void;
  /** Tells the live region something (a drop that changed nothing). */
  onAnnounce: (text: string) => void;
}

// Props React Flow compares by identity: a new value each render would make it re-sync its store
// on every frame of a drag. Mouse buttons only: a finger on the empty canvas scrolls the page.
const panButtons = [0, 1];
const zoomKeys = ['Control', 'Meta'];

/** Where the laid-out drawing sits: centred across the canvas, from the top, at the layout's zoom. */
function homeViewport(projected: Diagram, layout: DiagramLayout, canvasWidth: number): Viewport {
  const { width } = drawingSize(projected);
  const x = Math.max(canvasPadding, (canvasWidth - width * layout.zoom) / 2);
  return { x: Math.round(x), y: canvasPadding, zoom: layout.zoom };
}

function Flow({
  onOpenActions,
  onAnnounce,
  layout,
  canvasWidth,
}: ClusterDiagramProps & {
  layout: DiagramLayout;
  canvasWidth: number;
}) {
  const t = useSimText();
  const cluster = useSim(selectCluster);
  const consequence = useSim(selectConsequence);
  const stage = useSim((s) => s.stage);
  const selected = useSim((s) => s.selected);
  const labels = useLabels();
  // Layout memory across projections (so items keep their places): a cache, not render state.
  const [keeper] = useState(createLayoutKeeper);
  const { podColumns, nodesPerRow } = layout;

  const projected: Diagram = useMemo(() => {
    return keeper.project({ cluster, labels, consequence, stage, nodesPerRow, podColumns });
  }, [cluster, labels, consequence, stage, keeper, nodesPerRow, podColumns]);
  usePublishItems(projected.items);

  const { nodes, onNodesChange, snapBack } = useFlowNodes(projected, selected);
  const { onKeyDown, onNodeDragStop, onNodeClick, onNodeContextMenu, onPaneClick } = useItemEvents({
    projected,
    onOpenActions,
    onAnnounce,
    snapBack,
  });
  const { hint, onWheel, onTouchMove } = useGestureHint();
  const oneFingerScroll = useOneFingerScroll();

  // The view follows the drawing (a new claim or volume appears in view) until the learner moves
  // or zooms it; "Reset view" hands it back.
  const flow = useReactFlow();
  const home = homeViewport(projected, layout, canvasWidth);
  const [initialViewport] = useState(home);
  const engaged = useRef(false);
  const { x, y, zoom } = home;
  useEffect(() => {
    if (!engaged.current) void flow.setViewport({ x, y, zoom });
  }, [flow, x, y, zoom]);
  const onMoveEnd = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) engaged.current = true;
  }, []);
  const resetView = useCallback(() => {
    engaged.current = false;
    void flow.setViewport({ x, y, zoom }, { duration: 200 });
  }, [flow, x, y, zoom]);

  const height = Math.round(drawingSize(projected).height * zoom + 2 * canvasPadding);
  return (
    <>
      <ViewControls onReset={resetView} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keyboard events bubble up from the focusable diagram items */}
      <div
        ref={oneFingerScroll}
        className="kvl-diagram"
        onKeyDown={onKeyDown}
        onWheel={onWheel}
        onTouchMove={onTouchMove}
        style={{ height }}
      >
        <ReactFlow<DiagramNode>
          nodes={nodes}
          edges={projected.edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onNodeContextMenu={onNodeContextMenu}
          onPaneClick={onPaneClick}
          onMoveEnd={onMoveEnd}
          defaultViewport={initialViewport}
          minZoom={0.5}
          maxZoom={2}
          zoomOnScroll={false}
          panOnScroll={false}
          preventScrolling={false}
          zoomActivationKeyCode={zoomKeys}
          panOnDrag={panButtons}
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
        />
        {hint ? (
          <p className="kvl-gesture-hint" role="status">
            {hint === 'wheel' ? t.wheelHint : t.touchHint}
          </p>
        ) : null}
      </div>
    </>
  );
}

/**
 * The interactive cluster picture: one React Flow canvas per simulator. It is never shrunk to
 * fit: it lays itself out for its width (nodes in as many columns as fit, rows below, one pod
 * column on a phone) and grows taller, so its text stays at least 12 px (11 px on a phone).
 */
export function ClusterDiagram(props: ClusterDiagramProps) {
  const [width, measure] = useCanvasWidth();
  const layout = width === undefined ? undefined : layoutForWidth(width);
  return (
    <div ref={measure} className="kvl-diagram-frame">
      {layout && width !== undefined ? (
        <ReactFlowProvider>
          <Flow {...props} layout={layout} canvasWidth={width} />
        </ReactFlowProvider>
      ) : (
        <div className="kvl-diagram kvl-diagram-measure" />
      )}
    </div>
  );
}
