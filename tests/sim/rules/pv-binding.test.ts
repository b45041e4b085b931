import { describe, expect, it } from 'vitest';
import { apply, inject, run } from '../../helpers/cluster.ts';
import {
  annBindCompleted,
  annBoundByController,
  claimPodYaml,
  pvcYaml,
  pvYaml,
  scYaml,
} from '../../helpers/manifests.ts';
import { provisioned, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section F (F1–F3, F6): how the PV controller binds claims.

const noClassMessage =
  'Normal FailedBinding: no persistent volumes available for this claim and no storage class is set';

describe('F1: syncClaim dispatches on bind-completed', () => {
  it('F1: a claim without bind-completed looks for a volume and binds it', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    expect(sim.pvc('data')?.metadata.annotations?.[annBindCompleted]).toBeUndefined();
    apply(sim, pvYaml('pv1'));
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
  });

  it('F1: a claim that was bound once never looks for another volume', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    inject(sim, (draft) => {
      delete draft.objects.PersistentVolume.pv1;
    });
    apply(sim, pvYaml('pv2'));
    expect(sim.pvc('data')).toMatchObject({ spec: { volumeName: 'pv1' }, status: { phase: 'Lost' } });
    expect(sim.pv('pv2')?.status.phase).toBe('Available');
  });
});

describe('F2: syncUnboundClaim for a claim without volumeName', () => {
  it('F2: a matching volume is bound at once, without a FailedBinding event', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
    expect(sim.events('data')).toEqual([]);
  });

  it('F2: claim with storageClassName unset gets the default class retroactively', () => {
    const sim = new SimDriver({ noStorageClass: true });
    apply(sim, pvcYaml('data'));
    expect(sim.pvc('data')?.spec.storageClassName).toBeUndefined();
    apply(sim, scYaml('fast', { isDefault: true, bindingMode: 'WaitForFirstConsumer' }));
    expect(sim.pvc('data')?.spec.storageClassName).toBe('fast');
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', STORAGECLASS: 'fast' });
  });

  it('F2: claim with storageClassName unset and no default class reports that no class is set', () => {
    const sim = new SimDriver({ noStorageClass: true });
    apply(sim, pvcYaml('data'));
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(sim.events('data')).toEqual([noClassMessage]);
  });

  it('F2: a WaitForFirstConsumer claim without a pod waits for its first consumer', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { storageClassName: 'standard' }), pvcYaml('data'));
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(sim.pv('pv1')?.status.phase).toBe('Available');
    expect(sim.events('data')).toEqual([
      'Normal WaitForFirstConsumer: waiting for first consumer to be created before binding',
    ]);
  });

  it('F2: a WaitForFirstConsumer claim names the pods that are not scheduled yet', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data', { node: 'node-9' }));
    expect(sim.events('data')).toContain('Normal WaitForPodScheduled: waiting for pod app to be scheduled');
    apply(sim, claimPodYaml('other', 'data', { node: 'node-9' }));
    run(sim, 'sim advance 15s');
    expect(sim.events('data')).toContain(
      'Normal WaitForPodScheduled: waiting for pods app,other to be scheduled',
    );
  });

  it('F2: a WaitForFirstConsumer claim with a selected node is provisioned', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    run(sim, 'kubectl annotate pvc data volume.kubernetes.io/selected-node=node-2');
    expect(provisioned(sim)).toHaveLength(1);
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Bound');
  });

  it('F2: an Immediate claim with a class and no matching volume is provisioned', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'), pvcYaml('data', { storageClassName: 'fast' }));
    expect(provisioned(sim)).toHaveLength(1);
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
  });

  it('F2: claim with storageClassName "" and no volume stays Pending and says no class is set', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', STORAGECLASS: '' });
    expect(sim.events('data')).toEqual([noClassMessage]);
    expect(provisioned(sim)).toEqual([]);
    // Retried on every resync: a volume created later is bound.
    apply(sim, pvYaml('late'));
    expect(sim.pvc('data')?.spec.volumeName).toBe('late');
  });
});

describe('F3: syncUnboundClaim for a claim pre-bound by volumeName', () => {
  it('F3: a claim naming a volume that does not exist waits without an event, then binds it', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: '', volumeName: 'later' }));
    // kubectl prints the (still empty) status capacity of a claim that names its volume: 0.
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', VOLUME: 'later', CAPACITY: '0' });
    expect(sim.events('data')).toEqual([]);
    apply(sim, pvYaml('later'));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'later', CAPACITY: '1Gi' });
  });

  const mismatches = [
    { reason: 'requested PV is too small', pv: { size: '1Gi' }, pvc: { size: '2Gi' } },
    { reason: 'storageClassName does not match', pv: { storageClassName: 'gold' }, pvc: {} },
    { reason: 'incompatible volumeMode', pv: { volumeMode: 'Block' }, pvc: {} },
    { reason: 'incompatible accessMode', pv: { modes: 'RWO' }, pvc: { modes: 'RWX' } },
  ];
  it.each(mismatches)('F3: a requested volume that does not satisfy the claim: $reason', (c) => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', c.pv), pvcYaml('data', { storageClassName: '', volumeName: 'pv1', ...c.pvc }));
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(sim.pv('pv1')?.spec.claimRef).toBeUndefined();
    expect(sim.events('data')).toEqual([
      `Warning VolumeMismatch: Cannot bind to requested volume "pv1": ${c.reason}`,
    ]);
  });

  it('F3: a requested volume that is being deleted is refused', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { finalizers: ['example.com/hold'] }));
    run(sim, 'kubectl delete pv pv1 --wait=false');
    apply(sim, pvcYaml('data', { storageClassName: '', volumeName: 'pv1' }));
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(sim.events('data')).toEqual([
      'Warning VolumeMismatch: Cannot bind to requested volume "pv1": the volume is marked for deletion "pv1"',
    ]);
  });

  it('F3: selector and node affinity are ignored for a pre-bound claim', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1', { labels: { tier: 'slow' }, node: 'no-such-node' }),
      pvcYaml('data', { storageClassName: '', volumeName: 'pv1', selector: { tier: 'fast' } }),
    );
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
  });

  it('F3: a requested volume reserved for this very claim is bound, by nobody but the user', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1', { claimRef: 'data' }),
      pvcYaml('data', { storageClassName: '', volumeName: 'pv1' }),
    );
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(sim.pv('pv1')?.spec.claimRef?.uid).toBe(sim.pvc('data')?.metadata.uid);
    expect(sim.pv('pv1')?.metadata.annotations?.[annBoundByController]).toBeUndefined();
    expect(sim.pvc('data')?.metadata.annotations?.[annBoundByController]).toBeUndefined();
    expect(sim.pvc('data')?.metadata.annotations?.[annBindCompleted]).toBe('yes');
  });

  it('F3: a requested volume already bound to a different claim is refused', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('first', { storageClassName: '' }));
    apply(sim, pvcYaml('data', { storageClassName: '', volumeName: 'pv1' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', VOLUME: 'pv1' });
    expect(sim.pv('pv1')?.spec.claimRef?.name).toBe('first');
    expect(sim.events('data')).toEqual([
      'Warning FailedBinding: volume "pv1" already bound to a different claim.',
    ]);
  });
});

describe('F6: bind writes both sides', () => {
  it('F6: a 1Gi claim bound to a 10Gi RWO,RWX volume shows the volume capacity and modes', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('big', { size: '10Gi', modes: 'RWO,RWX' }),
      pvcYaml('data', { storageClassName: '', size: '1Gi', modes: 'RWO' }),
    );
    const pv = sim.pv('big');
    const pvc = sim.pvc('data');
    expect(pv?.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data', uid: pvc?.metadata.uid });
    expect(pv?.status.phase).toBe('Bound');
    expect(pv?.metadata.annotations?.[annBoundByController]).toBe('yes');
    expect(pvc?.spec.volumeName).toBe('big');
    expect(pvc?.spec.resources?.requests?.storage).toBe('1Gi');
    expect(pvc?.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce', 'ReadWriteMany'],
      capacity: { storage: '10Gi' },
    });
    expect(row(sim, 'pvc', 'data')).toMatchObject({
      STATUS: 'Bound',
      VOLUME: 'big',
      CAPACITY: '10Gi',
      'ACCESS MODES': 'RWO,RWX',
    });
    expect(row(sim, 'pv', 'big')).toMatchObject({ STATUS: 'Bound', CLAIM: 'default/data' });
  });
});
