import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Deterministic by default (CI must not flake); set FC_SEED to explore other random cases.
if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });

import { parseManifests } from '../../../src/sim/api/parse-manifests.ts';
import { runCommand } from '../../../src/sim/cluster.ts';
import { createCluster } from '../../../src/sim/default-cluster.ts';

const validClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  labels:
    app: web
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`;

/** Random edits of a valid manifest: characters replaced, inserted or deleted. */
const mutated = fc
  .array(
    fc.record({
      at: fc.nat({ max: validClaim.length }),
      op: fc.constantFrom('replace', 'insert', 'delete'),
      char: fc.constantFrom(':', ' ', '-', '\t', '{', '"', 'x', '\n', '0', "'"),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let text = validClaim;
    for (const { at, op, char } of edits) {
      const i = Math.min(at, text.length);
      if (op === 'insert') text = text.slice(0, i) + char + text.slice(i);
      else if (op === 'delete') text = text.slice(0, i) + text.slice(i + 1);
      else text = text.slice(0, i) + char + text.slice(i + 1);
    }
    return text;
  });

const kubectlLike = /^(error: |Error from server|The [A-Za-z]+ ".*" is invalid)/s;

describe('fuzzing the YAML and command parsers', () => {
  it('parseManifests never throws on random or binary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.uint8Array().map((a) => String.fromCharCode(...a)),
        ),
        (text) => {
          const result = parseManifests(text, 'STDIN');
          if ('error' in result) expect(result.error).toMatch(kubectlLike);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a mutated manifest is applied whole or refused whole, with a kubectl-like message and no change', () => {
    const cluster = createCluster();
    fc.assert(
      fc.property(mutated, (text) => {
        const { state, result } = runCommand(cluster, ['kubectl', 'apply', '-f', '-'], text);
        if (result.exitCode !== 0) {
          expect(result.stderr).toMatch(kubectlLike);
          expect(state).toBe(cluster);
        } else {
          expect(result.stdout).toMatch(/created/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('random command lines never throw and never half-apply', () => {
    const words = fc.constantFrom(
      'kubectl',
      'sim',
      'get',
      'delete',
      'apply',
      'exec',
      'pods',
      'pv',
      'pvc',
      'node',
      'fail',
      'move',
      '--to',
      'node-1',
      '-o',
      'yaml',
      '-f',
      '-',
      '--',
      'sh',
      '-c',
      'web',
      'x/y',
      '--force',
      'advance',
      '5m',
      'drain',
      'scale',
      '--replicas=-1',
      'patch',
      '-p',
      '{',
      '',
    );
    const cluster = createCluster();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 8 }),
        fc.option(fc.string()),
        (argv, stdin) => {
          const { result } = runCommand(cluster, argv, stdin ?? undefined);
          expect(typeof result.stdout).toBe('string');
          expect(result.stderr).not.toContain('internal simulator error');
          expect(Number.isInteger(result.exitCode)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('huge input is refused with a short message', () => {
    const { result, state } = runCommand(
      createCluster(),
      ['kubectl', 'apply', '-f', '-'],
      'a: b\n'.repeat(300_000),
    );
    expect(result.stderr).toMatch(/larger than 1MB/);
    expect(state.objects.Pod).toEqual({});
  });
});
