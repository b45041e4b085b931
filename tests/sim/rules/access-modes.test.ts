import { describe, expect, it } from 'vitest';
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

/** Spec section I: access modes, what they mean and what really enforces them. */

const nfsClass = scYaml('nfs', { provisioner: 'nfs.csi.k8s.io' });

/** A static in-tree NFS PersistentVolume with these access modes (no class). */
const nfsPv = (name: string, modes: string) =>
  pvYaml(name, { size: '5Gi', modes, source: nfsSource(`/exports/${name}`) });

describe('I. Access modes', () => {
  it('I1: ReadWriteOnce lets several pods on the same node use the volume together', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('a', 'data', { node: 'node-1' }));
    sim.apply(claimPodYaml('b', 'data', { node: 'node-1' }));
    expect(podRow(sim, 'a')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(podRow(sim, 'b')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    write(sim, 'a', '/data/from-a', 'a');
    write(sim, 'b', '/data/from-b', 'b');
    expect(sim.ls('a', '/data')).toEqual(['from-a', 'from-b']);
    expect(row(sim, 'pvc', 'data')['ACCESS MODES']).toBe('RWO');
  });

  it('I1: ReadWriteMany lets pods on different nodes read and write the same files', () => {
    const sim = new SimDriver();
    sim.apply(nfsClass);
    sim.apply(pvcYaml('shared', { modes: 'ReadWriteMany', storageClassName: 'nfs' }));
    for (const [pod, node] of [
      ['a', 'node-1'],
      ['b', 'node-2'],
      ['c', 'node-3'],
    ] as const) {
      sim.apply(podYaml(pod, { ...claimVolume('shared', { mountPath: '/shared' }), node }));
      expect(podRow(sim, pod)).toMatchObject({ STATUS: 'Running', NODE: node });
    }
    write(sim, 'a', '/shared/note', 'from-node-1');
    write(sim, 'c', '/shared/other', 'from-node-3');
    expect(sim.sh('b', 'cat /shared/note /shared/other')).toBe('from-node-1\nfrom-node-3\n');
    expect(row(sim, 'pvc', 'shared')['ACCESS MODES']).toBe('RWX');
  });

  it('I1: modes print abbreviated in the fixed order RWO,ROX,RWX,RWOP', () => {
    const sim = new SimDriver();
    sim.apply(nfsPv('multi', 'ReadWriteMany, ReadOnlyMany, ReadWriteOnce'));
    const multi = parseTable(sim.run('kubectl get pv multi').stdout)[0];
    expect(multi?.['ACCESS MODES']).toBe('RWO,ROX,RWX');
  });

  it('I2: access modes only match claims to volumes: a ReadOnlyMany volume is still writable when mounted', () => {
    const sim = new SimDriver();
    sim.apply(
      `${nfsPv('archive', 'ReadOnlyMany')}---\n${pvcYaml('archive', { modes: 'ReadOnlyMany', storageClassName: '' })}`,
    );
    sim.apply(podYaml('a', { ...claimVolume('archive', { mountPath: '/archive' }), node: 'node-1' }));
    sim.apply(podYaml('b', { ...claimVolume('archive', { mountPath: '/archive' }), node: 'node-2' }));
    expect(row(sim, 'pvc', 'archive')).toMatchObject({ STATUS: 'Bound', 'ACCESS MODES': 'ROX' });
    write(sim, 'a', '/archive/written', 'not-protected');
    expect(sim.sh('b', 'cat /archive/written')).toBe('not-protected\n');
    // Only the pod's own readOnly flag protects the files.
    sim.apply(
      podYaml('c', { ...claimVolume('archive', { mountPath: '/archive', readOnly: true }), node: 'node-3' }),
    );
    const denied = sim.run('kubectl exec c -- sh -c "echo x > /archive/more"');
    expect(denied.exitCode).not.toBe(0);
    expect(denied.stderr).toContain('Read-only file system');
  });

  it('I3: a claim binds only a volume whose access modes include every mode it requests', () => {
    const sim = new SimDriver();
    sim.apply(nfsPv('only-rwo', 'ReadWriteOnce'));
    sim.apply(pvcYaml('wants-rwx', { modes: 'ReadWriteMany', storageClassName: '' }));
    expect(row(sim, 'pvc', 'wants-rwx').STATUS).toBe('Pending');
    expect(eventsOf(sim, 'persistentvolumeclaim/wants-rwx')).toContain(
      'Normal FailedBinding: no persistent volumes available for this claim and no storage class is set',
    );
    sim.apply(nfsPv('rwo-rwx', 'ReadWriteOnce, ReadWriteMany'));
    expect(row(sim, 'pvc', 'wants-rwx')).toMatchObject({
      STATUS: 'Bound',
      VOLUME: 'rwo-rwx',
      'ACCESS MODES': 'RWO,RWX',
    });
    expect(sim.pv('only-rwo')?.status.phase).toBe('Available');
  });

  it('I4: a second pod using a ReadWriteOncePod claim is unschedulable', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('solo', { modes: 'ReadWriteOncePod' }));
    sim.apply(claimPodYaml('first', 'solo'));
    expect(podStatus(sim, 'first')).toBe('Running');
    sim.apply(claimPodYaml('second', 'solo'));
    expect(podStatus(sim, 'second')).toBe('Pending');
    expect(eventsOf(sim, 'pod/second')).toEqual([
      `Warning FailedScheduling: 0/4 nodes are available: ${controlPlaneTaint}, 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. ${noPreemption(4)}`,
    ]);
    sim.run('kubectl delete pod first');
    expect(podStatus(sim, 'second')).toBe('Running');
  });

  it('I4: a second node gets the Multi-Attach error for a ReadWriteOnce disk', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('a', 'data', { node: 'node-1' }));
    write(sim, 'a', '/data/f', 'one-node-at-a-time');
    const pv = sim.pvc('data')?.spec.volumeName ?? '';
    sim.apply(claimPodYaml('b', 'data', { node: 'node-2' }));
    expect(podRow(sim, 'b')).toMatchObject({ STATUS: 'ContainerCreating', NODE: 'node-2' });
    expect(eventsOf(sim, 'pod/b')).toEqual([
      'Normal Scheduled: Successfully assigned default/b to node-2',
      `Warning FailedAttachVolume: Multi-Attach error for volume "${pv}" Volume is already used by pod(s) a`,
    ]);
    sim.run('sim advance 2m');
    expect(eventsOf(sim, 'pod/b')).toContain(
      'Warning FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition',
    );
    sim.run('kubectl delete pod a');
    expect(podRow(sim, 'b')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    expect(eventsOf(sim, 'pod/b')).toContain(
      `Normal SuccessfulAttachVolume: AttachVolume.Attach succeeded for volume "${pv}"`,
    );
    expect(sim.sh('b', 'cat /data/f')).toBe('one-node-at-a-time\n');
  });

  it('I4: a ReadWriteOnce local volume "works" for many pods because node affinity keeps them on one node', () => {
    const sim = new SimDriver();
    sim.apply(localClassYaml('local-storage'));
    makeNodeDir(sim, 'node-2', '/mnt/disks/vol2');
    sim.apply(
      `${pvYaml('local-2', { size: '5Gi', storageClassName: 'local-storage', node: 'node-2', source: localSource('/mnt/disks/vol2') })}---\n${pvcYaml('data', { storageClassName: 'local-storage' })}`,
    );
    for (const pod of ['a', 'b', 'c']) {
      sim.apply(claimPodYaml(pod, 'data'));
      expect(podRow(sim, pod)).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    }
  });

  it('I4: nothing stops two nodes using a ReadWriteOnce volume that is neither attachable nor node-bound', () => {
    const sim = new SimDriver();
    sim.apply(`${nfsPv('share', 'ReadWriteOnce')}---\n${pvcYaml('data', { storageClassName: '' })}`);
    sim.apply(claimPodYaml('a', 'data', { node: 'node-1' }));
    sim.apply(claimPodYaml('b', 'data', { node: 'node-3' }));
    expect(podRow(sim, 'a')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(podRow(sim, 'b')).toMatchObject({ STATUS: 'Running', NODE: 'node-3' });
    write(sim, 'a', '/data/f', 'both-write');
    expect(sim.sh('b', 'cat /data/f')).toBe('both-write\n');
    expect(nodeFile(sim, 'node-1', '/exports/share/f')).toBeUndefined(); // the data lives on the NFS server
  });

  it('I5: a CSI driver provisions only the modes it supports (the block disk refuses ReadWriteMany)', () => {
    const sim = new SimDriver();
    sim.apply(nfsClass);
    sim.apply(pvcYaml('disk-rwx', { modes: 'ReadWriteMany' }));
    sim.apply(pvcYaml('nfs-rwx', { modes: 'ReadWriteMany', storageClassName: 'nfs' }));
    sim.apply(claimPodYaml('web', 'disk-rwx'));
    expect(podStatus(sim, 'web')).toBe('Pending');
    expect(row(sim, 'pvc', 'disk-rwx').STATUS).toBe('Pending');
    expect(eventsOf(sim, 'persistentvolumeclaim/disk-rwx')).toContain(
      'Warning ProvisioningFailed: failed to provision volume with StorageClass "standard": rpc error: code = InvalidArgument desc = access mode ReadWriteMany is not supported by disk.csi.volumelab.dev',
    );
    expect(row(sim, 'pvc', 'nfs-rwx')).toMatchObject({ STATUS: 'Bound', 'ACCESS MODES': 'RWX' });
  });

  it('I5: ReadWriteOncePod is provisioned by the CSI block-disk driver', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('solo', { modes: 'ReadWriteOncePod' }));
    sim.apply(claimPodYaml('web', 'solo'));
    expect(podStatus(sim, 'web')).toBe('Running');
    expect(row(sim, 'pvc', 'solo')).toMatchObject({ STATUS: 'Bound', 'ACCESS MODES': 'RWOP' });
  });
});
