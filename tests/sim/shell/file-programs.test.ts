import { describe, expect, it } from 'vitest';
import { runExec } from '../../../src/sim/shell/run-exec.ts';
import type { ShellFs } from '../../../src/sim/shell/shell-fs.ts';
import { shell } from './fixture.ts';

type Case = [string, string[], { stdout?: string; stderr?: string; exitCode?: number }];

const D = 'drwxr-xr-x';
const F = '-rw-r--r--';
const row = (mode: string, links: number, size: number, name: string) =>
  `${mode} ${String(links).padStart(4)} root     root     ${String(size).padStart(9)} Jan  6 12:00 ${name}\n`;

describe('ls', () => {
  it.each<Case>([
    [
      'lists a directory one name a line, hiding dot files',
      ['ls', '/data'],
      { stdout: 'a.txt\nsub\n', exitCode: 0 },
    ],
    ['lists the root by default', ['ls'], { stdout: 'data\ntmp\n' }],
    ['shows dot files with -a', ['ls', '-a', '/data'], { stdout: '.\n..\n.hidden\na.txt\nsub\n' }],
    ['shows dot files without . and .. with -A', ['ls', '-A', '/data'], { stdout: '.hidden\na.txt\nsub\n' }],
    ['accepts -1', ['ls', '-1', '/data/sub'], { stdout: 'b.txt\n' }],
    ['names a file operand as written', ['ls', 'data/a.txt'], { stdout: 'data/a.txt\n' }],
    [
      'lists files first, then each directory under a header',
      ['ls', '/data/sub', '/tmp', '/data/a.txt'],
      { stdout: '/data/a.txt\n\n/data/sub:\nb.txt\n\n/tmp:\n' },
    ],
    [
      'reports a missing path and goes on',
      ['ls', '/x', '/data/sub'],
      { stdout: '/data/sub:\nb.txt\n', stderr: 'ls: /x: No such file or directory\n', exitCode: 1 },
    ],
    [
      'reports a path through a file',
      ['ls', '/data/a.txt/x'],
      { stderr: 'ls: /data/a.txt/x: Not a directory\n', exitCode: 1 },
    ],
    [
      'lists a directory in long format',
      ['ls', '-l', '/data'],
      { stdout: `total 8\n${row(F, 1, 17, 'a.txt')}${row(D, 2, 4096, 'sub')}` },
    ],
    ['counts subdirectories in the link count', ['ls', '-ld', '/data'], { stdout: row(D, 3, 4096, '/data') }],
    [
      'prints human sizes with -lh',
      ['ls', '-lh', '/data/sub/b.txt'],
      { stdout: `${F}    1 root     root           1 Jan  6 12:00 /data/sub/b.txt\n` },
    ],
    ['rejects an unknown option', ['ls', '-z'], { stderr: 'ls: unrecognized option: z\n', exitCode: 1 }],
  ])('%s', (_name, argv, expected) => {
    expect(shell().run(argv)).toMatchObject(expected);
  });
});

describe('programs that change files', () => {
  it.each<[string, string[], Record<string, unknown>, { stderr: string; exitCode: number }]>([
    ['rm removes a file', ['rm', '/data/a.txt'], {}, { stderr: '', exitCode: 0 }],
    [
      'rm reports a missing file',
      ['rm', '/x'],
      {},
      { stderr: "rm: can't remove '/x': No such file or directory\n", exitCode: 1 },
    ],
    ['rm -f ignores a missing file', ['rm', '-f', '/x'], {}, { stderr: '', exitCode: 0 }],
    [
      'rm refuses a directory without -r',
      ['rm', '/data/sub'],
      {},
      { stderr: "rm: '/data/sub' is a directory\n", exitCode: 1 },
    ],
    ['rm -rf removes a tree', ['rm', '-rf', '/data'], {}, { stderr: '', exitCode: 0 }],
    [
      'rm on a read-only disk',
      ['rm', '/data/a.txt'],
      { readOnly: true },
      { stderr: "rm: can't remove '/data/a.txt': Read-only file system\n", exitCode: 1 },
    ],
    [
      'rm refuses . and ..',
      ['rm', '-rf', '/data/..'],
      {},
      { stderr: "rm: can't remove '.' or '..'\n", exitCode: 1 },
    ],
    [
      'rmdir refuses a non-empty directory',
      ['rmdir', '/data'],
      {},
      { stderr: "rmdir: '/data': Directory not empty\n", exitCode: 1 },
    ],
    ['mkdir makes a directory', ['mkdir', '/data/new'], {}, { stderr: '', exitCode: 0 }],
    [
      'mkdir needs the parent',
      ['mkdir', '/a/b'],
      {},
      { stderr: "mkdir: can't create directory '/a/b': No such file or directory\n", exitCode: 1 },
    ],
    [
      'mkdir refuses an existing directory',
      ['mkdir', '/data'],
      {},
      { stderr: "mkdir: can't create directory '/data': File exists\n", exitCode: 1 },
    ],
    [
      'mkdir -p makes parents and accepts existing ones',
      ['mkdir', '-p', '/a/b', '/data'],
      {},
      { stderr: '', exitCode: 0 },
    ],
    ['touch creates an empty file', ['touch', '/tmp/new'], {}, { stderr: '', exitCode: 0 }],
    [
      'touch needs the parent',
      ['touch', '/x/y'],
      {},
      { stderr: 'touch: /x/y: No such file or directory\n', exitCode: 1 },
    ],
    [
      'touch on a read-only disk',
      ['touch', '/data/a.txt'],
      { readOnly: true },
      { stderr: 'touch: /data/a.txt: Read-only file system\n', exitCode: 1 },
    ],
  ])('%s', (_name, argv, options, expected) => {
    expect(shell(options).run(argv)).toEqual({ stdout: '', ...expected });
  });

  it('empties a mount point with rm -rf and reports only the mount point itself as busy', () => {
    const { run, tree } = shell();
    expect(run(['rm', '-rf', '/'])).toEqual({
      stdout: '',
      stderr: "rm: can't remove '/': Resource busy\n",
      exitCode: 1,
    });
    expect(tree).toEqual({});
  });

  it('removes trees through a ShellFs that refuses directories without recursive, as the engine does', () => {
    const { fs, tree } = shell();
    const engineLike: ShellFs = {
      ...fs,
      remove: (path, recursive) =>
        path === '/data'
          ? 'EBUSY'
          : fs.stat(path)?.type === 'dir' && !recursive
            ? 'EISDIR'
            : fs.remove(path, recursive),
    };
    expect(runExec(['rm', '-r', '/data'], engineLike)).toMatchObject({
      stderr: "rm: can't remove '/data': Resource busy\n",
      exitCode: 1,
    });
    expect(Object.keys(tree)).toEqual(['/data', '/tmp']);
    expect(runExec(['rmdir', '/tmp'], engineLike)).toMatchObject({ stderr: '', exitCode: 0 });
    expect(runExec(['rmdir', '/data'], engineLike).stderr).toBe("rmdir: '/data': Resource busy\n");
  });

  it('leaves the tree as the commands say', () => {
    const { run, tree } = shell();
    run(['mkdir', '-p', '/a/b']);
    run(['touch', '/a/b/f']);
    run(['rm', '-r', '/data/sub']);
    expect(Object.keys(tree).sort()).toEqual([
      '/a',
      '/a/b',
      '/a/b/f',
      '/data',
      '/data/.hidden',
      '/data/a.txt',
      '/tmp',
    ]);
    expect(tree['/a/b/f']).toEqual({ type: 'file', content: '' });
  });
});
