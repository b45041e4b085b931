import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real headless runner, as `npx tsx src/sim/cli/run-script.ts ARGS…`. */
function runner(args: string[], input?: string) {
  const result = spawnSync('npx', ['tsx', 'src/sim/cli/run-script.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    input: input ?? '',
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

interface Step {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const script = [
  '# step: a claim',
  'kubectl apply -f - <<YAML',
  'apiVersion: v1',
  'kind: PersistentVolumeClaim',
  'metadata:',
  '  name: data',
  'spec:',
  '  accessModes: [ReadWriteOnce]',
  '  resources:',
  '    requests:',
  '      storage: 1Gi',
  'YAML',
  'kubectl get pods nope',
  '',
].join('\n');

describe('the headless runner (CLI)', { timeout: 60_000 }, () => {
  it('--json FILE prints one array, an element per command, and exits 0 even when a command failed', () => {
    const { stdout, status } = runner(['--json', 'tests/sim/transcripts/errors.script']);
    expect(status).toBe(0);
    const steps = JSON.parse(stdout) as Step[];
    expect(Array.isArray(steps)).toBe(true);
    for (const step of steps) {
      expect(Object.keys(step)).toEqual(['command', 'stdout', 'stderr', 'exitCode']);
      expect(typeof step.command).toBe('string');
      expect(typeof step.exitCode).toBe('number');
    }
    expect(steps[0]).toEqual({
      command: 'kubectl foo',
      stdout: '',
      stderr: 'error: unknown command "foo" for "kubectl"\n',
      exitCode: 1,
    });
    expect(steps.some((s) => s.exitCode === 0)).toBe(true);
  });

  it('--json - reads standard input; here-document text is part of the command', () => {
    const { stdout, status } = runner(['--json', '-'], script);
    expect(status).toBe(0);
    const steps = JSON.parse(stdout) as Step[];
    expect(steps).toHaveLength(2);
    expect(steps[0]?.command).toMatch(/^kubectl apply -f - <<YAML\napiVersion: v1\n[\s\S]*\nYAML$/);
    expect(steps[0]).toMatchObject({
      stdout: 'persistentvolumeclaim/data created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(steps[1]).toEqual({
      command: 'kubectl get pods nope',
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it('without --json prints the transcript: `$ COMMAND` then what it printed', () => {
    const { stdout, status } = runner(['-'], script);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\$ kubectl apply -f - <<YAML\napiVersion: v1\n/);
    expect(stdout).toContain('YAML\npersistentvolumeclaim/data created\n$ kubectl get pods nope\n');
    expect(stdout.endsWith('Error from server (NotFound): pods "nope" not found\n')).toBe(true);
  });

  it('exits non-zero only when the script cannot be read', () => {
    const missing = runner(['--json', 'tests/sim/transcripts/no-such.script']);
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('sim: cannot read tests/sim/transcripts/no-such.script: ENOENT\n');
    const usage = runner([]);
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toContain('usage: npm run -s sim -- [--json] SCRIPT');
  });
});
