import type { HostPathType } from '../api/types.ts';
import { ensureDir, parentOf } from './fs-ops.ts';
import type { FsTree } from './fs-tree.ts';

/**
 * The kubelet's hostPath type check before mounting (pkg/volume/hostpath checkType), against the
 * node's own disk. `*OrCreate` types create what is missing (FileOrCreate does not create parent
 * directories); the default type checks nothing and the runtime creates a missing directory.
 * Returns the FailedMount detail, or undefined when the path can be mounted.
 */
export function checkHostPath(
  tree: FsTree,
  path: string,
  type: HostPathType | undefined,
): string | undefined {
  const entry = path === '/' ? { type: 'dir' as const } : tree[path];
  const notA = (what: string) => `hostPath type check failed: ${path} is not ${what}`;
  switch (type ?? '') {
    case '':
      if (!entry) ensureDir(tree, path);
      return undefined;
    case 'DirectoryOrCreate':
      if (!entry) {
        ensureDir(tree, path);
        return undefined;
      }
      return entry.type === 'dir' ? undefined : notA('a directory');
    case 'Directory':
      return entry?.type === 'dir' ? undefined : notA('a directory');
    case 'FileOrCreate':
      if (!entry) {
        const parent = tree[parentOf(path)];
        if (parentOf(path) !== '/' && parent?.type !== 'dir')
          return `open ${path}: no such file or directory`;
        tree[path] = { type: 'file', content: '' };
        return undefined;
      }
      return entry.type === 'file' ? undefined : notA('a file');
    case 'File':
      return entry?.type === 'file' ? undefined : notA('a file');
    case 'Socket':
      return entry?.type === 'socket' ? undefined : notA('a socket file');
    case 'CharDevice':
      return entry?.type === 'char' ? undefined : notA('a character device');
    case 'BlockDevice':
      return entry?.type === 'block' ? undefined : notA('a block device');
    default:
      return undefined;
  }
}
