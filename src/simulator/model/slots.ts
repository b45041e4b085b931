/**
 * Stable slots for a row or grid of items: an item keeps the slot it had, a new item takes the
 * lowest free one. So adding a pod never shuffles the others, and a replacement pod usually lands
 * where the pod it replaces was.
 */
export type SlotMemory = Map<string, number>;

export function assignSlots(previous: SlotMemory | undefined, keys: readonly string[]): SlotMemory {
  const slots: SlotMemory = new Map();
  const taken = new Set<number>();
  for (const key of keys) {
    const slot = previous?.get(key);
    if (slot !== undefined && !taken.has(slot)) {
      slots.set(key, slot);
      taken.add(slot);
    }
  }
  let next = 0;
  for (const key of keys) {
    if (slots.has(key)) continue;
    while (taken.has(next)) next++;
    slots.set(key, next);
    taken.add(next);
  }
  return slots;
}

/** Slots of the same row may have gaps after removals; this is how many rows a grid needs. */
export function rowsFor(slots: SlotMemory, columns: number): number {
  let highest = -1;
  for (const slot of slots.values()) highest = Math.max(highest, slot);
  return Math.max(1, Math.ceil((highest + 1) / columns));
}
