import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Deterministic by default (CI must not flake); set FC_SEED to explore other random cases.
if (process.env.FC_SEED !== 'random') fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });

import { runScript } from '../../../src/sim/cluster.ts';
import { createCluster } from '../../../src/sim/default-cluster.ts';
import type { ClusterState } from '../../../src/sim/state.ts';
import { commandArbitrary } from './command-arbitraries.ts';

/** Problems with a cluster state that no sequence of commands may produce. */
function violations(state: ClusterState): string[] {
  const problems: string[] = [];
  const claims = Object.values(state.objects.PersistentVolumeClaim);
  const volumes = state.objects.PersistentVolume;
  const boundTo = new Map<string, string>();
  for (const pvc of claims) {
    if (pvc.status.phase !== 'Bound') continue;
    const name = pvc.spec.volumeName ?? '';
    const pv = volumes[name];
    if (!pv) problems.push(`Bound claim ${pvc.metadata.name} has no volume ${name} and is not Lost`);
    else if (pv.spec.claimRef?.uid !== pvc.metadata.uid)
      problems.push(`volume ${name} does not point back at claim ${pvc.metadata.name}`);
    if (boundTo.has(name)) problems.push(`volume ${name} is bound to two claims`);
    boundTo.set(name, pvc.metadata.name);
  }
  for (const pv of Object.values(volumes)) {
    if (pv.status.phase !== 'Bound') continue;
    const ref = pv.spec.claimRef;
    const claim = claims.find((c) => c.metadata.uid === ref?.uid);
    if (!claim || claim.spec.volumeName !== pv.metadata.name)
      problems.push(`Bound volume ${pv.metadata.name} has no claim pointing at it`);
  }
  for (const pod of Object.values(state.objects.Pod)) {
    if (pod.spec.nodeName && !state.objects.Node[pod.spec.nodeName])
      problems.push(`pod ${pod.metadata.name} is bound to missing node ${pod.spec.nodeName}`);
  }
  return problems;
}

/** Files written to hostPath directories: (node, path) → content, which nothing may remove. */
function hostPathFiles(state: ClusterState): Map<string, string> {
  const found = new Map<string, string>();
  for (const [node, tree] of Object.entries(state.disks.nodes)) {
    for (const [path, entry] of Object.entries(tree)) {
      if (path.startsWith('/srv/host-data/') && entry.type === 'file')
        found.set(`${node}:${path}`, entry.content);
    }
  }
  return found;
}

/** Files on the disks of Retain volumes, which outlive their claims (and their PV objects). */
function retainFiles(state: ClusterState, retainKeys: Set<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const pv of Object.values(state.objects.PersistentVolume)) {
    if (pv.spec.persistentVolumeReclaimPolicy === 'Retain' && pv.spec.nfs)
      retainKeys.add(`nfs:${pv.spec.nfs.server}:${pv.spec.nfs.path}`);
  }
  for (const key of retainKeys) {
    for (const [path, entry] of Object.entries(state.disks.network[key] ?? {})) {
      if (entry.type === 'file') found.set(`${key}:${path}`, entry.content);
    }
  }
  return found;
}

describe('random command sequences', () => {
  it('never throw, and keep binding, node and data invariants', () => {
    fc.assert(
      fc.property(fc.array(commandArbitrary, { minLength: 1, maxLength: 18 }), (commands) => {
        let state = createCluster();
        const retainKeys = new Set<string>();
        for (const command of commands) {
          const before = hostPathFiles(state);
          const retainedBefore = retainFiles(state, retainKeys);
          const run = runScript(state, command);
          state = run.state;
          for (const step of run.steps) expect(step.result.stderr).not.toContain('internal simulator error');
          expect(violations(state), command).toEqual([]);
          const after = hostPathFiles(state);
          for (const [key, content] of before) {
            // hostPath data survives every pod deletion; only a later write may grow it.
            expect(after.get(key)?.startsWith(content), `${key} after: ${command}`).toBe(true);
          }
          const retainedAfter = retainFiles(state, retainKeys);
          for (const [key, content] of retainedBefore) {
            expect(retainedAfter.get(key)?.startsWith(content), `${key} after: ${command}`).toBe(true);
          }
        }
      }),
      { numRuns: Number(process.env.SIM_RUNS ?? 60) },
    );
  });

  it('are deterministic: the same script gives the same transcript and state', () => {
    fc.assert(
      fc.property(fc.array(commandArbitrary, { minLength: 1, maxLength: 10 }), (commands) => {
        const script = commands.join('\n');
        const first = runScript(createCluster(), script);
        const second = runScript(createCluster(), script);
        expect(second.steps.map((s) => s.result)).toEqual(first.steps.map((s) => s.result));
        expect(JSON.stringify(second.state)).toBe(JSON.stringify(first.state));
      }),
      { numRuns: 20 },
    );
  });
});
