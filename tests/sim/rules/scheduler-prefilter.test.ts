import { describe, expect, it } from 'vitest';
import { claimPodYaml, nfsSource, pvcYaml, pvYaml } from '../../helpers/manifests.ts';
import { eventsOf, failedScheduling, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Spec L1: the VolumeBinding PreFilter, problems with a pod's claims that no node can solve. */

describe('L1. VolumeBinding PreFilter: claim problems no node can solve', () => {
  it('L1: a missing claim leaves the pod Pending: persistentvolumeclaim "data" not found', () => {
    const sim = new SimDriver();
    sim.apply(claimPodYaml('web', 'data'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([failedScheduling('persistentvolumeclaim "data" not found.')]);
  });

  it('L1: a Lost claim: persistentvolumeclaim bound to non-existent persistentvolume', () => {
    const sim = new SimDriver();
    sim.apply(
      `${pvYaml('gone', { source: nfsSource('/exports/gone') })}---\n${pvcYaml('data', { storageClassName: '' })}`,
    );
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
    sim.run('kubectl delete pv gone --wait=false');
    sim.run(`kubectl patch pv gone --type merge -p '{"metadata":{"finalizers":null}}'`);
    expect(sim.pvc('data')?.status.phase).toBe('Lost');
    sim.apply(claimPodYaml('web', 'data'));
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling('persistentvolumeclaim "data" bound to non-existent persistentvolume "gone".'),
    ]);
  });

  it('L1: a claim being deleted: persistentvolumeclaim "data" is being deleted', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('holder', 'data'));
    sim.run('kubectl delete pvc data --wait=false');
    expect(sim.pvc('data')?.metadata.deletionTimestamp).toBeDefined();
    sim.apply(claimPodYaml('web', 'data'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling('persistentvolumeclaim "data" is being deleted.'),
    ]);
  });

  it.each([
    ['an unbound Immediate claim', pvcYaml('data', { storageClassName: '' })],
    [
      'a claim pre-bound to a volume not yet bound',
      pvcYaml('data', { storageClassName: '', volumeName: 'later' }),
    ],
  ])('L1: %s: pod has unbound immediate PersistentVolumeClaims', (_, claim) => {
    const sim = new SimDriver();
    sim.apply(claim);
    sim.apply(claimPodYaml('web', 'data'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling('pod has unbound immediate PersistentVolumeClaims.'),
    ]);
  });
});
