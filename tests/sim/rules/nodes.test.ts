import { describe, expect, it } from 'vitest';
import { apply, makeNodeDir, run } from '../../helpers/cluster.ts';
import {
  claimVolume,
  emptyDirVolume,
  hostPathVolume,
  localClassYaml,
  localSource,
  podYaml,
  pvcYaml,
  pvYaml,
  statefulSetYaml,
  workloadYaml,
} from '../../helpers/manifests.ts';
import { cells, eventsFrom, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const nodeRow = (sim: SimDriver, node: string) =>
  cells(run(sim, 'kubectl get nodes')).find((r) => r[0] === node);
const webPods = (sim: SimDriver) => sim.pods().filter((p) => p.metadata.labels?.app === 'web');

describe('N. Nodes: cordon, drain, failure, deletion', () => {
  it('N1: cordon marks the node unschedulable, keeps its pods, and uncordon reverts it', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('stay', { node: 'node-1' }));
    expect(run(sim, 'kubectl cordon node-1')).toBe('node/node-1 cordoned\n');
    const node = sim.state.objects.Node['node-1'];
    expect(node?.spec.unschedulable).toBe(true);
    expect(node?.spec.taints).toContainEqual({
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    expect(nodeRow(sim, 'node-1')?.[1]).toBe('Ready,SchedulingDisabled');
    expect(podStatus(sim, 'stay')).toBe('Running');
    expect(run(sim, 'kubectl cordon node-1')).toBe('node/node-1 already cordoned\n');

    apply(sim, podYaml('new', { node: 'node-1' }));
    expect(podStatus(sim, 'new')).toBe('Pending');
    expect(eventsFrom(sim, 'new').at(-1)).toContain('1 node(s) were unschedulable');

    expect(run(sim, 'kubectl uncordon node-1')).toBe('node/node-1 uncordoned\n');
    expect(sim.state.objects.Node['node-1']?.spec.unschedulable).toBeUndefined();
    expect(sim.state.objects.Node['node-1']?.spec.taints).toBeUndefined();
    expect(nodeRow(sim, 'node-1')?.[1]).toBe('Ready');
    expect(podStatus(sim, 'new')).toBe('Running');
  });

  it('N2: drain refuses unmanaged pods without --force and leaves the node cordoned', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('bare', { node: 'node-1' }));
    const result = sim.run('kubectl drain node-1');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('node/node-1 cordoned\n');
    expect(result.stderr).toContain(
      'cannot delete Pods that declare no controller (use --force to override): default/bare',
    );
    expect(result.stderr).toContain('There are pending nodes to be drained:\n node-1\n');
    expect(sim.state.objects.Node['node-1']?.spec.unschedulable).toBe(true);
    expect(podStatus(sim, 'bare')).toBe('Running');
  });

  it('N2: drain refuses emptyDir pods without --delete-emptydir-data', () => {
    const sim = new SimDriver();
    apply(sim, workloadYaml('ReplicaSet', 'web', 1, { ...emptyDirVolume(), node: 'node-1' }));
    const name = webPods(sim)[0]?.metadata.name;
    const result = sim.run('kubectl drain node-1');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${name}`,
    );
    expect(sim.pod(name ?? '')?.metadata.deletionTimestamp).toBeUndefined();
    expect(sim.state.objects.Node['node-1']?.spec.unschedulable).toBe(true);
  });

  it('N2: drain with the flags evicts everything: bare pods are gone for good, managed ones replaced', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('bare', { node: 'node-1' }));
    apply(sim, workloadYaml('Deployment', 'web', 1, emptyDirVolume()));
    const managed = webPods(sim)[0];
    // Put the managed pod on node-1 too (its emptyDir holds data that the drain will lose).
    if (managed?.spec.nodeName !== 'node-1') run(sim, `sim move ${managed?.metadata.name} --to node-1`);
    const victim = webPods(sim).find((p) => p.spec.nodeName === 'node-1');
    sim.sh(victim?.metadata.name ?? '', 'echo scratch > /data/f');
    const result = sim.run('kubectl drain node-1 --force --delete-emptydir-data --ignore-daemonsets');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(
      /^Warning: deleting Pods that declare no controller: default\/bare; deleting Pods with local storage: default\/web-[\w-]+\n$/,
    );
    expect(result.stdout).toContain('evicting pod default/bare\n');
    expect(result.stdout).toContain(`pod/${victim?.metadata.name} evicted\n`);
    expect(result.stdout.endsWith('node/node-1 drained\n')).toBe(true);
    expect(sim.pod('bare')).toBeUndefined();
    const replacement = webPods(sim);
    expect(replacement).toHaveLength(1);
    expect(replacement[0]?.metadata.name).not.toBe(victim?.metadata.name);
    expect(replacement[0]?.spec.nodeName).not.toBe('node-1');
    expect(sim.ls(replacement[0]?.metadata.name ?? '', '/data')).toEqual([]);
  });

  it('N3: pods on an unreachable node are marked for deletion after 300 s', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web', { node: 'node-1' }));
    run(sim, 'sim node fail node-1');
    const node = sim.state.objects.Node['node-1'];
    expect(node?.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
    expect(nodeRow(sim, 'node-1')?.[1]).toBe('NotReady');
    expect(node?.spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(sim.pod('web')?.spec.tolerations).toContainEqual({
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    });
    run(sim, 'sim advance 299s');
    expect(sim.pod('web')?.metadata.deletionTimestamp).toBeUndefined();
    expect(podStatus(sim, 'web')).toBe('Running');
    run(sim, 'sim advance 1s');
    expect(sim.pod('web')?.metadata.deletionTimestamp).toBe('2026-01-05T09:05:00Z');
    expect(eventsFrom(sim, 'web')).toContain(
      'taint-eviction-controller: Normal TaintManagerEviction: Marking for deletion Pod default/web',
    );
    // Nobody can confirm: the pod stays Terminating for as long as the node is gone.
    run(sim, 'sim advance 1h');
    expect(podStatus(sim, 'web')).toBe('Terminating');
    run(sim, 'sim node recover node-1');
    expect(sim.pod('web')).toBeUndefined();
    expect(nodeRow(sim, 'node-1')?.[1]).toBe('Ready');
  });

  it('N4: after the eviction a Deployment replaces its pods elsewhere; a StatefulSet waits', () => {
    const sim = new SimDriver();
    apply(
      sim,
      workloadYaml('Deployment', 'web', 1, {
        ...hostPathVolume('/srv/web', { type: 'DirectoryOrCreate' }),
        node: 'node-1',
      }),
    );
    run(
      sim,
      `kubectl patch deploy web --type merge -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'`,
    );
    apply(sim, statefulSetYaml('db', { replicas: 1, node: 'node-1' }));
    const old = webPods(sim).find((p) => p.spec.nodeName === 'node-1');
    sim.sh(old?.metadata.name ?? '', 'echo on-node-1 > /data/f');
    run(sim, 'sim node fail node-1');
    run(sim, 'sim advance 5m');
    const fresh = webPods(sim).filter((p) => !p.metadata.deletionTimestamp);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.spec.nodeName).not.toBe('node-1');
    expect(sim.ls(fresh[0]?.metadata.name ?? '', '/data')).toEqual([]); // node-1's hostPath data is not there
    expect(podStatus(sim, 'db-0')).toBe('Terminating');
    expect(sim.pods().filter((p) => p.metadata.name === 'db-0')).toHaveLength(1);
  });

  it('N4: an RWO disk can attach elsewhere only after the 6-minute force-detach (Multi-Attach meanwhile)', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    apply(sim, workloadYaml('ReplicaSet', 'web', 1, { ...claimVolume('data'), node: 'node-1' }));
    run(sim, `kubectl patch rs web --type merge -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'`);
    const old = webPods(sim)[0];
    run(sim, 'sim node fail node-1');
    run(sim, 'sim advance 5m');
    const fresh = webPods(sim).find((p) => p !== old && !p.metadata.deletionTimestamp);
    expect(fresh).toBeDefined();
    expect(podStatus(sim, fresh?.metadata.name ?? '')).toBe('ContainerCreating');
    expect(eventsFrom(sim, fresh?.metadata.name).join('\n')).toContain(
      `Multi-Attach error for volume "${sim.pvc('data')?.spec.volumeName}" Volume is already used by pod(s) ${old?.metadata.name}`,
    );
    run(sim, 'sim advance 6m');
    expect(podStatus(sim, fresh?.metadata.name ?? '')).toBe('Running');
  });

  it('N4: a local-PV pod cannot be replaced elsewhere: Pending with a volume node affinity conflict', () => {
    const sim = new SimDriver();
    apply(sim, localClassYaml('local'));
    apply(
      sim,
      pvYaml('local-1', {
        storageClassName: 'local',
        policy: 'Retain',
        node: 'node-1',
        source: localSource('/mnt/disks/local-1'),
      }),
    );
    makeNodeDir(sim, 'node-1', '/mnt/disks/local-1');
    apply(sim, pvcYaml('data', { storageClassName: 'local' }));
    apply(sim, workloadYaml('ReplicaSet', 'web', 1, claimVolume('data')));
    expect(webPods(sim)[0]?.spec.nodeName).toBe('node-1');
    run(sim, 'sim node fail node-1');
    run(sim, 'sim advance 5m');
    const fresh = webPods(sim).find((p) => !p.metadata.deletionTimestamp);
    expect(podStatus(sim, fresh?.metadata.name ?? '')).toBe('Pending');
    expect(eventsFrom(sim, fresh?.metadata.name).at(-1)).toContain(
      'node(s) had volume node affinity conflict',
    );
  });

  it('N5: deleting the Node object garbage-collects its pods; controllers recreate them', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('bare', { node: 'node-2' }));
    apply(sim, workloadYaml('ReplicaSet', 'web', 1, { node: 'node-2' }));
    run(sim, `kubectl patch rs web --type merge -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'`);
    const old = webPods(sim)[0];
    run(sim, 'sim node fail node-2');
    expect(run(sim, 'sim node delete node-2')).toBe('node "node-2" deleted\n');
    expect(sim.state.objects.Node['node-2']).toBeUndefined();
    expect(sim.pod('bare')).toBeUndefined();
    expect(sim.pod(old?.metadata.name ?? '')).toBeUndefined();
    const fresh = webPods(sim);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.spec.nodeName).toMatch(/^node-[13]$/);
  });

  it('N6: a pod tolerating unreachable without tolerationSeconds (as DaemonSet pods do) is never evicted', () => {
    const sim = new SimDriver();
    const tolerations = [
      '  - key: node.kubernetes.io/unreachable',
      '    operator: Exists',
      '    effect: NoExecute',
      '  - key: node.kubernetes.io/not-ready',
      '    operator: Exists',
      '    effect: NoExecute',
    ].join('\n');
    apply(sim, podYaml('agent', { node: 'node-3', tolerations }));
    apply(sim, podYaml('plain', { node: 'node-3' }));
    run(sim, 'sim node fail node-3');
    run(sim, 'sim advance 2h');
    expect(sim.pod('agent')?.metadata.deletionTimestamp).toBeUndefined();
    expect(sim.pod('plain')?.metadata.deletionTimestamp).toBeDefined();
    expect(eventsFrom(sim, 'agent').some((e) => e.includes('TaintManagerEviction'))).toBe(false);
  });
});
