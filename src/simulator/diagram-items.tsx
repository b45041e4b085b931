import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from 'react';
import type { ItemData } from './model/diagram-types.ts';

type Items = ReadonlyMap<string, ItemData>;

const noItems: Items = new Map();
const ItemsContext = createContext<Items>(noItems);
const PublishContext = createContext<(items: Items) => void>(() => {});

/**
 * What each diagram id stands for, as the diagram last drew it: the diagram publishes its
 * projection's items, the inspector and the actions dialog look ids up here. Only those readers
 * re-render when the items change (the children are the same elements).
 */
export function DiagramItemsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState(noItems);
  return (
    <PublishContext value={setItems}>
      <ItemsContext value={items}>{children}</ItemsContext>
    </PublishContext>
  );
}

/** The data of the item with this id, if the diagram shows it. */
export function useDiagramItem(id: string | undefined): ItemData | undefined {
  const items = useContext(ItemsContext);
  return id === undefined ? undefined : items.get(id);
}

/** Publishes the diagram's items before the browser paints, so readers never show an older cluster. */
export function usePublishItems(items: Items): void {
  const publish = useContext(PublishContext);
  useLayoutEffect(() => publish(items), [publish, items]);
}
