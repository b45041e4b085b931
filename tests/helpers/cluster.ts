import { produce } from 'immer';
import { expect } from 'vitest';
import { reconcile } from '../../src/sim/reconcile.ts';
import type { ClusterState } from '../../src/sim/state.ts';
import { hostPathVolume, podYaml } from './manifests.ts';
import { podStatus } from './readers.ts';
import type { SimDriver } from './sim-driver.ts';

/**
 * Driving a simulated cluster (`new SimDriver()`) in the tests: commands that must succeed, and the
 * set-up an administrator would do by hand. `sim.run` / `sim.apply` return kubectl's answer for
 * tests about failures; these helpers fail the test when kubectl refuses.
 */

/** Runs a command (with STDIN if given) and fails the test if it fails; returns its stdout. */
export function run(sim: SimDriver, line: string, stdin?: string): string {
  const result = sim.run(line, stdin);
  if (result.exitCode !== 0) throw new Error(`${line} failed: ${result.stderr}`);
  return result.stdout;
}

/** Applies manifests (joined as one multi-document file) and fails the test if kubectl refuses. */
export function apply(sim: SimDriver, ...docs: string[]): string {
  const result = sim.apply(docs.join('---\n'));
  if (result.exitCode !== 0) throw new Error(`apply failed: ${result.stderr}`);
  return result.stdout;
}

/** Writes a file inside a container with `kubectl exec … sh -c 'echo … > PATH'`, asserting it worked. */
export function write(sim: SimDriver, pod: string, path: string, text: string, container?: string): void {
  const c = container ? ` -c ${container}` : '';
  const result = sim.run(`kubectl exec ${pod}${c} -- sh -c "echo ${text} > ${path}"`);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
}

/** Changes the stored state directly (what no kubectl command can do), then lets controllers run. */
export function inject(sim: SimDriver, change: (draft: ClusterState) => void): void {
  sim.state = reconcile(produce(sim.state, change));
}

/**
 * What an administrator does before creating a local PV: makes its directory on the node (here
 * with a throw-away pod mounting the parent directory, type DirectoryOrCreate).
 */
export function makeNodeDir(sim: SimDriver, node: string, path: string): void {
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  sim.apply(
    podYaml('mkdir', {
      ...hostPathVolume(parent, { name: 'parent', mountPath: '/parent', type: 'DirectoryOrCreate' }),
      node,
    }),
  );
  expect(podStatus(sim, 'mkdir')).toBe('Running');
  sim.sh('mkdir', `mkdir -p /parent/${path.slice(parent.length + 1)}`);
  sim.run('kubectl delete pod mkdir');
}
