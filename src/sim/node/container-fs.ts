import type { DiskUsage, FsError, FsStat, ShellFs } from '../shell/shell-fs.ts';
import { bytesUnder, parentOf, pathsUnder, utf8Length } from './fs-ops.ts';
import type { FsTree } from './fs-tree.ts';

/** One filesystem in a container's view: a directory (or file) of some disk, at a mount path. */
export interface Mount {
  mountPath: string;
  tree: FsTree;
  /** Where the mount starts inside `tree` (`/` for a whole disk). */
  base: string;
  readOnly: boolean;
  /** Bytes available to this mount; undefined means the disk's default size. */
  capacityBytes?: number;
  /** What `df` prints as the filesystem. */
  filesystem: string;
  /** A tmpfs: the container whose memory limit written pages count against. */
  chargeTo?: string;
}

const defaultSize = 100 * 1024 ** 3;

/**
 * The filesystem a container sees: its writable layer at `/`, with volumes mounted over it. Each
 * path is routed to the mount that covers it, so a write lands on the disk Kubernetes would use.
 * It stays one long factory: the ShellFs methods share the mount routing closed over here, and
 * split apart they would each need the whole mount table passed back in.
 */
export function createContainerFs(mounts: Mount[]): ShellFs {
  const ordered = [...mounts].sort((a, b) => b.mountPath.length - a.mountPath.length);
  const route = (path: string): { mount: Mount; inner: string } => {
    for (const mount of ordered) {
      if (mount.mountPath === '/' || path === mount.mountPath || path.startsWith(`${mount.mountPath}/`)) {
        const rest = mount.mountPath === '/' ? path : path.slice(mount.mountPath.length);
        const inner = rest === '' ? mount.base : mount.base === '/' ? rest : `${mount.base}${rest}`;
        return { mount, inner: inner === '' ? '/' : inner };
      }
    }
    throw new Error('a container always has a root mount');
  };
  const entry = (tree: FsTree, path: string) => (path === '/' ? { type: 'dir' as const } : tree[path]);
  const isMountPoint = (path: string) => ordered.some((m) => m.mountPath === path && m.mountPath !== '/');
  const parentCheck = (path: string): FsError | undefined => {
    const { mount, inner } = route(parentOf(path));
    const parent = entry(mount.tree, inner);
    if (!parent) return 'ENOENT';
    return parent.type === 'dir' ? undefined : 'ENOTDIR';
  };

  return {
    stat(path): FsStat | undefined {
      const { mount, inner } = route(path);
      const found = entry(mount.tree, inner);
      if (!found) return undefined;
      return {
        type: found.type,
        size: found.type === 'file' ? utf8Length(found.content) : found.type === 'dir' ? 4096 : 0,
      };
    },
    readFile(path) {
      const { mount, inner } = route(path);
      const found = entry(mount.tree, inner);
      if (!found) return 'ENOENT';
      if (found.type === 'dir') return 'EISDIR';
      return found.type === 'file' ? found.content : '';
    },
    writeFile(path, content, append) {
      const { mount, inner } = route(path);
      const problem = parentCheck(path);
      if (problem) return problem;
      const existing = entry(mount.tree, inner);
      if (existing?.type === 'dir') return 'EISDIR';
      if (mount.readOnly) return 'EROFS';
      const before = existing?.type === 'file' ? existing.content : '';
      const next = append ? before + content : content;
      const used = bytesUnder(mount.tree, mount.base) - utf8Length(before) + utf8Length(next);
      if (
        mount.capacityBytes !== undefined &&
        used > mount.capacityBytes &&
        utf8Length(next) > utf8Length(before)
      ) {
        return 'ENOSPC';
      }
      mount.tree[inner] = {
        type: 'file',
        content: next,
        ...(mount.chargeTo ? { chargedTo: mount.chargeTo } : {}),
      };
      return undefined;
    },
    readDir(path) {
      const { mount, inner } = route(path);
      const found = entry(mount.tree, inner);
      if (!found) return 'ENOENT';
      if (found.type !== 'dir') return 'ENOTDIR';
      const prefix = inner === '/' ? '/' : `${inner}/`;
      const names = new Set<string>();
      for (const p of pathsUnder(mount.tree, inner)) {
        if (p === inner) continue;
        const name = p.slice(prefix.length).split('/')[0];
        if (name) names.add(name);
      }
      for (const m of ordered) {
        if (m.mountPath !== '/' && parentOf(m.mountPath) === path)
          names.add(m.mountPath.slice(m.mountPath.lastIndexOf('/') + 1));
      }
      return [...names].sort();
    },
    mkdir(path, parents) {
      if (parents) {
        const parts = path.split('/').filter(Boolean);
        let current = '';
        for (const part of parts) {
          current += `/${part}`;
          const existing = this.stat(current);
          if (existing?.type === 'dir') continue;
          if (existing) return 'EEXIST';
          const error = this.mkdir(current, false);
          if (error) return error;
        }
        return undefined;
      }
      const { mount, inner } = route(path);
      if (entry(mount.tree, inner)) return 'EEXIST';
      const problem = parentCheck(path);
      if (problem) return problem;
      if (mount.readOnly) return 'EROFS';
      mount.tree[inner] = { type: 'dir' };
      return undefined;
    },
    remove(path, recursive) {
      if (path === '/' || isMountPoint(path)) return 'EBUSY';
      const { mount, inner } = route(path);
      const found = entry(mount.tree, inner);
      if (!found) return 'ENOENT';
      if (mount.readOnly) return 'EROFS';
      const inside = pathsUnder(mount.tree, inner).filter((p) => p !== inner);
      if (found.type === 'dir' && !recursive) return 'EISDIR';
      if (ordered.some((m) => m.mountPath.startsWith(`${path}/`))) return 'EBUSY';
      for (const p of inside) delete mount.tree[p];
      delete mount.tree[inner];
      return undefined;
    },
    diskFree(): DiskUsage[] {
      return [...ordered].reverse().map((mount) => ({
        filesystem: mount.filesystem,
        sizeBytes: mount.capacityBytes ?? defaultSize,
        usedBytes: bytesUnder(mount.tree, mount.base),
        mountedOn: mount.mountPath,
      }));
    },
  };
}
