import { describe, expect, it } from 'vitest';
import type { PersistentVolume } from '../../../src/sim/api/types.ts';
import { apply, inject, run } from '../../helpers/cluster.ts';
import {
  annProvisionedBy,
  claimPodYaml,
  diskDriver,
  nfsSource,
  pvcYaml,
  pvYaml,
} from '../../helpers/manifests.ts';
import { eventCount, networkFiles, provisioned, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section J: what happens to a volume after its claim is deleted.

const nfsKey = (path: string) => `nfs:nfs.example.com:${path}`;

/** An NFS volume `pv1` (policy as given) bound to claim `data`, with a file a pod wrote on it. */
function usedNfsVolume(policy: string, extra: { claimRef?: string } = {}): SimDriver {
  const sim = new SimDriver();
  apply(
    sim,
    pvYaml('pv1', { policy, source: nfsSource('/exports/pv1'), modes: 'RWO,RWX', ...extra }),
    pvcYaml('data', { storageClassName: '' }),
    claimPodYaml('writer', 'data'),
  );
  run(sim, `kubectl exec writer -- sh -c 'echo precious > /data/note.txt'`);
  expect(networkFiles(sim, nfsKey('/exports/pv1'))).toEqual({ '/note.txt': 'precious\n' });
  return sim;
}

function releaseClaim(sim: SimDriver): void {
  run(sim, 'kubectl delete pod writer');
  run(sim, 'kubectl delete pvc data');
}

describe('J1: deleting the claim releases the volume', () => {
  it('J1: the volume is Released and keeps its claimRef, uid included', () => {
    const sim = usedNfsVolume('Retain');
    const uid = sim.pvc('data')?.metadata.uid;
    releaseClaim(sim);
    expect(sim.pvc('data')).toBeUndefined();
    expect(sim.pv('pv1')?.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data', uid });
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Released', CLAIM: 'default/data' });
  });
});

describe('J2: Retain', () => {
  it('J2: Retain volume stays Released and a new claim with the same name cannot bind it', () => {
    const sim = usedNfsVolume('Retain');
    releaseClaim(sim);
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    run(sim, 'sim advance 10m');
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Released', CLAIM: 'default/data' });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', VOLUME: '' });
    // The previous claimant's data remains.
    expect(networkFiles(sim, nfsKey('/exports/pv1'))).toEqual({ '/note.txt': 'precious\n' });
  });

  it('J2: clearing claimRef makes a Retain volume Available again, with the old data on it', () => {
    const sim = usedNfsVolume('Retain');
    releaseClaim(sim);
    run(sim, `kubectl patch pv pv1 --type merge -p '{"spec":{"claimRef":null}}'`);
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Available', CLAIM: '' });
    apply(sim, pvcYaml('again', { storageClassName: '' }), claimPodYaml('reader', 'again'));
    expect(row(sim, 'pvc', 'again')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(run(sim, 'kubectl exec reader -- cat /data/note.txt')).toBe('precious\n');
  });
});

describe('J3: Delete', () => {
  it('J3: deleting the claim of a provisioned volume deletes the volume and its data', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('writer', 'data'));
    const [pv] = provisioned(sim);
    const name = pv?.metadata.name ?? '';
    const key = `csi:${diskDriver}/${pv?.spec.csi?.volumeHandle}`;
    run(sim, `kubectl exec writer -- sh -c 'echo gone > /data/note.txt'`);
    expect(networkFiles(sim, key)).toEqual({ '/note.txt': 'gone\n' });
    releaseClaim(sim);
    expect(sim.pv(name)).toBeUndefined();
    expect(run(sim, 'kubectl get pv')).not.toContain(name);
    expect(networkFiles(sim, key)).toBeUndefined();
  });

  it('J3: a hostPath volume under /tmp is deleted', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { policy: 'Delete' }), pvcYaml('data', { storageClassName: '' }));
    run(sim, 'kubectl delete pvc data');
    expect(sim.pv('pv1')).toBeUndefined();
  });

  it('J3: a volume the plugin cannot delete is Failed, with the plugin error', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1', { policy: 'Delete', source: '  hostPath:\n    path: /srv/pv1\n' }),
      pvcYaml('data', { storageClassName: '' }),
    );
    run(sim, 'kubectl delete pvc data');
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Failed', CLAIM: 'default/data' });
    expect(sim.events('pv1')).toEqual([
      'Warning VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /srv/pv1',
    ]);
    // Deletion is retried on every sync, but the event is sent only when the volume turns Failed.
    run(sim, 'sim advance 5m');
    run(sim, 'kubectl get pv');
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Failed');
    expect(eventCount(sim, 'pv1', 'VolumeFailedDelete')).toBe(1);
  });

  it('J3: a CSI volume stays Released until its external provisioner deletes it', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1', {
        policy: 'Delete',
        source: '  csi:\n    driver: example.com/nobody\n    volumeHandle: h1\n',
      }),
      pvcYaml('data', { storageClassName: '' }),
    );
    run(sim, 'kubectl delete pvc data');
    run(sim, 'sim advance 10m');
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Released', 'RECLAIM POLICY': 'Delete' });
  });
});

describe('J4: Recycle', () => {
  it('J4: Recycle scrubs the volume and makes it Available to any claim', () => {
    const sim = usedNfsVolume('Recycle');
    releaseClaim(sim);
    expect(sim.pv('pv1')?.spec.claimRef).toBeUndefined();
    expect(row(sim, 'pv', 'pv1')).toMatchObject({
      STATUS: 'Available',
      CLAIM: '',
      'RECLAIM POLICY': 'Recycle',
    });
    expect(sim.events('pv1')).toEqual(['Normal VolumeRecycled: Volume recycled']);
    expect(networkFiles(sim, nfsKey('/exports/pv1'))).toEqual({});
    apply(sim, pvcYaml('next', { storageClassName: '' }), claimPodYaml('reader', 'next'));
    expect(row(sim, 'pvc', 'next')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(run(sim, 'kubectl exec reader -- ls /data')).toBe('');
  });

  it('J4: a volume still used by a pod is not recycled until that pod is gone', () => {
    const sim = usedNfsVolume('Recycle');
    apply(sim, claimPodYaml('waiter', 'data', { node: 'node-9' }));
    releaseClaim(sim);
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Released');
    expect(sim.events('pv1')).toEqual(['Normal VolumeFailedRecycle: Volume is used by pods: default/waiter']);
    expect(networkFiles(sim, nfsKey('/exports/pv1'))).toEqual({ '/note.txt': 'precious\n' });
    run(sim, 'kubectl delete pod waiter');
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Available');
    expect(networkFiles(sim, nfsKey('/exports/pv1'))).toEqual({});
  });

  it('J4: a recycled volume pre-bound by the user stays reserved for the claim name', () => {
    const sim = usedNfsVolume('Recycle', { claimRef: 'data' });
    releaseClaim(sim);
    expect(sim.pv('pv1')?.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data', uid: '' });
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Available', CLAIM: 'default/data' });
  });

  it('J4: a volume without a recycler plugin is Failed', () => {
    const sim = new SimDriver();
    apply(
      sim,
      // The API accepts Recycle on any volume but a hostPath of "/"; the PV controller then finds
      // no recycler for a CSI volume.
      pvYaml('pv1', {
        policy: 'Recycle',
        source: `  csi:\n    driver: ${diskDriver}\n    volumeHandle: h1\n`,
      }),
      pvcYaml('data', { storageClassName: '' }),
    );
    run(sim, 'kubectl delete pvc data');
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Failed');
    expect(sim.events('pv1')).toEqual([
      'Warning VolumeFailedRecycle: No recycler plugin found for the volume!',
    ]);
    run(sim, 'sim advance 5m');
    expect(eventCount(sim, 'pv1', 'VolumeFailedRecycle')).toBe(1);
  });

  it('J4: `kubectl apply` accepts Recycle on a CSI volume, and releasing it fails with no recycler', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1', {
        policy: 'Recycle',
        source: `  csi:\n    driver: ${diskDriver}\n    volumeHandle: h1\n`,
      }),
      pvcYaml('data', { storageClassName: '' }),
    );
    run(sim, 'kubectl delete pvc data');
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Failed');
    expect(sim.events('pv1')).toEqual([
      'Warning VolumeFailedRecycle: No recycler plugin found for the volume!',
    ]);
  });

  it("J4: Recycle is refused for a hostPath of '/'", () => {
    const sim = new SimDriver();
    const result = sim.apply(pvYaml('pv1', { policy: 'Recycle', source: '  hostPath:\n    path: /\n' }));
    expect(result.stderr).toBe(
      `The PersistentVolume "pv1" is invalid: spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'\n`,
    );
  });
});

describe('J5: unknown reclaim policy', () => {
  it('J5: a volume with an unrecognized reclaim policy is Failed', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    inject(sim, (draft) => {
      const pv = draft.objects.PersistentVolume.pv1;
      if (pv)
        pv.spec.persistentVolumeReclaimPolicy =
          'Archive' as PersistentVolume['spec']['persistentVolumeReclaimPolicy'];
    });
    run(sim, 'kubectl delete pvc data');
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Failed');
    expect(sim.events('pv1')).toEqual([
      'Warning VolumeUnknownReclaimPolicy: Volume has unrecognized PersistentVolumeReclaimPolicy',
    ]);
    run(sim, 'sim advance 5m');
    expect(eventCount(sim, 'pv1', 'VolumeUnknownReclaimPolicy')).toBe(1);
  });
});

describe('J6: a provisioned volume whose claim bound elsewhere', () => {
  it('J6: a dynamically provisioned Delete volume whose claim is bound to another volume is deleted', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    const key = `csi:${diskDriver}/vol-late`;
    inject(sim, (draft) => {
      draft.disks.network[key] = { '/': { type: 'dir' } };
    });
    apply(
      sim,
      pvYaml('pvc-late', {
        policy: 'Delete',
        claimRef: `data/${sim.pvc('data')?.metadata.uid}`,
        annotations: { [annProvisionedBy]: diskDriver },
        source: `  csi:\n    driver: ${diskDriver}\n    volumeHandle: vol-late\n`,
      }),
    );
    expect(sim.pv('pvc-late')).toBeUndefined();
    expect(networkFiles(sim, key)).toBeUndefined();
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
  });
});
