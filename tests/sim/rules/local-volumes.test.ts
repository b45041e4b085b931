import { describe, expect, it } from 'vitest';
import { makeNodeDir, write } from '../../helpers/cluster.ts';
import {
  claimPodYaml,
  localClassYaml,
  localSource,
  pvcYaml,
  pvYaml,
  scYaml,
} from '../../helpers/manifests.ts';
import {
  controlPlaneTaint,
  eventsOf,
  nodeFile,
  noPreemption,
  parseTable,
  podRow,
  podStatus,
  row,
} from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Spec section D: `local` PersistentVolumes. */

/** A cluster with class local-storage and a local PV `local-N` on each NODE (directory made first). */
function localCluster(...nodes: string[]): SimDriver {
  const sim = new SimDriver();
  sim.apply(localClassYaml('local-storage'));
  for (const node of nodes) {
    const n = node.slice(-1);
    makeNodeDir(sim, node, `/mnt/disks/vol${n}`);
    sim.apply(
      pvYaml(`local-${n}`, {
        size: '5Gi',
        storageClassName: 'local-storage',
        node,
        source: localSource(`/mnt/disks/vol${n}`),
      }),
    );
  }
  return sim;
}

describe('D. local volumes', () => {
  it('D1: a local PersistentVolume without nodeAffinity is refused', () => {
    const sim = new SimDriver();
    const manifest = pvYaml('bad', {
      size: '5Gi',
      storageClassName: 'local-storage',
      source: localSource('/mnt/disks/vol1'),
    });
    const result = sim.apply(manifest);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'The PersistentVolume "bad" is invalid: spec.nodeAffinity: Required value: Local volume requires node affinity\n',
    );
    expect(sim.pv('bad')).toBeUndefined();
  });

  it("D1: the scheduler places a local volume's pod on the volume's node", () => {
    const sim = localCluster('node-3');
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('db', 'data'));
    expect(podRow(sim, 'db')).toMatchObject({ STATUS: 'Running', NODE: 'node-3' });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'local-3', CAPACITY: '5Gi' });
    write(sim, 'db', '/data/f', 'on-node-3');
    expect(nodeFile(sim, 'node-3', '/mnt/disks/vol3/f')).toBe('on-node-3\n');
  });

  it('D1: local volumes are never provisioned dynamically: without a PV the pod stays Pending', () => {
    const sim = localCluster();
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('db', 'data'));
    expect(podStatus(sim, 'db')).toBe('Pending');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(sim.state.objects.PersistentVolume).toEqual({});
    expect(eventsOf(sim, 'pod/db')).toContain(
      `Warning FailedScheduling: 0/4 nodes are available: ${controlPlaneTaint}, 3 node(s) didn't find available persistent volumes to bind. ${noPreemption(4)}`,
    );
  });

  it('D2: when the node of a local volume fails, its pod cannot run anywhere else', () => {
    const sim = localCluster('node-1');
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('db', 'data'));
    write(sim, 'db', '/data/f', 'stuck');
    sim.run('sim node fail node-1');
    sim.run('sim advance 5m');
    expect(podStatus(sim, 'db')).toBe('Terminating');
    sim.run('kubectl delete pod db --force --grace-period=0');
    sim.apply(claimPodYaml('db', 'data'));
    expect(podStatus(sim, 'db')).toBe('Pending');
    expect(eventsOf(sim, 'pod/db').at(-1)).toBe(
      `Warning FailedScheduling: 0/4 nodes are available: ${controlPlaneTaint}, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) had volume node affinity conflict. ${noPreemption(4)}`,
    );
    expect(nodeFile(sim, 'node-1', '/mnt/disks/vol1/f')).toBe('stuck\n');
    sim.run('sim node recover node-1');
    expect(podRow(sim, 'db')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(sim.sh('db', 'cat /data/f')).toBe('stuck\n');
  });

  it('D3: with no-provisioner and WaitForFirstConsumer the claim waits, then binds on the pod’s node', () => {
    const sim = localCluster('node-1', 'node-2');
    expect(parseTable(sim.run('kubectl get sc local-storage').stdout)[0]).toMatchObject({
      PROVISIONER: 'kubernetes.io/no-provisioner',
      VOLUMEBINDINGMODE: 'WaitForFirstConsumer',
    });
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(eventsOf(sim, 'persistentvolumeclaim/data')).toEqual([
      'Normal WaitForFirstConsumer: waiting for first consumer to be created before binding',
    ]);
    sim.apply(claimPodYaml('db', 'data', { node: 'node-2' }));
    expect(podRow(sim, 'db')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'local-2' });
    expect(row(sim, 'pv', 'local-1').STATUS).toBe('Available');
  });

  it('D3: with Immediate binding the claim may bind a volume on a node the pod cannot use', () => {
    const sim = new SimDriver();
    sim.apply(scYaml('local-now', { provisioner: 'kubernetes.io/no-provisioner', bindingMode: 'Immediate' }));
    for (const node of ['node-1', 'node-2']) {
      const n = node.slice(-1);
      makeNodeDir(sim, node, `/mnt/disks/vol${n}`);
      sim.apply(
        pvYaml(`local-${n}`, {
          size: '5Gi',
          storageClassName: 'local-now',
          node,
          source: localSource(`/mnt/disks/vol${n}`),
        }),
      );
    }
    sim.apply(pvcYaml('data', { storageClassName: 'local-now' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'local-1' });
    sim.apply(claimPodYaml('db', 'data', { node: 'node-2' }));
    expect(podStatus(sim, 'db')).toBe('Pending');
    expect(eventsOf(sim, 'pod/db').at(-1)).toBe(
      `Warning FailedScheduling: 0/4 nodes are available: ${controlPlaneTaint}, 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector. ${noPreemption(4)}`,
    );
  });

  it('D4: a released local volume keeps its files until an administrator cleans it up', () => {
    const sim = localCluster('node-1');
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('db', 'data'));
    write(sim, 'db', '/data/f', 'old-data');
    sim.run('kubectl delete pod db');
    sim.run('kubectl delete pvc data');
    expect(row(sim, 'pv', 'local-1')).toMatchObject({
      'RECLAIM POLICY': 'Retain',
      STATUS: 'Released',
      CLAIM: 'default/data',
    });
    expect(nodeFile(sim, 'node-1', '/mnt/disks/vol1/f')).toBe('old-data\n');
    // A new claim, even with the same name, cannot take a Released volume.
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('db', 'data'));
    expect(podStatus(sim, 'db')).toBe('Pending');
    // The administrator makes it Available again; the old files are still there.
    sim.run(`kubectl patch pv local-1 --type merge -p '{"spec":{"claimRef":null}}'`);
    expect(podRow(sim, 'db')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(sim.sh('db', 'cat /data/f')).toBe('old-data\n');
  });
});
