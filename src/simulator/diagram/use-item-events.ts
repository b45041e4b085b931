import { type OnNodeDrag, useReactFlow } from '@xyflow/react';
import { type KeyboardEvent, type MouseEvent as ReactMouseEvent, useCallback } from 'react';
import type { Diagram, DiagramNode } from '../model/diagram-types.ts';
import { dropCommand, nodeAt } from '../model/drop-command.ts';
import { hasActions } from '../model/item-actions.ts';
import { useSimStore, useSimText } from '../sim-context.tsx';

export interface ItemEventsOptions {
  projected: Diagram;
  /** Opens the actions of a diagram item. */
  onOpenActions: (id: string) => void;
  /** Tells the live region something (a drop that changed nothing). */
  onAnnounce: (text: string) => void;
  /** Returns dragged items to their projected places. */
  snapBack: () => void;
}

/** Where a pointer or touch ended, in screen coordinates. */
function pointerOf(event: MouseEvent | TouchEvent): { x: number; y: number } | undefined {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  }
  return { x: event.clientX, y: event.clientY };
}

/** Dropping a dragged pod on another node moves it there (`sim move`); anywhere else, nothing changes. */
function useDropPod({ projected, onAnnounce, snapBack }: ItemEventsOptions): OnNodeDrag<DiagramNode> {
  const t = useSimText();
  const store = useSimStore();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (event, node) => {
      const data = node.data;
      if (data.kind !== 'pod') return;
      const pointer = pointerOf(event as unknown as MouseEvent | TouchEvent);
      const point = pointer ? screenToFlowPosition(pointer) : undefined;
      const regions = projected.nodes.flatMap((n) =>
        n.data.kind === 'node'
          ? [
              {
                name: n.data.name,
                rect: { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 },
              },
            ]
          : [],
      );
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
      snapBack();
      onAnnounce(t.nothingChanged(data.name));
    },
    [projected, screenToFlowPosition, store, onAnnounce, snapBack, t],
  );
}

/**
 * What the diagram's items do: a click selects, a drop moves a pod, and a right-click — or Enter,
 * Space, the context-menu key or Shift+F10 on a focused item — selects it and opens its actions.
 */
export function useItemEvents(options: ItemEventsOptions) {
  const { projected, onOpenActions } = options;
  const store = useSimStore();
  const onNodeDragStop = useDropPod(options);
  const onPaneClick = useCallback(() => store.getState().select(undefined), [store]);
  const onNodeClick = useCallback(
    (_event: ReactMouseEvent, node: DiagramNode) => store.getState().select(node.id),
    [store],
  );
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: DiagramNode) => {
      if (!hasActions(node.data)) return;
      event.preventDefault();
      store.getState().select(node.id);
      onOpenActions(node.id);
    },
    [store, onOpenActions],
  );

  // React Flow's own keyboard handling (arrow keys move nodes without telling anyone) is off.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    const id = element?.dataset.id;
    if (!id || element !== event.target) return;
    const opens =
      event.key === 'Enter' ||
      event.key === ' ' ||
      event.key === 'ContextMenu' ||
      (event.shiftKey && event.key === 'F10');
    if (!opens) return;
    event.preventDefault();
    store.getState().select(id);
    if (hasActions(projected.items.get(id))) onOpenActions(id);
  };

  return { onNodeDragStop, onPaneClick, onNodeClick, onNodeContextMenu, onKeyDown };
}
