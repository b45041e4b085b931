import { describe, expect, it } from 'vitest';
import { shell } from './fixture.ts';

const ociNotFound = (name: string) =>
  `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`;

describe('runExec without a shell', () => {
  it.each([
    ['runs a program by name', ['cat', '/data/a.txt'], { stdout: 'alpha\nbeta\ngamma\n', exitCode: 0 }],
    ['runs a program by its /bin path', ['/bin/cat', '/data/sub/b.txt'], { stdout: 'b', exitCode: 0 }],
    [
      'passes shell characters through as arguments',
      ['echo', 'a', '>', '/tmp/f', '&&', 'b'],
      { stdout: 'a > /tmp/f && b\n' },
    ],
    [
      'fails an unknown program in the runtime, with 126',
      ['foo', 'x'],
      { stdout: '', stderr: ociNotFound('foo'), exitCode: 126 },
    ],
    [
      'fails a shell builtin that is no executable',
      ['cd', '/data'],
      { stderr: ociNotFound('cd'), exitCode: 126 },
    ],
    [
      'fails a program outside the bin directories',
      ['/data/ls'],
      { stderr: ociNotFound('/data/ls'), exitCode: 126 },
    ],
    [
      'refuses an empty command',
      [],
      { stderr: 'error: you must specify at least one command for the container\n', exitCode: 1 },
    ],
    ['gives the pod hostname', ['hostname'], { stdout: 'web-0\n', exitCode: 0 }],
  ])('%s', (_name, argv, expected) => {
    expect(shell().run(argv)).toMatchObject(expected);
  });

  it('feeds kubectl exec -i input to the program', () => {
    expect(shell().run(['wc', '-l'], 'a\nb\n')).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
  });
});

describe('runExec with sh -c', () => {
  it.each([
    ['runs ; in order', 'echo a; echo b', { stdout: 'a\nb\n', exitCode: 0 }],
    ['runs && only after success', 'false && echo no; true && echo yes', { stdout: 'yes\n', exitCode: 0 }],
    [
      'runs || only after failure',
      'false || echo rescued; true || echo no',
      { stdout: 'rescued\n', exitCode: 0 },
    ],
    ['exits with the last status', 'true; false', { exitCode: 1 }],
    ['reports an unknown command with 127', 'foo bar', { stderr: 'sh: foo: not found\n', exitCode: 127 }],
    ['continues after an unknown command', 'foo; echo after', { stdout: 'after\n', exitCode: 0 }],
    ['runs newline-separated lines', 'echo a\n\necho b\n', { stdout: 'a\nb\n' }],
    ['skips comments', 'echo a # not this\n# nor this', { stdout: 'a\n' }],
    ['leaves variables unexpanded', 'echo $HOSTNAME', { stdout: '$HOSTNAME\n' }],
    ['pipes into wc -l', 'cat /data/a.txt | wc -l', { stdout: '3\n' }],
    ['pipes into grep', 'cat /data/a.txt | grep amm', { stdout: 'gamma\n', exitCode: 0 }],
    ['pipes into head and tail', 'cat /data/a.txt | head -n 2 | tail -n 1', { stdout: 'beta\n' }],
    ['takes the status of the last pipeline part', 'echo x | grep nothing', { stdout: '', exitCode: 1 }],
    ['reads < FILE', 'wc -l < /data/a.txt', { stdout: '3\n' }],
    ['reads a here-document', 'cat <<EOF\nline $X\nEOF', { stdout: 'line $X\n' }],
    [
      'sends 2> to a file',
      'ls /nope 2> /tmp/err; cat /tmp/err',
      { stdout: 'ls: /nope: No such file or directory\n' },
    ],
    ['merges 2>&1 into stdout', 'ls /nope 2>&1 | wc -l', { stdout: '1\n', stderr: '' }],
    [
      'applies 2>&1 in order',
      'ls /nope 2>&1 >/dev/null',
      { stdout: 'ls: /nope: No such file or directory\n' },
    ],
    ['sends >&2 to stderr', 'echo oops >&2', { stdout: '', stderr: 'oops\n' }],
    [
      'discards into /dev/null without modelling /dev',
      'echo a > /dev/null; cat /dev/null',
      { stdout: '', exitCode: 0 },
    ],
    ['changes directory for relative paths', 'cd /data && cat sub/b.txt && pwd', { stdout: 'b/data\n' }],
    [
      'reports a failed cd',
      'cd /nope',
      { stderr: "sh: cd: can't cd to /nope: No such file or directory\n", exitCode: 2 },
    ],
    ['stops at exit', 'echo a; exit 3; echo b', { stdout: 'a\n', exitCode: 3 }],
    ['runs a nested shell', `sh -c 'echo inner; exit 4'; echo $?`, { stdout: 'inner\n$?\n', exitCode: 0 }],
    [
      'reports an unterminated quote',
      'echo "abc',
      { stderr: 'sh: syntax error: unterminated quoted string\n', exitCode: 2 },
    ],
    [
      'reports a dangling operator',
      'echo a &&',
      { stdout: '', stderr: 'sh: syntax error: unexpected end of file\n', exitCode: 2 },
    ],
    [
      'reports an empty command',
      'echo a; ; echo b',
      { stdout: '', stderr: 'sh: syntax error: unexpected ";"\n' },
    ],
    [
      'reports a redirection without a file',
      'echo a >',
      { stderr: 'sh: syntax error: unexpected newline\n', exitCode: 2 },
    ],
    ['runs the lines before a syntax error', 'echo a\necho b |', { stdout: 'a\n', exitCode: 2 }],
  ])('%s', (_name, script, expected) => {
    expect(shell().sh(script)).toMatchObject(expected);
  });

  it.each([['/bin/sh'], ['bash'], ['ash']])('accepts %s as the shell', (name) => {
    expect(shell().run([name, '-c', 'echo hi'])).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
  });

  it('reads the script from standard input when given no -c', () => {
    expect(shell().run(['sh'], 'echo from stdin\n')).toMatchObject({ stdout: 'from stdin\n', exitCode: 0 });
  });

  it('needs a script after -c', () => {
    expect(shell().run(['sh', '-c'])).toEqual({
      stdout: '',
      stderr: 'sh: -c requires an argument\n',
      exitCode: 2,
    });
  });
});

describe('sh redirections write where the data lives', () => {
  it('creates, truncates and appends files', () => {
    const { sh, tree } = shell();
    expect(sh('echo one > /tmp/f; echo two >> /tmp/f; echo three >> /tmp/g')).toMatchObject({ exitCode: 0 });
    expect(tree['/tmp/f']).toEqual({ type: 'file', content: 'one\ntwo\n' });
    sh('echo new > /tmp/f');
    expect(tree['/tmp/f']).toEqual({ type: 'file', content: 'new\n' });
  });

  it('truncates the target before the command reads it, like the shell', () => {
    const { sh, tree } = shell();
    sh('cat /data/a.txt > /data/a.txt');
    expect(tree['/data/a.txt']).toEqual({ type: 'file', content: '' });
  });

  it.each([
    ['a missing directory', {}, 'echo x > /nope/f', "sh: can't create /nope/f: nonexistent directory\n"],
    ['a directory', {}, 'echo x > /data', "sh: can't create /data: Is a directory\n"],
    [
      'a read-only disk',
      { readOnly: true },
      'echo x > /data/f',
      "sh: can't create /data/f: Read-only file system\n",
    ],
    ['a missing input', {}, 'cat < /nope', "sh: can't open /nope: no such file\n"],
  ])('refuses a redirection into %s and skips the command', (_name, options, script, stderr) => {
    expect(shell(options).sh(`${script} && echo ran`)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('reports a full disk as a write error and leaves the file empty', () => {
    const { sh, tree } = shell({ capacityBytes: 25 });
    expect(sh('echo 0123456789 > /tmp/f')).toEqual({
      stdout: '',
      stderr: 'sh: write error: No space left on device\n',
      exitCode: 1,
    });
    expect(tree['/tmp/f']).toEqual({ type: 'file', content: '' });
    expect(sh('cat /data/a.txt >> /tmp/f').stderr).toBe('cat: write error: No space left on device\n');
  });
});
