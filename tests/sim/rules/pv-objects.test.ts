import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { admitOnCreate } from '../../../src/sim/api/admission.ts';
import { ApiServer } from '../../../src/sim/api/api-server.ts';
import type { PersistentVolume } from '../../../src/sim/api/types.ts';
import { reconcile } from '../../../src/sim/reconcile.ts';
import { apply, inject, run } from '../../helpers/cluster.ts';
import {
  annBetaStorageProvisioner,
  annBindCompleted,
  annBoundByController,
  annProvisionedBy,
  annSelectedNode,
  annStorageProvisioner,
  claimPodYaml,
  diskDriver,
  pvcYaml,
  pvYaml,
  scYaml,
} from '../../helpers/manifests.ts';
import { parseTable, provisioned, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section E: PV / PVC objects, phases, annotations.

describe('E1: PersistentVolume phases', () => {
  it('E1: a PersistentVolume is Pending when created, until the PV controller syncs it', () => {
    const sim = new SimDriver();
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'fresh', uid: '', creationTimestamp: '' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/f' } },
      status: { phase: 'Available' },
    };
    const created = produce(sim.state, (draft) => {
      const api = new ApiServer(draft);
      admitOnCreate(api, pv);
      api.create(pv);
    });
    expect(created.objects.PersistentVolume.fresh?.status.phase).toBe('Pending');
    expect(reconcile(created).objects.PersistentVolume.fresh?.status.phase).toBe('Available');
  });

  const cases: Array<{ name: string; setup: (sim: SimDriver) => void; status: string; claim: string }> = [
    {
      name: 'a volume without claimRef is Available',
      setup: (sim) => apply(sim, pvYaml('pv1')),
      status: 'Available',
      claim: '',
    },
    {
      name: 'a volume whose claimRef has no uid is Available (reserved for that claim)',
      setup: (sim) => apply(sim, pvYaml('pv1', { claimRef: 'data' })),
      status: 'Available',
      claim: 'default/data',
    },
    {
      name: 'a volume bound to a claim is Bound',
      setup: (sim) => apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' })),
      status: 'Bound',
      claim: 'default/data',
    },
    {
      name: 'a Retain volume whose claim was deleted is Released',
      setup: (sim) => {
        apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
        run(sim, 'kubectl delete pvc data');
      },
      status: 'Released',
      claim: 'default/data',
    },
    {
      name: 'a Delete volume whose automatic reclamation failed is Failed',
      setup: (sim) => {
        apply(
          sim,
          pvYaml('pv1', { policy: 'Delete', source: '  hostPath:\n    path: /srv/pv1\n' }),
          pvcYaml('data', { storageClassName: '' }),
        );
        run(sim, 'kubectl delete pvc data');
      },
      status: 'Failed',
      claim: 'default/data',
    },
  ];
  it.each(cases)('E1: $name', ({ setup, status, claim }) => {
    const sim = new SimDriver();
    setup(sim);
    expect(sim.pv('pv1')?.status.phase).toBe(status);
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: status, CLAIM: claim });
  });
});

describe('E2: PersistentVolumeClaim phases', () => {
  it('E2: a claim is Pending without a volume and Bound once one matches', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', VOLUME: '', CAPACITY: '' });
    apply(sim, pvYaml('pv1'));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1', CAPACITY: '1Gi' });
  });

  it('E2: a bound claim whose volume object is gone is Lost, for good', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }), pvYaml('spare'));
    // What an administrator does by deleting the PV and stripping its finalizers.
    inject(sim, (draft) => {
      delete draft.objects.PersistentVolume.pv1;
    });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Lost', VOLUME: 'pv1', CAPACITY: '0' });
    expect(sim.events('data')).toContain(
      'Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    );
    // Lost is terminal: the claim does not go looking for the spare volume.
    run(sim, 'sim advance 1m');
    expect(sim.pvc('data')?.status.phase).toBe('Lost');
    expect(sim.pv('spare')?.status.phase).toBe('Available');
  });

  it('E2: stripping the finalizers of a Terminating PV removes it, and its claim turns Lost', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    run(sim, 'kubectl delete pv pv1');
    expect(row(sim, 'pv', 'pv1').STATUS).toBe('Terminating');
    run(sim, `kubectl patch pv pv1 --type merge -p '{"metadata":{"finalizers":null}}'`);
    expect(sim.pv('pv1')).toBeUndefined();
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Lost', VOLUME: 'pv1' });
  });
});

describe('E3: binding is a bidirectional, exclusive pointer', () => {
  it('E3: claimRef and volumeName point at each other, and one volume binds only one claim', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1'),
      pvcYaml('first', { storageClassName: '' }),
      pvcYaml('second', { storageClassName: '' }),
    );
    const pv = sim.pv('pv1');
    const first = sim.pvc('first');
    expect(pv?.spec.claimRef).toMatchObject({
      kind: 'PersistentVolumeClaim',
      namespace: 'default',
      name: 'first',
      uid: first?.metadata.uid,
    });
    expect(first?.spec.volumeName).toBe('pv1');
    expect(sim.pvc('second')?.status.phase).toBe('Pending');
    expect(sim.pvc('second')?.spec.volumeName).toBeUndefined();
    const claims = parseTable(run(sim, 'kubectl get pvc'));
    expect(claims.filter((c) => c.VOLUME === 'pv1').map((c) => c.NAME)).toEqual(['first']);
  });
});

describe('E4: annotations written by the controller', () => {
  it('E4: a controller-made binding marks both objects bound-by-controller and the claim bind-completed', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    expect(sim.pv('pv1')?.metadata.annotations).toMatchObject({ [annBoundByController]: 'yes' });
    expect(sim.pvc('data')?.metadata.annotations).toMatchObject({
      [annBindCompleted]: 'yes',
      [annBoundByController]: 'yes',
    });
  });

  it('E4: a claim the user bound by volumeName is bind-completed but not bound-by-controller', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '', volumeName: 'pv1' }));
    const annotations = sim.pvc('data')?.metadata.annotations ?? {};
    expect(annotations[annBindCompleted]).toBe('yes');
    expect(annotations[annBoundByController]).toBeUndefined();
    // The controller, not the user, wrote the volume's claimRef.
    expect(sim.pv('pv1')?.metadata.annotations?.[annBoundByController]).toBe('yes');
  });

  it('E4: dynamic provisioning records the provisioner, and WaitForFirstConsumer the selected node', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data', { node: 'node-2' }));
    const pvc = sim.pvc('data');
    expect(pvc?.metadata.annotations).toMatchObject({
      [annStorageProvisioner]: diskDriver,
      [annBetaStorageProvisioner]: diskDriver,
      [annSelectedNode]: 'node-2',
      [annBindCompleted]: 'yes',
      [annBoundByController]: 'yes',
    });
    const [pv] = provisioned(sim);
    expect(pv?.metadata.annotations).toMatchObject({
      [annProvisionedBy]: diskDriver,
      [annBoundByController]: 'yes',
    });
  });
});

describe('E5: default reclaim policy', () => {
  const cases = [
    { name: 'a manually created volume defaults to Retain', dynamicClass: undefined, policy: 'Retain' },
    {
      name: 'a volume provisioned by the default class inherits Delete',
      dynamicClass: 'standard',
      policy: 'Delete',
    },
    {
      name: 'a volume provisioned by a Retain class inherits Retain',
      dynamicClass: 'keep',
      policy: 'Retain',
    },
  ];
  it.each(cases)('E5: $name', ({ dynamicClass, policy }) => {
    const sim = new SimDriver();
    if (dynamicClass === undefined) apply(sim, pvYaml('pv1'));
    else {
      apply(
        sim,
        scYaml('keep', { reclaimPolicy: 'Retain' }),
        pvcYaml('data', { storageClassName: dynamicClass }),
      );
      apply(sim, claimPodYaml('app', 'data'));
    }
    const pv = dynamicClass === undefined ? sim.pv('pv1') : provisioned(sim)[0];
    expect(pv?.spec.persistentVolumeReclaimPolicy).toBe(policy);
    expect(row(sim, 'pv', pv?.metadata.name ?? '')['RECLAIM POLICY']).toBe(policy);
  });
});

describe('E6: claims are namespaced, volumes are cluster-scoped', () => {
  it('E6: a volume has no namespace and names its claim as namespace/name', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    expect(sim.pv('pv1')?.metadata.namespace).toBeUndefined();
    expect(run(sim, 'kubectl get pv pv1 -o yaml')).not.toMatch(/^ {2}namespace:/m);
    expect(row(sim, 'pv', 'pv1').CLAIM).toBe('default/data');
    expect(sim.pvc('data')?.metadata.namespace).toBe('default');
  });

  it('E6: a pod can only use a claim from its own namespace', () => {
    const sim = new SimDriver();
    const refused = sim.apply(
      pvcYaml('data').replace('  name: data\n', '  name: data\n  namespace: team-b\n'),
    );
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain('namespaces "team-b" not found');
    apply(sim, claimPodYaml('app', 'data'));
    expect(sim.pod('app')?.status.phase).toBe('Pending');
    expect(sim.events('app').join('\n')).toContain('persistentvolumeclaim "data" not found');
  });
});
