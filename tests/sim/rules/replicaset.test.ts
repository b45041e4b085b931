import { describe, expect, it } from 'vitest';
import { apply, run } from '../../helpers/cluster.ts';
import { claimVolume, pvcYaml, workloadYaml } from '../../helpers/manifests.ts';
import { eventsFrom, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Pods owned (through its ReplicaSet) by a Deployment or ReplicaSet named `app`. */
const podsOf = (sim: SimDriver, app: string) =>
  sim
    .pods()
    .filter((p) => p.metadata.labels?.app === app)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

describe('M. ReplicaSet and Deployment controllers', () => {
  it('M1: a deleted pod is replaced by a new pod with a new generated name and UID', () => {
    const sim = new SimDriver();
    apply(sim, workloadYaml('Deployment', 'web', 2));
    const before = podsOf(sim, 'web');
    expect(before).toHaveLength(2);
    const rs = Object.values(sim.state.objects.ReplicaSet)[0];
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? '';
    expect(rs?.metadata.name).toBe(`web-${hash}`);
    for (const p of before)
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2-9]{5}$`));

    const victim = before[0];
    run(sim, `kubectl delete pod ${victim?.metadata.name}`);
    const after = podsOf(sim, 'web');
    expect(after).toHaveLength(2);
    const fresh = after.find((p) => !before.some((b) => b.metadata.name === p.metadata.name));
    expect(fresh).toBeDefined();
    expect(after.map((p) => p.metadata.uid)).not.toContain(victim?.metadata.uid);
    expect(eventsFrom(sim, rs?.metadata.name)).toContain(
      `replicaset-controller: Normal SuccessfulCreate: Created pod: ${fresh?.metadata.name}`,
    );
  });

  it('M1: a ReplicaSet replaces its pod as soon as the old one is Terminating', () => {
    const sim = new SimDriver();
    apply(sim, workloadYaml('ReplicaSet', 'web', 1, { node: 'node-1' }));
    const [old] = podsOf(sim, 'web');
    run(sim, 'sim node fail node-1');
    // The kubelet cannot confirm, so the deleted pod stays Terminating; it no longer counts.
    run(sim, `kubectl delete pod ${old?.metadata.name}`);
    expect(podStatus(sim, old?.metadata.name ?? '')).toBe('Terminating');
    const pods = podsOf(sim, 'web');
    expect(pods).toHaveLength(2);
    const replacement = pods.find((p) => p.metadata.name !== old?.metadata.name);
    expect(replacement?.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(replacement?.metadata.deletionTimestamp).toBeUndefined();
    expect(eventsFrom(sim, 'web')).toContain(
      `replicaset-controller: Normal SuccessfulCreate: Created pod: ${replacement?.metadata.name}`,
    );
  });

  it('M1: scaling a ReplicaSet up creates pods with generated names, down deletes them', () => {
    const sim = new SimDriver();
    apply(sim, workloadYaml('ReplicaSet', 'web', 1));
    expect(run(sim, 'kubectl scale rs/web --replicas=3')).toBe('replicaset.apps/web scaled\n');
    expect(podsOf(sim, 'web')).toHaveLength(3);
    run(sim, 'kubectl scale rs web --replicas=1');
    expect(podsOf(sim, 'web').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
  });

  it('M2: all replicas of a Deployment share the one PVC its template names (RWO: Multi-Attach)', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('shared'));
    apply(sim, workloadYaml('Deployment', 'web', 1, claimVolume('shared')));
    // The second replica must land elsewhere: cordon the first one's node, then scale up.
    run(sim, `kubectl cordon ${podsOf(sim, 'web')[0]?.spec.nodeName}`);
    run(sim, 'kubectl scale deploy/web --replicas=2');
    const pods = podsOf(sim, 'web');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.spec.volumes?.[0]?.persistentVolumeClaim?.claimName).toBe('shared');
    }
    expect(Object.keys(sim.state.objects.PersistentVolumeClaim)).toEqual(['default/shared']);
    const nodes = new Set(pods.map((p) => p.spec.nodeName));
    expect(nodes.size).toBe(2); // two nodes: the second cannot attach the disk
    const statuses = pods.map((p) => podStatus(sim, p.metadata.name)).sort();
    expect(statuses).toEqual(['ContainerCreating', 'Running']);
    const stuck = pods.find((p) => podStatus(sim, p.metadata.name) === 'ContainerCreating');
    const running = pods.find((p) => p !== stuck);
    const pvName = sim.pvc('shared')?.spec.volumeName;
    expect(eventsFrom(sim, stuck?.metadata.name)).toContain(
      `attachdetach-controller: Warning FailedAttachVolume: Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) ${running?.metadata.name}`,
    );
  });

  it('M2: with the replicas on one node a shared RWO claim works for all of them', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('shared'));
    apply(
      sim,
      workloadYaml('Deployment', 'web', 2, {
        ...claimVolume('shared'),
        node: 'node-2',
      }),
    );
    const pods = podsOf(sim, 'web');
    expect(pods.map((p) => podStatus(sim, p.metadata.name))).toEqual(['Running', 'Running']);
    sim.sh(pods[0]?.metadata.name ?? '', 'echo hi > /data/x');
    expect(sim.sh(pods[1]?.metadata.name ?? '', 'cat /data/x')).toBe('hi\n');
  });
});
