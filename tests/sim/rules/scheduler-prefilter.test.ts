import { describe, expect, it } from 'vitest';
import {
  claimPod,
  claimVolume,
  claimYaml,
  eventsOf,
  failedScheduling,
  podStatus,
  podWith,
  SimDriver,
  staticPv,
} from './volume-fixtures.ts';

/** Spec L1: the VolumeBinding PreFilter, problems with a pod's claims that no node can solve. */

describe('L1. VolumeBinding PreFilter: claim problems no node can solve', () => {
  it('L1: a missing claim leaves the pod Pending: persistentvolumeclaim "data" not found', () => {
    const sim = new SimDriver();
    sim.apply(claimPod('data'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([failedScheduling('persistentvolumeclaim "data" not found.')]);
  });

  it('L1: a Lost claim: persistentvolumeclaim bound to non-existent persistentvolume', () => {
    const sim = new SimDriver();
    sim.apply(`${staticPv('gone')}---\n${claimYaml('data', { className: '' })}`);
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
    sim.run('kubectl delete pv gone --wait=false');
    sim.run(`kubectl patch pv gone --type merge -p '{"metadata":{"finalizers":null}}'`);
    expect(sim.pvc('data')?.status.phase).toBe('Lost');
    sim.apply(claimPod('data'));
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling('persistentvolumeclaim "data" bound to non-existent persistentvolume "gone".'),
    ]);
  });

  it('L1: a claim being deleted: persistentvolumeclaim "data" is being deleted', () => {
    const sim = new SimDriver();
    sim.apply(claimYaml('data'));
    sim.apply(podWith('holder', undefined, claimVolume('data'), '/data'));
    sim.run('kubectl delete pvc data --wait=false');
    expect(sim.pvc('data')?.metadata.deletionTimestamp).toBeDefined();
    sim.apply(claimPod('data'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling('persistentvolumeclaim "data" is being deleted.'),
    ]);
  });

  it.each([
    ['an unbound Immediate claim', claimYaml('data', { className: '' })],
    [
      'a claim pre-bound to a volume not yet bound',
      claimYaml('data', { className: '' }).replace('spec:\n', 'spec:\n  volumeName: later\n'),
    ],
  ])('L1: %s: pod has unbound immediate PersistentVolumeClaims', (_, claim) => {
    const sim = new SimDriver();
    sim.apply(claim);
    sim.apply(claimPod('data'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling('pod has unbound immediate PersistentVolumeClaims.'),
    ]);
  });
});
