import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseScript } from '../../../src/sim/script/parse-script.ts';

describe('parseScript', () => {
  it('gives one command a line, ignoring blank lines and comments', () => {
    const script = '\n# set up\nkubectl get pods   # list\n\n  kubectl get pvc\n';
    expect(parseScript(script)).toEqual([
      { line: 3, source: 'kubectl get pods   # list', argv: ['kubectl', 'get', 'pods'], step: 0 },
      { line: 5, source: 'kubectl get pvc', argv: ['kubectl', 'get', 'pvc'], step: 0 },
    ]);
  });

  it('numbers steps and carries the current caption', () => {
    const script =
      'sim reset\n# step: Create the claim\nkubectl get pvc\n#step:Second\nkubectl get pv\n# step:\nls';
    expect(parseScript(script).map(({ step, caption }) => ({ step, caption }))).toEqual([
      { step: 0, caption: undefined },
      { step: 1, caption: 'Create the claim' },
      { step: 2, caption: 'Second' },
      { step: 3, caption: undefined },
    ]);
  });

  it('feeds a here-document to standard input and keeps it in the source', () => {
    const script = [
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'metadata:',
      '  name: "data" # $NAME',
      '# step: not a marker',
      'EOF',
      'kubectl get pvc',
    ].join('\n');
    const [apply, get] = parseScript(script);
    expect(apply).toEqual({
      line: 1,
      source: script.split('\nkubectl get pvc')[0],
      argv: ['kubectl', 'apply', '-f', '-'],
      stdin: 'apiVersion: v1\nmetadata:\n  name: "data" # $NAME\n# step: not a marker\n',
      step: 0,
    });
    expect(get).toMatchObject({ line: 7, argv: ['kubectl', 'get', 'pvc'], step: 0 });
  });

  it.each([
    ['a quoted delimiter', "cat <<'YAML'\na: $X\nYAML", 'a: $X\n'],
    ['a double-quoted delimiter', 'cat <<"END"\nx\nEND', 'x\n'],
    ['tab stripping with <<-', 'cat <<-EOF\n\t\tx\n\tEOF', 'x\n'],
    ['an empty body', 'cat <<EOF\nEOF', ''],
    ['Windows line endings', 'cat <<EOF\r\na\r\nEOF\r\n', 'a\n'],
    ['a delimiter with trailing text on the line', 'cat <<EOF -\nbody\nEOF', 'body\n'],
  ])('reads here-documents with %s', (_name, script, stdin) => {
    expect(parseScript(script)[0]).toMatchObject({ stdin });
  });

  it('joins backslash-newline continuation lines', () => {
    const [command] = parseScript('kubectl get pods \\\n  -o wide\nls');
    expect(command).toMatchObject({
      line: 1,
      source: 'kubectl get pods \\\n  -o wide',
      argv: ['kubectl', 'get', 'pods', '-o', 'wide'],
    });
    expect(parseScript('kubectl get pods \\\n  -o wide\nls')[1]).toMatchObject({ line: 3, argv: ['ls'] });
  });

  it.each([
    [
      'an unterminated here-document',
      'ls\nkubectl apply -f - <<EOF\na: 1',
      2,
      "error: here-document at line 2 delimited by end-of-file (wanted 'EOF')",
    ],
    [
      'an unterminated quote',
      'kubectl exec web -- sh -c "echo hi',
      1,
      'error: line 1: unexpected EOF while looking for matching `"\'',
    ],
    [
      '&& between commands',
      'kubectl get po && kubectl get pv',
      1,
      "error: line 1: shell operator '&&' is not supported here: write one command per line (quote it to pass it on)",
    ],
    [
      'a pipe',
      'cat x | kubectl apply -f -',
      1,
      "error: line 1: shell operator '|' is not supported here: write one command per line (quote it to pass it on)",
    ],
    [
      'a here-document without a command',
      '<<EOF\nx\nEOF',
      1,
      'error: line 1: here-document without a command',
    ],
  ])('turns %s into a command carrying an error', (_name, script, line, error) => {
    const command = parseScript(script).find((c) => c.error !== undefined);
    expect(command).toMatchObject({ line, argv: [], error });
  });

  it('keeps the whole unterminated here-document in the source and goes on after a bad line', () => {
    const commands = parseScript('echo "x\nkubectl get po\ncat <<EOF\na\nb');
    expect(commands.map((c) => c.source)).toEqual(['echo "x', 'kubectl get po', 'cat <<EOF\na\nb']);
    expect(commands[1]).toMatchObject({ argv: ['kubectl', 'get', 'po'] });
  });

  it('passes quoted operators through as arguments', () => {
    expect(parseScript(`kubectl exec web -- sh -c 'echo hi > /data/f && cat /data/f'`)[0]?.argv).toEqual([
      'kubectl',
      'exec',
      'web',
      '--',
      'sh',
      '-c',
      'echo hi > /data/f && cat /data/f',
    ]);
  });
});

describe('parseCommandLine', () => {
  it.each([
    ['kubectl get pods', { argv: ['kubectl', 'get', 'pods'] }],
    [
      `kubectl patch pv a -p '{"spec":{"claimRef":null}}'`,
      { argv: ['kubectl', 'patch', 'pv', 'a', '-p', '{"spec":{"claimRef":null}}'] },
    ],
    ['   # only a comment', { argv: [] }],
    ['', { argv: [] }],
    ['echo "open', { error: 'error: unexpected EOF while looking for matching `"\'' }],
    [
      'a; b',
      {
        error:
          "error: shell operator ';' is not supported here: write one command per line (quote it to pass it on)",
      },
    ],
    ['kubectl apply -f - <<EOF', { error: 'error: here-documents are only supported in scripts' }],
  ])('%j', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected);
  });
});
