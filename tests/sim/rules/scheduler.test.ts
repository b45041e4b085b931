import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/sim/api/api-server.ts';
import type { PersistentVolumeClaim, Pod } from '../../../src/sim/api/types.ts';
import { annSelectedNode } from '../../../src/sim/api/volume-helpers.ts';
import { volumeFilter } from '../../../src/sim/controllers/scheduler/volume-binding.ts';
import type { ClusterState } from '../../../src/sim/state.ts';
import { makeNodeDir, write } from '../../helpers/cluster.ts';
import {
  claimPodYaml,
  claimVolume,
  localClassYaml,
  localSource,
  nfsSource,
  podYaml,
  pvcYaml,
  pvYaml,
  volume,
  withVolumes,
} from '../../helpers/manifests.ts';
import { controlPlaneTaint, eventsOf, failedScheduling, podRow, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Spec section L: the scheduler's and the kubelet's volume rules. */

/**
 * The scheduler's per-node VolumeBinding Filter for a pod using claim `data`, on a hand-made moment
 * of the cluster: for states that reconciliation never leaves standing long enough to see.
 */
function filterAt(state: ClusterState, node: string) {
  const api = new ApiServer(state);
  const pod = {
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
  } as unknown as Pod;
  const found = api.get('Node', node);
  if (!found) throw new Error(`no node ${node}`);
  return volumeFilter(api, pod, found);
}

/** A WaitForFirstConsumer class of the driver that tracks storage capacity (CSIDriver storageCapacity). */
const poolClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: pool
provisioner: pool.csi.volumelab.dev
volumeBindingMode: WaitForFirstConsumer
`;

/** A CSIStorageCapacity for class `pool` (unless CLASS), reaching NODE by hostname (none if undefined). */
function capacityYaml(name: string, node: string | undefined, sizes: string, className = 'pool'): string {
  const topology = node ? `nodeTopology:\n  matchLabels:\n    kubernetes.io/hostname: ${node}\n` : '';
  return `apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacity
metadata:
  name: ${name}
storageClassName: ${className}
${topology}${sizes}
`;
}

/** A pod NAME mounting the inline cloud disk SOURCE (YAML lines under the volume) at /data. */
function diskPod(name: string, node: string | undefined, source: string): string {
  return podYaml(name, { ...volume('disk', source, '/data'), node });
}
const gceDisk = (pdName: string, readOnly = false) =>
  `    gcePersistentDisk:\n      pdName: ${pdName}${readOnly ? '\n      readOnly: true' : ''}`;
const ebsDisk = (volumeID: string, readOnly = false) =>
  `    awsElasticBlockStore:\n      volumeID: ${volumeID}${readOnly ? '\n      readOnly: true' : ''}`;

/** The reasons of a pod's PodScheduled condition, as the scheduler last gave them. */
function filterReasons(sim: SimDriver, pod: string): string | undefined {
  return sim.pod(pod)?.status.conditions?.find((c) => c.type === 'PodScheduled')?.message;
}

function localCluster(...pvs: Array<[name: string, node: string, size?: string]>): SimDriver {
  const sim = new SimDriver();
  sim.apply(localClassYaml('local-storage'));
  for (const [name, node, size] of pvs) {
    makeNodeDir(sim, node, `/mnt/disks/${name}`);
    sim.apply(
      pvYaml(name, {
        size: size ?? '5Gi',
        storageClassName: 'local-storage',
        node,
        source: localSource(`/mnt/disks/${name}`),
      }),
    );
  }
  return sim;
}

describe('L2–L8. Per-node volume reasons, messages and the kubelet side', () => {
  it('L2: a bound volume whose node affinity excludes a node: node(s) had volume node affinity conflict', () => {
    const sim = localCluster(['local-1', 'node-1']);
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('first', 'data'));
    sim.run('kubectl delete pod first');
    sim.run('kubectl cordon node-1');
    sim.apply(claimPodYaml('web', 'data'));
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling(
        `${controlPlaneTaint}, 1 node(s) were unschedulable, 2 node(s) had volume node affinity conflict.`,
      ),
    ]);
  });

  it("L2: no matching volume and no provisioning: node(s) didn't find available persistent volumes to bind", () => {
    const sim = localCluster(['local-1', 'node-1', '1Gi']);
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage', size: '2Gi' }));
    sim.apply(claimPodYaml('web', 'data'));
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling(`${controlPlaneTaint}, 3 node(s) didn't find available persistent volumes to bind.`),
    ]);
  });

  it('L2: not enough capacity for a new volume: node(s) did not have enough free storage', () => {
    const sim = new SimDriver();
    sim.apply(poolClass);
    sim.apply(pvcYaml('data', { storageClassName: 'pool', size: '5Gi' }));
    sim.apply(claimPodYaml('web', 'data'));
    // The driver tracks capacity and has published none: upstream then finds room on no node
    // (binder.go hasEnoughCapacity), so the claim is never handed to the provisioner.
    const noRoom = failedScheduling(`${controlPlaneTaint}, 3 node(s) did not have enough free storage.`);
    expect(eventsOf(sim, 'pod/web')).toEqual([noRoom]);
    // Too small; maximumVolumeSize is preferred to capacity; for another class; no nodeTopology
    // reaches no node.
    sim.apply(capacityYaml('node-1', 'node-1', 'capacity: 4Gi'));
    sim.apply(capacityYaml('node-2', 'node-2', 'capacity: 100Gi\nmaximumVolumeSize: 4Gi'));
    sim.apply(capacityYaml('node-3-standard', 'node-3', 'capacity: 100Gi', 'standard'));
    sim.apply(capacityYaml('nowhere', undefined, 'capacity: 100Gi'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(sim.pvc('data')?.metadata.annotations?.[annSelectedNode]).toBeUndefined();
    expect(eventsOf(sim, 'pod/web')).toEqual([noRoom]);
    expect(filterAt(sim.state, 'node-2')).toBe('node(s) did not have enough free storage');
    // Exactly the requested size is enough.
    sim.apply(capacityYaml('node-3', 'node-3', 'capacity: 5Gi'));
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-3' });
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
    expect(sim.pv(sim.pvc('data')?.spec.volumeName ?? '')?.spec.csi?.driver).toBe('pool.csi.volumelab.dev');
  });

  it('L2: capacity is checked only for drivers that track it, and only for claims with a size', () => {
    const sim = new SimDriver();
    // `standard` (disk.csi.volumelab.dev) does not track capacity: even a published zero is ignored.
    sim.apply(capacityYaml('zero', 'node-1', 'capacity: "0"', 'standard'));
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('web', 'data'));
    expect(podStatus(sim, 'web')).toBe('Running');
    // A claim without a storage request has no size to check (the API server requires one, so
    // only the scheduler's own view shows this).
    sim.apply(poolClass);
    const sizeless: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default', uid: 'u1', creationTimestamp: '' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'pool' },
      status: { phase: 'Pending' },
    };
    const moment = {
      ...sim.state,
      objects: { ...sim.state.objects, PersistentVolumeClaim: { 'default/data': sizeless } },
    };
    expect(filterAt(moment, 'node-1')).toEqual({ bindings: [{ pvc: sizeless }] });
    // An empty nodeTopology selects every node.
    sim.apply(capacityYaml('everywhere', undefined, 'nodeTopology: {}\ncapacity: 1Gi'));
    sim.apply(pvcYaml('pooled', { storageClassName: 'pool' }));
    sim.apply(claimPodYaml('pooled', 'pooled', { node: 'node-2' }));
    expect(podRow(sim, 'pooled')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
  });

  it('L2: a bound claim whose volume does not exist: node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)', () => {
    // The PV controller marks such a claim Lost in the same round (L1), so a learner only ever sees
    // the PreFilter reason; the per-node Filter still answers this way for the instant in between.
    const sim = new SimDriver();
    sim.apply(
      `${pvYaml('gone', { source: nfsSource('/exports/gone') })}---\n${pvcYaml('data', { storageClassName: '' })}`,
    );
    const moment = { ...sim.state, objects: { ...sim.state.objects, PersistentVolume: {} } };
    expect(filterAt(moment, 'node-1')).toBe(
      'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)',
    );
  });

  it('L3: unbound claims of one pod get distinct volumes, the smallest request choosing first', () => {
    const sim = localCluster(['pv-4', 'node-1', '4Gi'], ['pv-10', 'node-1', '10Gi']);
    sim.apply(
      `${pvcYaml('a', { storageClassName: 'local-storage', size: '4Gi' })}---\n${pvcYaml('b', { storageClassName: 'local-storage', size: '1Gi' })}`,
    );
    sim.apply(
      podYaml(
        'web',
        withVolumes(
          claimVolume('a', { name: 'a', mountPath: '/a' }),
          claimVolume('b', { name: 'b', mountPath: '/b' }),
        ),
      ),
    );
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(sim.pvc('b')?.spec.volumeName).toBe('pv-4');
    expect(sim.pvc('a')?.spec.volumeName).toBe('pv-10');
  });

  it('L3: a volume pre-bound to the claim but not on the node gives no match there (no other volume taken)', () => {
    const sim = localCluster(['local-1', 'node-1'], ['local-2', 'node-2']);
    sim.run(
      `kubectl patch pv local-1 --type merge -p '{"spec":{"claimRef":{"namespace":"default","name":"data"}}}'`,
    );
    // The scheduler's view while the claim is still unbound (FindMatchingVolume with a node).
    const unbound: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default', uid: 'u1', creationTimestamp: '' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: 'local-storage',
        resources: { requests: { storage: '1Gi' } },
      },
      status: { phase: 'Pending' },
    };
    const moment = {
      ...sim.state,
      objects: { ...sim.state.objects, PersistentVolumeClaim: { 'default/data': unbound } },
    };
    expect(filterAt(moment, 'node-2')).toBe("node(s) didn't find available persistent volumes to bind");
    expect(filterAt(moment, 'node-1')).toMatchObject({
      bindings: [{ pv: { metadata: { name: 'local-1' } } }],
    });
    // What a learner sees: the PV controller binds a pre-bound claim at once, even WaitForFirstConsumer,
    // so a pod sent elsewhere meets the bound volume's node affinity.
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    expect(sim.pvc('data')?.spec.volumeName).toBe('local-1');
    sim.apply(claimPodYaml('web', 'data', { node: 'node-2' }));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling(
        `${controlPlaneTaint}, 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector.`,
      ),
    ]);
    expect(sim.pv('local-2')?.status.phase).toBe('Available');
  });

  it('L4: a ReadWriteOncePod claim held by a scheduled pod, even one being deleted, rejects every node', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('solo', { modes: 'ReadWriteOncePod' }));
    sim.apply(claimPodYaml('first', 'solo', { node: 'node-1' }));
    sim.run('sim node fail node-1');
    sim.run('kubectl delete pod first --wait=false');
    expect(podStatus(sim, 'first')).toBe('Terminating');
    sim.apply(claimPodYaml('web', 'solo'));
    expect(eventsOf(sim, 'pod/web').at(-1)).toBe(
      failedScheduling(
        `${controlPlaneTaint}, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode.`,
      ),
    );
  });

  it('L4: legacy inline disks in use on a node: node(s) had no available disk', () => {
    const sim = new SimDriver();
    const held = 'metadata:\n  name: first\n  finalizers: [example.com/keep]\n';
    sim.apply(diskPod('first', 'node-1', gceDisk('data-disk')).replace('metadata:\n  name: first\n', held));
    sim.apply(diskPod('second', 'node-1', gceDisk('data-disk')));
    expect(podRow(sim, 'first')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(podStatus(sim, 'second')).toBe('Pending');
    // VolumeRestrictions runs after TaintToleration and NodeAffinity, so each node gives its first reason.
    expect(eventsOf(sim, 'pod/second')).toEqual([
      failedScheduling(
        `1 node(s) had no available disk, ${controlPlaneTaint}, 2 node(s) didn't match Pod's node affinity/selector.`,
      ),
    ]);
    // A Terminating pod still holds the disk (the scheduler's cache keeps it until it is gone).
    sim.run('kubectl delete pod first --wait=false');
    expect(podStatus(sim, 'first')).toBe('Terminating');
    expect(podStatus(sim, 'second')).toBe('Pending');
    expect(filterReasons(sim, 'second')).toContain('1 node(s) had no available disk');
    sim.run(`kubectl patch pod first --type merge -p '{"metadata":{"finalizers":null}}'`);
    expect(sim.pod('first')).toBeUndefined();
    expect(podRow(sim, 'second')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
  });

  it('L4: a GCE disk may be shared on a node when every pod mounts it read-only; an EBS volume never', () => {
    const sim = new SimDriver();
    sim.apply(diskPod('ro-1', 'node-2', gceDisk('shared', true)));
    sim.apply(diskPod('ro-2', 'node-2', gceDisk('shared', true)));
    expect(podRow(sim, 'ro-2')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    sim.apply(diskPod('rw', 'node-2', gceDisk('shared')));
    expect(podStatus(sim, 'rw')).toBe('Pending');
    // Another disk name, or the same name on another node, is no conflict for the scheduler (attaching
    // a disk to a second node is the cloud's business, not this plugin's).
    sim.apply(diskPod('other', 'node-2', gceDisk('other-disk')));
    sim.apply(diskPod('elsewhere', 'node-3', gceDisk('shared')));
    expect(sim.pod('other')?.spec.nodeName).toBe('node-2');
    expect(sim.pod('elsewhere')?.spec.nodeName).toBe('node-3');
    sim.apply(diskPod('ebs-1', 'node-3', ebsDisk('vol-0abc', true)));
    sim.apply(diskPod('ebs-2', 'node-3', ebsDisk('vol-0abc', true)));
    expect(podStatus(sim, 'ebs-1')).toBe('Running');
    expect(eventsOf(sim, 'pod/ebs-2')).toEqual([
      failedScheduling(
        `1 node(s) had no available disk, ${controlPlaneTaint}, 2 node(s) didn't match Pod's node affinity/selector.`,
      ),
    ]);
  });

  it('L5: cordoned and unreachable nodes give their own reasons', () => {
    const sim = new SimDriver();
    sim.run('kubectl cordon node-1');
    sim.run('kubectl cordon node-2');
    sim.run('sim node fail node-3');
    sim.apply(podYaml('web'));
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling(
        `${controlPlaneTaint}, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) were unschedulable.`,
      ),
    ]);
    sim.run('kubectl uncordon node-2');
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
  });

  it('L6: FailedScheduling lists counts per reason, sorted; success is a Scheduled event', () => {
    const sim = localCluster(['local-1', 'node-1']);
    sim.run('sim node add node-4');
    sim.run('kubectl cordon node-2');
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('web', 'data', { extraSpec: '  nodeSelector:\n    disk: ssd' }));
    expect(eventsOf(sim, 'pod/web')).toEqual([
      failedScheduling(
        `${controlPlaneTaint}, 1 node(s) were unschedulable, 3 node(s) didn't match Pod's node affinity/selector.`,
        5,
      ),
    ]);
    expect(sim.pod('web')?.status.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
    });
    sim.run('kubectl label node node-1 disk=ssd');
    expect(eventsOf(sim, 'pod/web')).toContain(
      'Normal Scheduled: Successfully assigned default/web to node-1',
    );
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
  });

  it('L7: a pod forced with nodeName onto the wrong node fails the kubelet node affinity check', () => {
    const sim = localCluster(['local-1', 'node-1']);
    sim.apply(pvcYaml('data', { storageClassName: '', volumeName: 'local-1' }));
    sim.run(`kubectl patch pv local-1 --type merge -p '{"spec":{"storageClassName":""}}'`);
    expect(sim.pvc('data')?.status.phase).toBe('Bound');
    sim.apply(claimPodYaml('web', 'data', { nodeName: 'node-2' }));
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'ContainerCreating', NODE: 'node-2' });
    expect(eventsOf(sim, 'pod/web')).toEqual([
      'Warning FailedMount: MountVolume.NodeAffinity check failed for volume "local-1" : no matching NodeSelectorTerms',
    ]);
  });

  it('L8: a disk attached to a lost node is force-detached 6 minutes after its pod went away', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('old', 'data', { node: 'node-1' }));
    write(sim, 'old', '/data/f', 'survives');
    const pv = sim.pvc('data')?.spec.volumeName ?? '';
    sim.run('sim node fail node-1');
    sim.run('kubectl delete pod old --force --grace-period=0');
    sim.apply(claimPodYaml('web', 'data', { node: 'node-2' }));
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'ContainerCreating', NODE: 'node-2' });
    expect(eventsOf(sim, 'pod/web')).toContain(
      `Warning FailedAttachVolume: Multi-Attach error for volume "${pv}" Volume is already exclusively attached to one node and can't be attached to another`,
    );
    sim.run('sim advance 5m59s');
    expect(podStatus(sim, 'web')).toBe('ContainerCreating');
    sim.run('sim advance 1s');
    expect(podStatus(sim, 'web')).toBe('Running');
    expect(sim.sh('web', 'cat /data/f')).toBe('survives\n');
  });

  it('L8: the out-of-service taint on a lost node detaches its volumes at once', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('old', 'data', { node: 'node-1' }));
    sim.run('sim node fail node-1');
    sim.run('kubectl delete pod old --force --grace-period=0');
    sim.apply(claimPodYaml('web', 'data', { node: 'node-2' }));
    expect(podStatus(sim, 'web')).toBe('ContainerCreating');
    const taint = '{"key":"node.kubernetes.io/out-of-service","value":"nodeshutdown","effect":"NoExecute"}';
    sim.run(`kubectl patch node node-1 --type merge -p '{"spec":{"taints":[${taint}]}}'`);
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
  });
});
