/**
 * What dropping a dragged pod does. Dropping on another Kubernetes node is `sim move` (the pod is
 * replaced, never moved); dropping on empty canvas, on the pod's own node or on something that is
 * not a node changes nothing.
 */
export interface Drop {
  pod: string;
  namespace: string;
  /** The node the pod runs on ('' when it is not scheduled). */
  from: string;
  /** The Kubernetes node under the pointer, if any. */
  target: string | undefined;
}

export function dropCommand(drop: Drop): string | undefined {
  if (!drop.target || drop.target === drop.from) return undefined;
  const namespace = drop.namespace === 'default' ? '' : ` -n ${drop.namespace}`;
  return `sim move ${drop.pod} --to ${drop.target}${namespace}`;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The node region containing a point (flow coordinates); regions never overlap. */
export function nodeAt(
  point: { x: number; y: number },
  regions: ReadonlyArray<{ name: string; rect: Rect }>,
): string | undefined {
  return regions.find(
    ({ rect }) =>
      point.x >= rect.x &&
      point.x <= rect.x + rect.width &&
      point.y >= rect.y &&
      point.y <= rect.y + rect.height,
  )?.name;
}
