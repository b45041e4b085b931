import { describe, expect, it } from 'vitest';
import { shell } from './fixture.ts';

type Case = [string, string[], { stdout?: string; stderr?: string; exitCode?: number }];

describe('echo', () => {
  it.each<Case>([
    ['joins its arguments', ['echo', 'a', 'b c'], { stdout: 'a b c\n' }],
    ['omits the newline with -n', ['echo', '-n', 'x'], { stdout: 'x' }],
    ['keeps escapes without -e', ['echo', 'a\\tb'], { stdout: 'a\\tb\n' }],
    ['expands escapes with -e', ['echo', '-e', 'a\\tb\\n\\x41\\0101\\\\'], { stdout: 'a\tb\nAA\\\n' }],
    ['stops at \\c', ['echo', '-e', 'a\\cb'], { stdout: 'a' }],
    ['prints an unknown option', ['echo', '-x', 'y'], { stdout: '-x y\n' }],
  ])('%s', (_name, argv, expected) => {
    expect(shell().run(argv)).toMatchObject({ exitCode: 0, ...expected });
  });
});

describe('file reading programs', () => {
  it.each<Case>([
    ['cat concatenates', ['cat', '/data/sub/b.txt', '/data/sub/b.txt'], { stdout: 'bb', exitCode: 0 }],
    [
      'cat reports a missing file',
      ['cat', '/x', '/data/sub/b.txt'],
      { stdout: 'b', stderr: "cat: can't open '/x': No such file or directory\n", exitCode: 1 },
    ],
    [
      'cat reports a directory',
      ['cat', '/data'],
      { stderr: 'cat: read error: Is a directory\n', exitCode: 1 },
    ],
    ['cat resolves relative paths against /', ['cat', 'data/./sub/../sub//b.txt'], { stdout: 'b' }],
    [
      'wc counts lines, words and bytes',
      ['wc', '/data/a.txt'],
      { stdout: '        3         3        17 /data/a.txt\n' },
    ],
    ['wc -l prints a bare count for a file', ['wc', '-l', '/data/a.txt'], { stdout: '3 /data/a.txt\n' }],
    ['head takes the first lines', ['head', '-n', '1', '/data/a.txt'], { stdout: 'alpha\n' }],
    ['head takes -N', ['head', '-2', '/data/a.txt'], { stdout: 'alpha\nbeta\n' }],
    ['tail takes the last lines', ['tail', '-n', '2', '/data/a.txt'], { stdout: 'beta\ngamma\n' }],
    ['tail -n +N starts at line N', ['tail', '-n', '+3', '/data/a.txt'], { stdout: 'gamma\n' }],
    [
      'head rejects a bad count',
      ['head', '-n', 'x', '/data/a.txt'],
      { stderr: "head: invalid number 'x'\n", exitCode: 1 },
    ],
    [
      'grep prints matching lines',
      ['grep', 'a', '/data/a.txt'],
      { stdout: 'alpha\nbeta\ngamma\n', exitCode: 0 },
    ],
    ['grep matches a plain substring', ['grep', 'a.p', '/data/a.txt'], { stdout: '', exitCode: 1 }],
    ['grep -v -n -i', ['grep', '-vni', 'BETA', '/data/a.txt'], { stdout: '1:alpha\n3:gamma\n' }],
    ['grep -c counts', ['grep', '-c', 'mm', '/data/a.txt'], { stdout: '1\n' }],
    [
      'grep names files when given several',
      ['grep', 'b', '/data/a.txt', '/data/sub/b.txt'],
      { stdout: '/data/a.txt:beta\n/data/sub/b.txt:b\n' },
    ],
    [
      'grep reports a missing file with 2',
      ['grep', 'a', '/x'],
      { stderr: 'grep: /x: No such file or directory\n', exitCode: 2 },
    ],
  ])('%s', (_name, argv, expected) => {
    expect(shell().run(argv)).toMatchObject(expected);
  });
});
