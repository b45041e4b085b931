/**
 * The kinds of diagram item, in kubectl's short names. One word per item: it is the React Flow
 * node type, the `kind` of the item's data, and the prefix of its id (`<kind>:<key>`), so an id
 * says what it stands for.
 */
export const itemKinds = ['node', 'pending', 'pod', 'ghost', 'dir', 'pvc', 'pv', 'disk', 'sc'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** What identifies an item of each kind (its data holds these fields too). */
interface ItemKeys {
  node: { name: string };
  pending: Record<never, never>;
  pod: { namespace: string; name: string };
  /** The old pod of the latest move, shown terminating on its old node. */
  ghost: { namespace: string; name: string };
  /** A directory on a node's disk: a hostPath, or a local volume's. */
  dir: { node: string; path: string };
  pvc: { namespace: string; name: string };
  pv: { name: string };
  /** A network disk outside the cluster, by its key in `disks.network`. */
  disk: { key: string };
  sc: { name: string };
}

/** What an id stands for: its kind and the fields that identify the item. */
export type ItemRef<K extends ItemKind = ItemKind> = { [P in K]: { kind: P } & ItemKeys[P] }[K];

export const nodeId = (name: string) => `node:${name}`;
export const pendingId = 'pending';
export const podId = (namespace: string, name: string) => `pod:${namespace}/${name}`;
export const ghostId = (namespace: string, name: string) => `ghost:${namespace}/${name}`;
/** Node names hold no ':', so the first one after the kind ends the node's name. */
export const dirId = (node: string, path: string) => `dir:${node}:${path}`;
export const pvcId = (namespace: string, name: string) => `pvc:${namespace}/${name}`;
export const pvId = (name: string) => `pv:${name}`;
export const diskId = (key: string) => `disk:${key}`;
export const scId = (name: string) => `sc:${name}`;

/** The id of an item, from its reference or from its data (which holds the same fields). */
export function itemId(ref: ItemRef): string {
  switch (ref.kind) {
    case 'node':
      return nodeId(ref.name);
    case 'pending':
      return pendingId;
    case 'pod':
      return podId(ref.namespace, ref.name);
    case 'ghost':
      return ghostId(ref.namespace, ref.name);
    case 'dir':
      return dirId(ref.node, ref.path);
    case 'pvc':
      return pvcId(ref.namespace, ref.name);
    case 'pv':
      return pvId(ref.name);
    case 'disk':
      return diskId(ref.key);
    case 'sc':
      return scId(ref.name);
  }
}

/** `namespace/name`, both non-empty; the namespace holds no '/'. */
function namespaced(rest: string): { namespace: string; name: string } | undefined {
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return undefined;
  return { namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

const parsers: { [K in ItemKind]: (rest: string) => ItemRef<K> | undefined } = {
  node: (name) => (name ? { kind: 'node', name } : undefined),
  pending: () => undefined, // `pending` has no key: it is matched whole, below.
  pod: (rest) => {
    const key = namespaced(rest);
    return key ? { kind: 'pod', ...key } : undefined;
  },
  ghost: (rest) => {
    const key = namespaced(rest);
    return key ? { kind: 'ghost', ...key } : undefined;
  },
  dir: (rest) => {
    const colon = rest.indexOf(':');
    if (colon <= 0 || colon === rest.length - 1) return undefined;
    return { kind: 'dir', node: rest.slice(0, colon), path: rest.slice(colon + 1) };
  },
  pvc: (rest) => {
    const key = namespaced(rest);
    return key ? { kind: 'pvc', ...key } : undefined;
  },
  pv: (name) => (name ? { kind: 'pv', name } : undefined),
  disk: (key) => (key ? { kind: 'disk', key } : undefined),
  sc: (name) => (name ? { kind: 'sc', name } : undefined),
};

const isItemKind = (word: string): word is ItemKind => (itemKinds as readonly string[]).includes(word);

/** What an id stands for: the exact inverse of the builders above; undefined for anything else. */
export function parseItemId(id: string): ItemRef | undefined {
  if (id === pendingId) return { kind: 'pending' };
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  if (colon < 0 || !isItemKind(kind)) return undefined;
  return parsers[kind](id.slice(colon + 1));
}

/** What an edge's label calls an item: its id without the kind (`default/db`, `node-1:/var/log/demo`). */
export function itemName(id: string): string {
  return parseItemId(id) ? id.slice(id.indexOf(':') + 1) : id;
}
