import { describe, expect, it } from 'vitest';
import { apply, run } from '../../helpers/cluster.ts';
import {
  annBindCompleted,
  annBoundByController,
  claimPodYaml,
  type PvcOptions,
  type PvOptions,
  pvcYaml,
  pvYaml,
} from '../../helpers/manifests.ts';
import { nodeFiles, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section G: reserving a volume for a claim, from either side.

describe('G1: pre-binding from the claim (spec.volumeName)', () => {
  it('G1: claim with volumeName but unset class gets the default class and mismatches a classless volume', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { volumeName: 'pv1' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({
      STATUS: 'Pending',
      VOLUME: 'pv1',
      STORAGECLASS: 'standard',
    });
    expect(sim.events('data')).toEqual([
      'Warning VolumeMismatch: Cannot bind to requested volume "pv1": storageClassName does not match',
    ]);
  });

  const cases: Array<{ name: string; pv: PvOptions; pvc: PvcOptions; bound: boolean }> = [
    { name: 'node affinity is ignored', pv: { node: 'no-such-node' }, pvc: {}, bound: true },
    {
      name: 'the selector is ignored',
      pv: { labels: { tier: 'a' } },
      pvc: { selector: { tier: 'b' } },
      bound: true,
    },
    { name: 'the size is still checked', pv: { size: '1Gi' }, pvc: { size: '5Gi' }, bound: false },
    { name: 'the access modes are still checked', pv: { modes: 'ROX' }, pvc: { modes: 'RWO' }, bound: false },
    { name: 'the class is still checked', pv: { storageClassName: 'gold' }, pvc: {}, bound: false },
    { name: 'the volumeMode is still checked', pv: { volumeMode: 'Block' }, pvc: {}, bound: false },
  ];
  it.each(cases)('G1: claim with storageClassName "" and volumeName: $name', ({ pv, pvc, bound }) => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', pv), pvcYaml('data', { storageClassName: '', volumeName: 'pv1', ...pvc }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: bound ? 'Bound' : 'Pending', VOLUME: 'pv1' });
    expect(sim.pv('pv1')?.status.phase).toBe(bound ? 'Bound' : 'Available');
  });

  it('G1: naming a volume does not reserve it: another claim can take it first', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'));
    apply(sim, pvcYaml('quick', { storageClassName: '' }));
    apply(sim, pvcYaml('data', { storageClassName: '', volumeName: 'pv1' }));
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Bound', CLAIM: 'default/quick' });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', VOLUME: 'pv1' });
    expect(sim.events('data')).toEqual([
      'Warning FailedBinding: volume "pv1" already bound to a different claim.',
    ]);
  });
});

describe('G2: pre-binding from the volume (spec.claimRef)', () => {
  it('G2: a volume with claimRef is Available, shows its claim and waits for exactly that claim', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { claimRef: 'data' }));
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Available', CLAIM: 'default/data' });
    apply(sim, pvcYaml('other', { storageClassName: '' }));
    expect(sim.pvc('other')?.status.phase).toBe('Pending');
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    const pv = sim.pv('pv1');
    const pvc = sim.pvc('data');
    expect(pv?.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data', uid: pvc?.metadata.uid });
    expect(pv?.metadata.annotations?.[annBoundByController]).toBeUndefined();
    expect(pvc?.metadata.annotations).toMatchObject({
      [annBindCompleted]: 'yes',
      [annBoundByController]: 'yes',
    });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
  });

  const cases: Array<{ name: string; pv: PvOptions; pvc: PvcOptions; bound: boolean }> = [
    { name: 'its class is not checked', pv: { storageClassName: 'gold' }, pvc: {}, bound: true },
    { name: 'its labels are not checked', pv: {}, pvc: { selector: { tier: 'fast' } }, bound: true },
    { name: 'its size still is', pv: { size: '1Gi' }, pvc: { size: '2Gi' }, bound: false },
    { name: 'its access modes still are', pv: { modes: 'RWO' }, pvc: { modes: 'RWX' }, bound: false },
    { name: 'its volumeMode still is', pv: { volumeMode: 'Block' }, pvc: {}, bound: false },
  ];
  it.each(cases)('G2: a volume pre-bound to the claim: $name', ({ pv, pvc, bound }) => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { claimRef: 'data', ...pv }), pvcYaml('data', { storageClassName: '', ...pvc }));
    expect(sim.pvc('data')?.spec.volumeName).toBe(bound ? 'pv1' : undefined);
    expect(row(sim, 'pv', 'pv1')).toMatchObject({
      STATUS: bound ? 'Bound' : 'Available',
      CLAIM: 'default/data',
    });
  });

  it('G2: a Released Retain volume is reused by pre-binding it to a new claim, data included', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    apply(sim, claimPodYaml('writer', 'data', { node: 'node-1' }));
    run(sim, `kubectl exec writer -- sh -c 'echo precious > /data/note.txt'`);
    run(sim, 'kubectl delete pod writer');
    run(sim, 'kubectl delete pvc data');
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Released', CLAIM: 'default/data' });

    const claimRef = { namespace: 'default', name: 'reuse', uid: null, resourceVersion: null };
    run(sim, `kubectl patch pv pv1 --type merge -p '${JSON.stringify({ spec: { claimRef } })}'`);
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Available', CLAIM: 'default/reuse' });
    apply(
      sim,
      pvcYaml('reuse', { storageClassName: '' }),
      claimPodYaml('reader', 'reuse', { node: 'node-1' }),
    );
    expect(row(sim, 'pvc', 'reuse')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(run(sim, 'kubectl exec reader -- cat /data/note.txt')).toBe('precious\n');
    expect(nodeFiles(sim, 'node-1', '/tmp/pv1')).toEqual({ '/tmp/pv1/note.txt': 'precious\n' });
  });
});
