import { describe, expect, it } from 'vitest';
import type { FsTree } from '../../../src/sim/node/fs-tree.ts';
import { createTreeShellFs } from '../../helpers/tree-shell-fs.ts';
import { sampleTree } from './fixture.ts';

describe('createTreeShellFs', () => {
  it('always has a root directory, even over an empty tree', () => {
    const fs = createTreeShellFs({});
    expect(fs.stat('/')).toEqual({ type: 'dir', size: 4096 });
    expect(fs.readDir('/')).toEqual([]);
    expect(fs.mkdir('/', false)).toBe('EEXIST');
    expect(fs.mkdir('/', true)).toBeUndefined();
  });

  it('reports sizes in UTF-8 bytes', () => {
    const fs = createTreeShellFs({ '/k': { type: 'file', content: 'é한😀' } });
    expect(fs.stat('/k')).toEqual({ type: 'file', size: 2 + 3 + 4 });
  });

  it.each<[string, (fs: ReturnType<typeof createTreeShellFs>) => unknown, unknown]>([
    ['reads a file', (fs) => fs.readFile('/data/a.txt'), 'alpha\nbeta\ngamma\n'],
    ['reads a missing file as ENOENT', (fs) => fs.readFile('/data/x'), 'ENOENT'],
    ['reads a directory as EISDIR', (fs) => fs.readFile('/data'), 'EISDIR'],
    ['reads through a file as ENOTDIR', (fs) => fs.readFile('/data/a.txt/x'), 'ENOTDIR'],
    ['lists a directory sorted, names only', (fs) => fs.readDir('/data'), ['.hidden', 'a.txt', 'sub']],
    ['lists a file as ENOTDIR', (fs) => fs.readDir('/data/a.txt'), 'ENOTDIR'],
    ['writes into a missing directory as ENOENT', (fs) => fs.writeFile('/nope/f', 'x', false), 'ENOENT'],
    ['writes onto a directory as EISDIR', (fs) => fs.writeFile('/data', 'x', false), 'EISDIR'],
    ['writes below a file as ENOTDIR', (fs) => fs.writeFile('/data/a.txt/f', 'x', false), 'ENOTDIR'],
    ['makes a directory in a missing parent as ENOENT', (fs) => fs.mkdir('/a/b', false), 'ENOENT'],
    ['makes an existing directory as EEXIST', (fs) => fs.mkdir('/data', false), 'EEXIST'],
    [
      'makes a directory over a file as EEXIST, even with parents',
      (fs) => fs.mkdir('/data/a.txt', true),
      'EEXIST',
    ],
    ['makes parents through a file as ENOTDIR', (fs) => fs.mkdir('/data/a.txt/x', true), 'ENOTDIR'],
    [
      'removes a non-empty directory without recursive as ENOTEMPTY',
      (fs) => fs.remove('/data', false),
      'ENOTEMPTY',
    ],
    ['removes a missing path as ENOENT', (fs) => fs.remove('/data/x', true), 'ENOENT'],
  ])('%s', (_name, act, expected) => {
    expect(act(createTreeShellFs(sampleTree()))).toEqual(expected);
  });

  it('creates, replaces and appends files in the tree object itself', () => {
    const tree = sampleTree();
    const fs = createTreeShellFs(tree);
    expect(fs.writeFile('/tmp/f', 'one\n', false)).toBeUndefined();
    expect(fs.writeFile('/tmp/f', 'two\n', true)).toBeUndefined();
    expect(tree['/tmp/f']).toEqual({ type: 'file', content: 'one\ntwo\n' });
    fs.writeFile('/tmp/f', 'new', false);
    expect(tree['/tmp/f']).toEqual({ type: 'file', content: 'new' });
  });

  it('creates missing parents with mkdir -p and nothing when one fails', () => {
    const tree = sampleTree();
    const fs = createTreeShellFs(tree);
    expect(fs.mkdir('/x/y/z', true)).toBeUndefined();
    expect(['/x', '/x/y', '/x/y/z'].map((p) => tree[p])).toEqual([
      { type: 'dir' },
      { type: 'dir' },
      { type: 'dir' },
    ]);
    expect(fs.mkdir('/q/r', false)).toBe('ENOENT');
    expect(tree['/q']).toBeUndefined();
  });

  it('removes an empty directory without recursive, a whole subtree with it', () => {
    const tree = sampleTree();
    const fs = createTreeShellFs(tree);
    expect(fs.remove('/tmp', false)).toBeUndefined();
    expect(fs.remove('/data', true)).toBeUndefined();
    expect(Object.keys(tree)).toEqual([]);
  });

  it('empties the root on a recursive remove but never removes it (a mount point is busy)', () => {
    const tree = sampleTree();
    const fs = createTreeShellFs(tree);
    expect(fs.remove('/', true)).toBe('EBUSY');
    expect(tree).toEqual({});
    expect(fs.stat('/')).toEqual({ type: 'dir', size: 4096 });
  });

  it('refuses every change on a read-only disk with EROFS, after path lookup', () => {
    const tree = sampleTree();
    const before = structuredClone(tree);
    const fs = createTreeShellFs(tree, { readOnly: true });
    expect(fs.writeFile('/data/a.txt', 'x', true)).toBe('EROFS');
    expect(fs.writeFile('/data/new', 'x', false)).toBe('EROFS');
    expect(fs.writeFile('/nope/new', 'x', false)).toBe('ENOENT');
    expect(fs.mkdir('/data/d', false)).toBe('EROFS');
    expect(fs.mkdir('/data', true)).toBeUndefined();
    expect(fs.remove('/data/a.txt', false)).toBe('EROFS');
    expect(fs.readFile('/data/a.txt')).toBe('alpha\nbeta\ngamma\n');
    expect(tree).toEqual(before);
  });

  it('refuses growth beyond the capacity with ENOSPC, but still allows shrinking', () => {
    const tree: FsTree = { '/f': { type: 'file', content: '12345' } };
    const fs = createTreeShellFs(tree, { capacityBytes: 8 });
    expect(fs.writeFile('/g', '123', false)).toBeUndefined();
    expect(fs.writeFile('/g', '4', true)).toBe('ENOSPC');
    expect(fs.writeFile('/f', '1234567', false)).toBe('ENOSPC');
    expect(fs.writeFile('/f', '', false)).toBeUndefined();
    expect(tree).toEqual({ '/f': { type: 'file', content: '' }, '/g': { type: 'file', content: '123' } });
  });

  it('reports its usage for df', () => {
    const fs = createTreeShellFs(sampleTree(), {
      capacityBytes: 1024,
      mountedOn: '/data',
      filesystem: '/dev/sdb',
    });
    expect(fs.diskFree()).toEqual([
      { filesystem: '/dev/sdb', sizeBytes: 1024, usedBytes: 19, mountedOn: '/data' },
    ]);
    expect(createTreeShellFs({}).diskFree()[0]).toMatchObject({ filesystem: 'overlay', mountedOn: '/' });
  });

  it('treats device nodes like /dev/null: reads are empty, writes are discarded', () => {
    const tree: FsTree = { '/dev': { type: 'dir' }, '/dev/null': { type: 'char' } };
    const fs = createTreeShellFs(tree, { readOnly: true });
    expect(fs.writeFile('/dev/null', 'x', false)).toBeUndefined();
    expect(fs.readFile('/dev/null')).toBe('');
    expect(tree['/dev/null']).toEqual({ type: 'char' });
  });
});
