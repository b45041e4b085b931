import { describe, expect, it } from 'vitest';
import { apply, makeNodeDir, run } from '../../helpers/cluster.ts';
import { localClassYaml, localSource, pvcYaml, pvYaml, statefulSetYaml } from '../../helpers/manifests.ts';
import { eventsFrom, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const claims = (sim: SimDriver) => Object.values(sim.state.objects.PersistentVolumeClaim);
const claimNames = (sim: SimDriver) =>
  claims(sim)
    .map((c) => c.metadata.name)
    .sort();

describe('M. StatefulSet controller', () => {
  it('M3: StatefulSet claims are named <template>-<sts>-<ordinal> and created before the pod', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 2 }));
    expect(claimNames(sim)).toEqual(['data-db-0', 'data-db-1']);
    for (const ordinal of [0, 1]) {
      const pod = sim.pod(`db-${ordinal}`);
      const claim = sim.pvc(`data-db-${ordinal}`);
      expect(pod?.spec.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(
        `data-db-${ordinal}`,
      );
      expect(claim?.status.phase).toBe('Bound');
      // The claim was written first: its event comes before the pod's.
      const claimEvent = eventsFrom(sim, 'db').indexOf(
        `statefulset-controller: Normal SuccessfulCreate: create Claim data-db-${ordinal} Pod db-${ordinal} in StatefulSet db success`,
      );
      const podEvent = eventsFrom(sim, 'db').indexOf(
        `statefulset-controller: Normal SuccessfulCreate: create Pod db-${ordinal} in StatefulSet db successful`,
      );
      expect(claimEvent).toBeGreaterThanOrEqual(0);
      expect(podEvent).toBeGreaterThan(claimEvent);
    }
    expect(sim.pvc('data-db-0')?.metadata.labels).toEqual({ app: 'db' });
  });

  it('M3: an existing claim with the generated name is reused as it is (template changes do not apply)', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data-db-0', { size: '2Gi' }));
    const uid = sim.pvc('data-db-0')?.metadata.uid;
    apply(sim, statefulSetYaml('db', { replicas: 1, size: '1Gi' }));
    expect(sim.pvc('data-db-0')?.metadata.uid).toBe(uid);
    expect(sim.pvc('data-db-0')?.spec.resources?.requests?.storage).toBe('2Gi');
    expect(eventsFrom(sim, 'db').some((e) => e.includes('create Claim data-db-0'))).toBe(false);
    expect(podStatus(sim, 'db-0')).toBe('Running');
  });

  it('M4: a deleted StatefulSet pod comes back with the same name, a new UID and the same claim and data', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 1 }));
    const old = sim.pod('db-0');
    sim.sh('db-0', 'echo kept > /data/file');
    run(sim, 'kubectl delete pod db-0');
    const fresh = sim.pod('db-0');
    expect(fresh?.metadata.uid).not.toBe(old?.metadata.uid);
    expect(fresh?.spec.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(
      'data-db-0',
    );
    expect(podStatus(sim, 'db-0')).toBe('Running');
    expect(sim.sh('db-0', 'cat /data/file')).toBe('kept\n');
    expect(claimNames(sim)).toEqual(['data-db-0']);
  });

  it('M4: with a node-affine (local) volume the pod goes back to that node, or stays Pending', () => {
    const sim = new SimDriver();
    apply(sim, localClassYaml('local'));
    apply(
      sim,
      pvYaml('local-2', {
        storageClassName: 'local',
        policy: 'Retain',
        node: 'node-2',
        source: localSource('/mnt/disks/local-2'),
      }),
    );
    makeNodeDir(sim, 'node-2', '/mnt/disks/local-2');
    apply(sim, statefulSetYaml('db', { replicas: 1, storageClassName: 'local' }));
    expect(sim.pod('db-0')?.spec.nodeName).toBe('node-2');
    run(sim, 'kubectl delete pod db-0');
    expect(sim.pod('db-0')?.spec.nodeName).toBe('node-2');
    run(sim, 'kubectl cordon node-2');
    run(sim, 'kubectl delete pod db-0');
    expect(podStatus(sim, 'db-0')).toBe('Pending');
    const scheduling = eventsFrom(sim, 'db-0').filter((e) => e.includes('FailedScheduling'));
    expect(scheduling.at(-1)).toContain('node(s) had volume node affinity conflict');
    run(sim, 'kubectl uncordon node-2');
    expect(sim.pod('db-0')?.spec.nodeName).toBe('node-2');
    expect(podStatus(sim, 'db-0')).toBe('Running');
  });

  it.each([
    {
      policy: 'default (Retain)',
      options: {},
      afterScaleDown: ['data-db-0', 'data-db-1', 'data-db-2'],
      afterDelete: ['data-db-0', 'data-db-1', 'data-db-2'],
    },
    {
      policy: 'whenScaled: Delete',
      options: { whenScaled: 'Delete' as const },
      afterScaleDown: ['data-db-0'],
      afterDelete: ['data-db-0'],
    },
    {
      policy: 'whenDeleted: Delete',
      options: { whenDeleted: 'Delete' as const },
      afterScaleDown: ['data-db-0', 'data-db-1', 'data-db-2'],
      afterDelete: [],
    },
  ])('M5: retention $policy decides which claims survive scale-down and deletion', (row) => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 3, ...row.options }));
    expect(claimNames(sim)).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    // Deleting a pod never deletes its claim, whatever the policy.
    run(sim, 'kubectl delete pod db-1');
    expect(claimNames(sim)).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    run(sim, 'kubectl scale sts/db --replicas=1');
    expect(sim.pods().map((p) => p.metadata.name)).toEqual(['db-0']);
    expect(claimNames(sim)).toEqual(row.afterScaleDown);
    run(sim, 'kubectl delete statefulset db');
    expect(sim.pods()).toEqual([]);
    expect(claimNames(sim)).toEqual(row.afterDelete);
  });

  it('M5: a retention policy changed after the claims exist applies to them too', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 2 }));
    expect(sim.pvc('data-db-0')?.metadata.ownerReferences).toBeUndefined();
    run(
      sim,
      `kubectl patch sts db --type merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Delete"}}}'`,
    );
    expect(sim.pvc('data-db-0')?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'db',
    });
    run(
      sim,
      `kubectl patch sts db --type merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain"}}}'`,
    );
    expect(sim.pvc('data-db-1')?.metadata.ownerReferences).toBeUndefined();
    run(
      sim,
      `kubectl patch sts db --type merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Delete"}}}'`,
    );
    run(sim, 'kubectl delete statefulset db');
    expect(claimNames(sim)).toEqual([]);
  });

  it('M5: scaling back up re-uses the old claims and their data', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 2 }));
    sim.sh('db-1', 'echo old > /data/f');
    const uid = sim.pvc('data-db-1')?.metadata.uid;
    run(sim, 'kubectl scale sts db --replicas=1');
    expect(sim.pod('db-1')).toBeUndefined();
    run(sim, 'kubectl scale sts db --replicas=2');
    expect(sim.pvc('data-db-1')?.metadata.uid).toBe(uid);
    expect(sim.sh('db-1', 'cat /data/f')).toBe('old\n');
  });

  it('M6: a StatefulSet pod on an unreachable node is not replaced until the pod object is gone', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 1, node: 'node-1' }));
    run(sim, `kubectl patch sts db --type merge -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'`);
    const old = sim.pod('db-0');
    expect(old?.spec.nodeName).toBe('node-1');
    run(sim, 'sim node fail node-1');
    run(sim, 'sim advance 10m');
    expect(podStatus(sim, 'db-0')).toBe('Terminating');
    expect(sim.pod('db-0')?.metadata.uid).toBe(old?.metadata.uid);
    expect(sim.pods()).toHaveLength(1);
    // A force delete removes the object at once: now the controller creates db-0 again.
    const forced = sim.run('kubectl delete pod db-0 --force --grace-period=0');
    expect(forced.stdout).toBe('pod "db-0" force deleted\n');
    const fresh = sim.pod('db-0');
    expect(fresh?.metadata.uid).not.toBe(old?.metadata.uid);
    expect(fresh?.spec.nodeName).not.toBe('node-1');
  });

  it('M6: deleting the unreachable node also lets the StatefulSet recreate its pod', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 1, node: 'node-3' }));
    run(sim, `kubectl patch sts db --type merge -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'`);
    const old = sim.pod('db-0');
    run(sim, 'sim node fail node-3');
    run(sim, 'sim advance 6m');
    expect(sim.pod('db-0')?.metadata.uid).toBe(old?.metadata.uid);
    run(sim, 'sim node delete node-3');
    expect(sim.pod('db-0')?.metadata.uid).not.toBe(old?.metadata.uid);
    expect(sim.pod('db-0')?.spec.nodeName).toMatch(/^node-[12]$/);
  });
});
