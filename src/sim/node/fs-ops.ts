import type { FsEntry, FsTree } from './fs-tree.ts';

/** Operations on a disk's flat path map that the kubelet and controllers need (not the shell's). */

export function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** Entries at or below `path` (the path itself included). */
export function pathsUnder(tree: FsTree, path: string): string[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  return Object.keys(tree).filter((p) => p === path || p.startsWith(prefix));
}

/** mkdir -p */
export function ensureDir(tree: FsTree, path: string): void {
  if (path === '/' || !path.startsWith('/')) {
    tree['/'] ??= { type: 'dir' };
    return;
  }
  ensureDir(tree, parentOf(path));
  if (!tree[path]) tree[path] = { type: 'dir' };
}

export function putEntry(tree: FsTree, path: string, entry: FsEntry): void {
  ensureDir(tree, parentOf(path));
  tree[path] = entry;
}

/** rm -rf path */
export function removePath(tree: FsTree, path: string): void {
  for (const p of pathsUnder(tree, path)) delete tree[p];
}

/** rm -rf path/* — keeps the directory itself. */
export function clearDir(tree: FsTree, path: string): void {
  for (const p of pathsUnder(tree, path)) if (p !== path) delete tree[p];
}

/** Bytes of file content at or below `path`. */
export function bytesUnder(tree: FsTree, path: string): number {
  let total = 0;
  for (const p of pathsUnder(tree, path)) {
    const entry = tree[p];
    if (entry?.type === 'file') total += utf8Length(entry.content);
  }
  return total;
}

/** Files (not directories) at or below `path`, as paths relative to it, sorted. */
export function filesUnder(tree: FsTree, path: string): Array<{ path: string; size: number }> {
  const base = path === '/' ? '' : path;
  return pathsUnder(tree, path)
    .filter((p) => tree[p]?.type === 'file')
    .sort()
    .map((p) => {
      const entry = tree[p] as { content: string };
      return {
        path: p === path ? p.slice(p.lastIndexOf('/')) : p.slice(base.length),
        size: utf8Length(entry.content),
      };
    });
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
