import { it } from 'vitest';
import { apply, claimPodYaml, pvcYaml, SimDriver } from './fixtures.ts';

it('dbg', () => {
  const sim = new SimDriver();
  apply(sim, pvcYaml('data'), claimPodYaml('app', 'data', { node: 'node-9' }));
  console.log(sim.events());
  console.log(sim.run('kubectl get pod,pvc').stdout);
});
