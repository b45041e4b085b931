import {
  applyNodeChanges,
  Controls,
  type NodeChange,
  type OnNodeDrag,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import {
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useMemo,
  useState,
} from 'react';
import { selectCluster, selectConsequence } from '../../store/sim-store.ts';
import type { Diagram, DiagramNode } from '../model/diagram-types.ts';
import { dropCommand, nodeAt } from '../model/drop-command.ts';
import { nodeGap, nodeWidth } from '../model/geometry.ts';
import { createLayoutKeeper, type DiagramLabels, mergeNodes } from '../model/project.ts';
import { useSim, useSimStore, useSimText } from '../sim-context.tsx';
import { nodeTypes } from './node-types.tsx';

export interface ClusterDiagramProps {
  /** Opens the actions of a diagram item (pod, node, claim, volume), from the keyboard or a right-click. */
  onOpenActions: (id: string) => void;
  /** Tells the live region something (a drop that changed nothing). */
  onAnnounce: (text: string) => void;
}

function useLabels(): DiagramLabels {
  const t = useSimText();
  return useMemo(
    () => ({
      node: t.nodeLabel,
      pending: t.pendingLabel,
      pod: t.podLabel,
      dir: t.dirLabel,
      claim: t.claimLabel,
      volume: t.volumeLabel,
      disk: t.diskLabel,
      storageClass: t.classLabel,
      edge: t.edgeLabel,
    }),
    [t],
  );
}

/** Where a pointer or touch ended, in screen coordinates. */
function pointerOf(event: MouseEvent | TouchEvent): { x: number; y: number } | undefined {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  }
  return { x: event.clientX, y: event.clientY };
}

// Props React Flow compares by identity: a new object each render would make it re-sync its store
// on every frame of a drag.
const fitViewOptions = { padding: 0.08, maxZoom: 1 };

const actionableTypes = new Set(['pod', 'k8sNode', 'claim', 'volume']);

function Flow({
  onOpenActions,
  onAnnounce,
  nodesPerRow,
  canvasWidth,
}: ClusterDiagramProps & { nodesPerRow: number; canvasWidth: number }) {
  const t = useSimText();
  const store = useSimStore();
  const cluster = useSim(selectCluster);
  const consequence = useSim(selectConsequence);
  const stage = useSim((s) => s.stage);
  const selected = useSim((s) => s.selected);
  const labels = useLabels();
  // Layout memory across projections (so items keep their places): a cache, not render state.
  const [layout] = useState(createLayoutKeeper);
  const { screenToFlowPosition } = useReactFlow();

  const projected: Diagram = useMemo(() => {
    return layout.project({ cluster, labels, consequence, stage, nodesPerRow });
  }, [cluster, labels, consequence, stage, layout, nodesPerRow]);

  // The canvas takes the cluster's shape when it first appears (then keeps it: no jumping),
  // within a readable range of heights.
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

  // Derived state: React Flow owns positions while dragging; a new projection replaces them.
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

  const onNodeDragStop: OnNodeDrag<DiagramNode> = useCallback(
    (event, node) => {
      const data = node.data;
      if (data.kind !== 'pod') return;
      const pointer = pointerOf(event as unknown as MouseEvent | TouchEvent);
      const point = pointer ? screenToFlowPosition(pointer) : undefined;
      const regions = projected.nodes
        .filter((n) => n.type === 'k8sNode')
        .map((n) => ({
          name: n.data.kind === 'node' ? n.data.name : '',
          rect: { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 },
        }));
      const command = point
        ? dropCommand({
            pod: data.name,
            namespace: data.namespace,
            from: data.node,
            target: nodeAt(point, regions),
          })
        : undefined;
      if (command) {
        store.getState().run(command);
        return;
      }
      // Dropped on empty canvas or on its own node: back to its place, nothing changes.
      setFlow((current) => ({ ...current, nodes: mergeNodes(current.nodes, projected.nodes) }));
      onAnnounce(t.nothingChanged(data.name));
    },
    [projected, screenToFlowPosition, store, onAnnounce, t],
  );

  const onPaneClick = useCallback(() => store.getState().select(undefined), [store]);
  const onNodeClick = useCallback(
    (_event: ReactMouseEvent, node: DiagramNode) => store.getState().select(node.id),
    [store],
  );
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: DiagramNode) => {
      if (!actionableTypes.has(node.type ?? '')) return;
      event.preventDefault();
      store.getState().select(node.id);
      onOpenActions(node.id);
    },
    [store, onOpenActions],
  );

  // React Flow's own keyboard handling (arrow keys move nodes without telling anyone) is off;
  // Enter, Space, the context-menu key and Shift+F10 open an item's actions instead.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    const id = element?.dataset.id;
    if (!id || element !== event.target) return;
    const type = projected.nodes.find((n) => n.id === id)?.type ?? '';
    const opens =
      event.key === 'Enter' ||
      event.key === ' ' ||
      event.key === 'ContextMenu' ||
      (event.shiftKey && event.key === 'F10');
    if (!opens) return;
    event.preventDefault();
    store.getState().select(id);
    if (actionableTypes.has(type)) onOpenActions(id);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard events bubble up from the focusable diagram items
    <div className="kvl-diagram" onKeyDown={onKeyDown} style={{ height }}>
      <ReactFlow<DiagramNode>
        nodes={withSelection}
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
