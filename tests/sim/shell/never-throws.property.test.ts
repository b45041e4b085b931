import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitShellWords } from '../../../src/sim/lib/shell-words.ts';
import { parseCommandLine, parseScript } from '../../../src/sim/script/parse-script.ts';
import { runExec } from '../../../src/sim/shell/run-exec.ts';
import { createTreeShellFs } from '../../helpers/tree-shell-fs.ts';
import { sampleTree } from './fixture.ts';

/** Strings biased towards the characters the parsers care about, plus arbitrary Unicode. */
const SHELL_PIECES = [
  ...` \t\n'"\\;&|<>#-2`.split(''),
  '<<',
  '<<EOF',
  "<<'EOF'",
  'EOF',
  '2>&1',
  '>&2',
  'echo ',
  'cat ',
  'ls -la ',
  'rm -rf ',
  'mkdir -p ',
  'sh -c ',
  'exit ',
  'cd ',
  '/data',
  '/tmp/x',
  '/dev/null',
  '# step: x',
  'kubectl apply -f - ',
];
const shellish = fc
  .array(fc.oneof(fc.constantFrom(...SHELL_PIECES), fc.string({ unit: 'binary' })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(shellish, fc.string({ unit: 'binary', maxLength: 200 }));

const isResult = (result: { stdout: unknown; stderr: unknown; exitCode: unknown }) =>
  typeof result.stdout === 'string' && typeof result.stderr === 'string' && Number.isInteger(result.exitCode);

describe('bad input never breaks the simulator', () => {
  it('runExec(sh -c ANYTHING) returns a result and never throws', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (script, stdin) => {
        const fs = createTreeShellFs(sampleTree(), { capacityBytes: 200 });
        const result = runExec(['sh', '-c', script], fs, stdin === undefined ? {} : { stdin });
        expect(isResult(result)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('runExec(ANY ARGV) returns a result and never throws', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), (argv) => {
        expect(isResult(runExec(argv, createTreeShellFs(sampleTree(), { readOnly: true })))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('parseScript, parseCommandLine and splitShellWords never throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const command of parseScript(text)) expect(Array.isArray(command.argv)).toBe(true);
        expect(parseCommandLine(text)).toBeTypeOf('object');
        expect(splitShellWords(text)).toBeTypeOf('object');
      }),
      { numRuns: 1000 },
    );
  });

  it('survives huge inputs', () => {
    const huge = `${'echo "a\\" b" | cat; '.repeat(20_000)}cat <<EOF\n${'x'.repeat(200_000)}`;
    expect(isResult(runExec(['sh', '-c', huge], createTreeShellFs(sampleTree())))).toBe(true);
    expect(
      parseScript(`${'kubectl get po\n'.repeat(50_000)}cat <<EOF\n${'y\n'.repeat(50_000)}`),
    ).toHaveLength(50_001);
    const deep = `${"sh -c '".repeat(40)}echo deep`;
    expect(isResult(runExec(['sh', '-c', deep], createTreeShellFs({})))).toBe(true);
  });

  it('stops a script that runs itself instead of overflowing the stack', () => {
    const result = runExec(['sh', '-c', "echo 'sh /s' > /s; sh /s"], createTreeShellFs({}));
    expect(result).toEqual({ stdout: '', stderr: 'sh: too many nested shells\n', exitCode: 2 });
  });
});
