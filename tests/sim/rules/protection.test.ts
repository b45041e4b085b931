import { describe, expect, it } from 'vitest';
import { apply, inject, run } from '../../helpers/cluster.ts';
import {
  claimPodYaml,
  diskDriver,
  externalProvisionerFinalizer,
  pvcProtection,
  pvcYaml,
  pvProtection,
  pvYaml,
  scYaml,
} from '../../helpers/manifests.ts';
import { networkFiles, nodeFiles, provisioned, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section K: Storage Object in Use Protection (finalizers).

describe('K1: protection finalizers', () => {
  it('K1: every claim gets kubernetes.io/pvc-protection and every volume kubernetes.io/pv-protection', () => {
    const sim = new SimDriver();
    apply(
      sim,
      scYaml('fast'),
      pvYaml('manual'),
      pvcYaml('static', { storageClassName: '' }),
      pvcYaml('dynamic', { storageClassName: 'fast' }),
      pvcYaml('waiting'),
    );
    for (const name of ['static', 'dynamic', 'waiting']) {
      expect(sim.pvc(name)?.metadata.finalizers, name).toEqual([pvcProtection]);
    }
    const volumes = [sim.pv('manual'), ...provisioned(sim)];
    expect(volumes).toHaveLength(2);
    for (const pv of volumes) expect(pv?.metadata.finalizers, pv?.metadata.name).toContain(pvProtection);
    expect(run(sim, 'kubectl describe pvc static')).toMatch(
      /^Finalizers:\s+\[kubernetes\.io\/pvc-protection\]$/m,
    );
  });
  it('K1: a live claim or volume that lost its protection finalizer gets it back', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
    inject(sim, (draft) => {
      const pvc = draft.objects.PersistentVolumeClaim['default/data'];
      const pv = draft.objects.PersistentVolume.pv1;
      if (pvc) delete pvc.metadata.finalizers;
      if (pv) delete pv.metadata.finalizers;
    });
    expect(sim.pvc('data')?.metadata.finalizers).toEqual([pvcProtection]);
    expect(sim.pv('pv1')?.metadata.finalizers).toEqual([pvProtection]);
  });
});

describe('K2: a claim in use is not removed', () => {
  it('K2: PVC in use stays Terminating until its pod is deleted', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data'));
    const volume = sim.pvc('data')?.spec.volumeName ?? '';
    run(sim, 'kubectl delete pvc data --wait=false');
    expect(sim.pvc('data')?.metadata.deletionTimestamp).toBeDefined();
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Terminating', VOLUME: volume });
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
    expect(row(sim, 'pod', 'app').STATUS).toBe('Running');
    const described = run(sim, 'kubectl describe pvc data');
    expect(described).toMatch(/^Status:\s+Terminating/m);
    expect(described).toMatch(/^Used By:\s+app$/m);
    run(sim, 'sim advance 10m');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Terminating');

    run(sim, 'kubectl delete pod app');
    expect(sim.pod('app')).toBeUndefined();
    expect(sim.pvc('data')).toBeUndefined();
  });

  it('K2: a Failed pod object still holds the claim', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('job', 'data', { restartPolicy: 'Never' }));
    run(sim, 'sim crash job');
    expect(sim.pod('job')?.status.phase).toBe('Failed');
    run(sim, 'kubectl delete pvc data --wait=false');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Terminating');
    run(sim, 'kubectl delete pod job');
    expect(sim.pvc('data')).toBeUndefined();
  });

  it('K2: a Terminating pod on a lost node still holds the claim until the pod object is gone', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data', { node: 'node-1' }));
    run(sim, 'sim node fail node-1');
    run(sim, 'kubectl delete pod app --wait=false');
    run(sim, 'kubectl delete pvc data --wait=false');
    run(sim, 'sim advance 10m');
    expect(row(sim, 'pod', 'app').STATUS).toBe('Terminating');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Terminating');
    run(sim, 'kubectl delete pod app --force --grace-period=0');
    expect(sim.pod('app')).toBeUndefined();
    expect(sim.pvc('data')).toBeUndefined();
  });

  it('K2: a pod that was never scheduled does not hold the claim', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('waiter', 'data', { node: 'node-9' }));
    expect(sim.pod('waiter')?.spec.nodeName).toBeUndefined();
    run(sim, 'kubectl delete pvc data');
    expect(sim.pvc('data')).toBeUndefined();
  });
});

describe('K3: a Terminating claim takes no new users', () => {
  it('K3: a new pod using a Terminating claim is unschedulable', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data', { node: 'node-1' }));
    run(sim, 'kubectl delete pvc data --wait=false');
    apply(sim, claimPodYaml('late', 'data', { node: 'node-1' }));
    expect(sim.pod('late')?.spec.nodeName).toBeUndefined();
    expect(row(sim, 'pod', 'late').STATUS).toBe('Pending');
    expect(sim.events('late')).toContain(
      'Warning FailedScheduling: 0/4 nodes are available: persistentvolumeclaim "data" is being deleted. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('K3: a StatefulSet cannot recreate its pod while the pod claim is Terminating', () => {
    const sim = new SimDriver();
    apply(
      sim,
      `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: 1
  serviceName: web
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: busybox:1.36
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`,
    );
    const node = sim.pod('web-0')?.spec.nodeName;
    // A second pod keeps the claim in use while the StatefulSet pod is replaced.
    apply(sim, claimPodYaml('holder', 'data-web-0', { node }));
    run(sim, 'kubectl delete pvc data-web-0 --wait=false');
    run(sim, 'kubectl delete pod web-0');
    expect(sim.pod('web-0')).toBeUndefined();
    expect(sim.events('web')).toContain(
      'Warning FailedCreate: create Pod web-0 in StatefulSet web failed error: pvc data-web-0 is being deleted',
    );
  });
});

describe('K4: a bound volume is not removed', () => {
  const removedAtOnce = [
    { name: 'an Available volume', setup: (sim: SimDriver) => apply(sim, pvYaml('pv1')) },
    {
      name: 'a Released volume',
      setup: (sim: SimDriver) => {
        apply(sim, pvYaml('pv1'), pvcYaml('data', { storageClassName: '' }));
        run(sim, 'kubectl delete pvc data');
      },
    },
  ];
  it.each(removedAtOnce)('K4: $name is removed at once', ({ setup }) => {
    const sim = new SimDriver();
    setup(sim);
    run(sim, 'kubectl delete pv pv1');
    expect(sim.pv('pv1')).toBeUndefined();
  });

  it('K4: a deleted Bound volume stays Terminating until its claim is gone, then is removed', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv1'),
      pvcYaml('data', { storageClassName: '' }),
      claimPodYaml('app', 'data', { node: 'node-2' }),
    );
    run(sim, `kubectl exec app -- sh -c 'echo kept > /data/note.txt'`);
    run(sim, 'kubectl delete pv pv1 --wait=false');
    expect(row(sim, 'pv', 'pv1')).toMatchObject({ STATUS: 'Terminating', CLAIM: 'default/data' });
    expect(sim.pv('pv1')?.status.phase).toBe('Bound');
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'pv1' });
    expect(run(sim, 'kubectl exec app -- cat /data/note.txt')).toBe('kept\n');

    run(sim, 'kubectl delete pod app');
    run(sim, 'kubectl delete pvc data');
    expect(sim.pv('pv1')).toBeUndefined();
    // Retain: the object is gone, the files on the node are not.
    expect(nodeFiles(sim, 'node-2', '/tmp/pv1')).toEqual({ '/tmp/pv1/note.txt': 'kept\n' });
  });
});

describe('K5: the backing storage of a Delete volume is deleted even if the PV object goes first', () => {
  it('K5: a provisioned volume deleted before its claim still has its disk deleted', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data'));
    const [pv] = provisioned(sim);
    const name = pv?.metadata.name ?? '';
    const key = `csi:${diskDriver}/${pv?.spec.csi?.volumeHandle}`;
    expect(pv?.metadata.finalizers).toContain(externalProvisionerFinalizer);
    run(sim, `kubectl exec app -- sh -c 'echo bye > /data/note.txt'`);

    run(sim, `kubectl delete pv ${name} --wait=false`);
    expect(row(sim, 'pv', name).STATUS).toBe('Terminating');
    expect(networkFiles(sim, key)).toEqual({ '/note.txt': 'bye\n' });

    run(sim, 'kubectl delete pod app');
    run(sim, 'kubectl delete pvc data');
    expect(sim.pv(name)).toBeUndefined();
    expect(networkFiles(sim, key)).toBeUndefined();
  });
});
