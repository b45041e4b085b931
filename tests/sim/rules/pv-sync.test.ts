import { describe, expect, it } from 'vitest';
import { apply, inject, run } from '../../helpers/cluster.ts';
import { annBoundByController, pvcYaml, pvYaml } from '../../helpers/manifests.ts';
import { row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section F (F7, F8): keeping bound claims and volumes consistent.

/** A claim `data` bound to volume `pv1` (both without a class). */
function boundPair(): SimDriver {
  const sim = new SimDriver();
  apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
  return sim;
}

function uidOf(sim: SimDriver, claim: string): string {
  return sim.pvc(claim)?.metadata.uid ?? '';
}

describe('F7: syncBoundClaim', () => {
  const lost = [
    {
      name: 'a bound claim whose volumeName was cleared is Lost',
      break: (sim: SimDriver) =>
        inject(sim, (draft) => {
          const pvc = draft.objects.PersistentVolumeClaim['default/data'];
          if (pvc) delete pvc.spec.volumeName;
        }),
      event:
        'Warning ClaimLost: Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
      volume: '',
    },
    {
      name: 'a bound claim whose volume object is gone is Lost',
      break: (sim: SimDriver) =>
        inject(sim, (draft) => {
          delete draft.objects.PersistentVolume.pv1;
        }),
      event: 'Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!',
      volume: 'pv1',
    },
    {
      name: 'a bound claim whose volume now points at another claim is misbound and Lost',
      break: (sim: SimDriver) => {
        apply(sim, pvcYaml('other', { storageClassName: '' }));
        const ref = { namespace: 'default', name: 'other', uid: uidOf(sim, 'other') };
        run(sim, `kubectl patch pv pv1 --type merge -p '${JSON.stringify({ spec: { claimRef: ref } })}'`);
      },
      event: 'Warning ClaimMisbound: Two claims are bound to the same volume, this one is bound incorrectly',
      volume: 'pv1',
    },
  ];
  it.each(lost)('F7: $name', (c) => {
    const sim = boundPair();
    c.break(sim);
    // A Lost claim keeps its volumeName but no longer reports the volume's capacity or modes.
    expect(sim.pvc('data')?.status).toEqual({ phase: 'Lost' });
    expect(row(sim, 'pvc', 'data')).toMatchObject({
      STATUS: 'Lost',
      VOLUME: c.volume,
      CAPACITY: c.volume ? '0' : '',
      'ACCESS MODES': '',
    });
    expect(sim.events('data')).toContain(c.event);
  });

  it('F7: the misbound volume then belongs to the claim it points at', () => {
    const sim = boundPair();
    apply(sim, pvcYaml('other', { storageClassName: '' }));
    const ref = { namespace: 'default', name: 'other', uid: uidOf(sim, 'other') };
    run(sim, `kubectl patch pv pv1 --type merge -p '${JSON.stringify({ spec: { claimRef: ref } })}'`);
    expect(row(sim, 'pvc', 'other')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Bound', CLAIM: 'default/other' });
  });

  it('F7: a bound claim whose volume lost its claimRef binds it again', () => {
    const sim = boundPair();
    run(sim, `kubectl patch pv pv1 --type merge -p '{"spec":{"claimRef":null}}'`);
    expect(sim.pv('pv1')?.spec.claimRef).toMatchObject({ name: 'data', uid: uidOf(sim, 'data') });
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Bound', CLAIM: 'default/data' });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(sim.events('data')).toEqual([]);
  });
});

describe('F8: syncVolume', () => {
  it('F8: a volume without claimRef is Available', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'));
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Available', CLAIM: '' });
  });

  it('F8: a volume whose claimRef has no uid is Available and reserved for that claim', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { claimRef: 'data' }), pvcYaml('someone', { storageClassName: '' }));
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Available', CLAIM: 'default/data' });
    expect(sim.pvc('someone')?.status.phase).toBe('Pending');
  });

  it('F8: a volume whose claim is gone is Released', () => {
    const sim = boundPair();
    run(sim, 'kubectl delete pvc data');
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Released', CLAIM: 'default/data' });
  });

  it('F8: a volume whose claim was replaced by a new one with the same name is Released', () => {
    const sim = boundPair();
    const oldUid = uidOf(sim, 'data');
    run(sim, 'kubectl delete pvc data');
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    expect(uidOf(sim, 'data')).not.toBe(oldUid);
    expect(sim.pv('pv1')?.spec.claimRef?.uid).toBe(oldUid);
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Released');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
  });

  it('F8: a volume pointing at a waiting claim of another volumeMode reports the mismatch on both', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    apply(sim, pvYaml('raw', { volumeMode: 'Block', claimRef: `data/${uidOf(sim, 'data')}` }));
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(sim.events('raw')).toEqual([
      'Warning VolumeMismatch: Cannot bind PersistentVolume to requested PersistentVolumeClaim "data" due to incompatible volumeMode.',
    ]);
    expect(sim.events('data')).toContain(
      'Warning VolumeMismatch: Cannot bind PersistentVolume "raw" to requested PersistentVolumeClaim due to incompatible volumeMode.',
    );
  });

  it('F8: a volume whose claim points back at it is Bound', () => {
    const sim = boundPair();
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Bound', CLAIM: 'default/data' });
  });

  it('F8: a controller-bound volume whose claim is bound elsewhere is unbound and Available', () => {
    const sim = boundPair();
    apply(
      sim,
      pvYaml('stray', {
        claimRef: `data/${uidOf(sim, 'data')}`,
        annotations: { [annBoundByController]: 'yes' },
      }),
    );
    const stray = sim.pv('stray');
    expect(stray?.spec.claimRef).toBeUndefined();
    expect(stray?.metadata.annotations?.[annBoundByController]).toBeUndefined();
    expect(row(sim, 'pv', 'stray')).toMatchObject({ STATUS: 'Available', CLAIM: '' });
    expect(sim.pvc('data')?.spec.volumeName).toBe('pv1');
  });

  it('F8: a user-pre-bound volume whose claim is bound elsewhere keeps the claim name, not the uid', () => {
    const sim = boundPair();
    apply(sim, pvYaml('mine', { claimRef: `data/${uidOf(sim, 'data')}` }));
    expect(sim.pv('mine')?.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data', uid: '' });
    expect(row(sim, 'pv', 'mine')).toMatchObject({ STATUS: 'Available', CLAIM: 'default/data' });
    expect(sim.pvc('data')?.spec.volumeName).toBe('pv1');
  });
});
