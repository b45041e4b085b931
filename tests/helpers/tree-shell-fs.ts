/**
 * A ShellFs over one FsTree (one disk), mutating that object in place: the shell's test double
 * (the engine itself uses container-fs.ts). Errors follow the kernel's order of checks:
 * path lookup (ENOENT / ENOTDIR) first, then the target's type, then read-only, then space.
 */
import type { FsEntry, FsTree } from '../../src/sim/node/fs-tree.ts';
import { isWithin, parentPath, resolvePath } from '../../src/sim/shell/paths.ts';
import type { DiskUsage, FsError, FsStat, ShellFs } from '../../src/sim/shell/shell-fs.ts';
import { utf8Length } from '../../src/sim/shell/text.ts';

export interface TreeShellFsOptions {
  readOnly?: boolean;
  /** Bytes of file content the disk holds; without it writes never hit ENOSPC. */
  capacityBytes?: number;
  mountedOn?: string;
  filesystem?: string;
}

/** What `df` shows for a disk without a capacity: a typical node root disk. */
const DEFAULT_SIZE_BYTES = 10 * 1024 * 1024 * 1024;
const ROOT: FsEntry = { type: 'dir' };

type Lookup = { entry: FsEntry | undefined } | { error: FsError };

export function createTreeShellFs(tree: FsTree, options: TreeShellFsOptions = {}): ShellFs {
  // The root always exists, even in an empty tree, and is never replaced by a stray entry.
  const entryAt = (path: string): FsEntry | undefined =>
    path === '/' ? ROOT : Object.hasOwn(tree, path) ? tree[path] : undefined;

  /** Walks the path like the kernel: a missing ancestor is ENOENT, a non-directory ancestor ENOTDIR. */
  function lookup(rawPath: string): Lookup {
    const path = resolvePath('/', rawPath);
    if (path === undefined) return { error: 'ENOENT' };
    const parts = path.split('/').filter(Boolean);
    let current = '';
    for (let k = 0; k < parts.length; k += 1) {
      current += `/${parts[k]}`;
      const entry = entryAt(current);
      if (k === parts.length - 1) return { entry };
      if (!entry) return { error: 'ENOENT' };
      if (entry.type !== 'dir') return { error: 'ENOTDIR' };
    }
    return { entry: ROOT };
  }

  const normal = (rawPath: string) => resolvePath('/', rawPath) ?? '';
  const descendants = (dir: string) =>
    Object.keys(tree).filter((key) => key !== dir && key.startsWith('/') && isWithin(key, dir));

  function usedBytes(): number {
    let used = 0;
    for (const entry of Object.values(tree)) if (entry.type === 'file') used += utf8Length(entry.content);
    return used;
  }

  return {
    stat(path: string): FsStat | undefined {
      const found = lookup(path);
      if ('error' in found || !found.entry) return undefined;
      const { entry } = found;
      const size = entry.type === 'dir' ? 4096 : entry.type === 'file' ? utf8Length(entry.content) : 0;
      return { type: entry.type, size };
    },

    readFile(path: string): string | FsError {
      const found = lookup(path);
      if ('error' in found) return found.error;
      if (!found.entry) return 'ENOENT';
      if (found.entry.type === 'dir') return 'EISDIR';
      // Device and socket nodes read as empty, like /dev/null.
      return found.entry.type === 'file' ? found.entry.content : '';
    },

    writeFile(rawPath: string, content: string, append: boolean): FsError | undefined {
      const path = normal(rawPath);
      if (path === '/') return 'EISDIR';
      const parent = lookup(parentPath(path));
      if ('error' in parent) return parent.error;
      if (!parent.entry) return 'ENOENT';
      if (parent.entry.type !== 'dir') return 'ENOTDIR';
      const existing = entryAt(path);
      if (existing?.type === 'dir') return 'EISDIR';
      if (existing && existing.type !== 'file') return undefined;
      if (options.readOnly) return 'EROFS';
      const oldBytes = existing ? utf8Length(existing.content) : 0;
      const next = append && existing ? existing.content + content : content;
      const newBytes = utf8Length(next);
      // Only growth can run out of space: truncating an over-full disk must still work.
      const capacity = options.capacityBytes;
      if (capacity !== undefined && newBytes > oldBytes && usedBytes() - oldBytes + newBytes > capacity) {
        return 'ENOSPC';
      }
      tree[path] = { type: 'file', content: next };
      return undefined;
    },

    readDir(rawPath: string): string[] | FsError {
      const path = normal(rawPath);
      const found = lookup(path);
      if ('error' in found) return found.error;
      if (!found.entry) return 'ENOENT';
      if (found.entry.type !== 'dir') return 'ENOTDIR';
      const names = Object.keys(tree)
        .filter((key) => key !== '/' && key.startsWith('/') && !key.endsWith('/') && parentPath(key) === path)
        .map((key) => key.slice(key.lastIndexOf('/') + 1));
      return names.sort();
    },

    mkdir(rawPath: string, parents: boolean): FsError | undefined {
      const path = normal(rawPath);
      if (path === '') return 'ENOENT';
      const parts = path.split('/').filter(Boolean);
      if (parts.length === 0) return parents ? undefined : 'EEXIST';
      const missing: string[] = [];
      let current = '';
      for (let k = 0; k < parts.length; k += 1) {
        const last = k === parts.length - 1;
        current += `/${parts[k]}`;
        const entry = missing.length > 0 ? undefined : entryAt(current);
        if (entry && entry.type !== 'dir') return last ? 'EEXIST' : 'ENOTDIR';
        if (entry && last) return parents ? undefined : 'EEXIST';
        if (!entry) {
          if (!last && !parents) return 'ENOENT';
          missing.push(current);
        }
      }
      if (options.readOnly) return 'EROFS';
      for (const dir of missing) tree[dir] = { type: 'dir' };
      return undefined;
    },

    remove(rawPath: string, recursive: boolean): FsError | undefined {
      const path = normal(rawPath);
      // The root of a disk is a mount point: `rm -r` empties it, then rmdir fails as on Linux.
      if (path === '/') {
        if (options.readOnly) return 'EROFS';
        if (recursive) for (const key of descendants('/')) delete tree[key];
        return 'EBUSY';
      }
      const found = lookup(path);
      if ('error' in found) return found.error;
      if (!found.entry) return 'ENOENT';
      if (options.readOnly) return 'EROFS';
      if (found.entry.type === 'dir') {
        // Without `recursive` this is rmdir(2): only an empty directory goes.
        const below = descendants(path);
        if (below.length > 0 && !recursive) return 'ENOTEMPTY';
        for (const key of below) delete tree[key];
      }
      delete tree[path];
      return undefined;
    },

    diskFree(): DiskUsage[] {
      return [
        {
          filesystem: options.filesystem ?? 'overlay',
          sizeBytes: options.capacityBytes ?? DEFAULT_SIZE_BYTES,
          usedBytes: usedBytes(),
          mountedOn: options.mountedOn ?? '/',
        },
      ];
    },
  };
}
