import { describe, expect, it } from 'vitest';
import { makeNodeDir, write } from '../../helpers/cluster.ts';
import {
  claimPodYaml,
  emptyDirVolume,
  localClassYaml,
  localSource,
  podYaml,
  pvcYaml,
  pvYaml,
  statefulSetYaml,
} from '../../helpers/manifests.ts';
import { cat, eventsOf, nodeFile, podRow, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Spec section A: pod identity, what a drag really is, container restarts. */

const cache = emptyDirVolume({ name: 'cache', mountPath: '/cache' });

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

const uidOf = (sim: SimDriver, name: string) => sim.pod(name)?.metadata.uid;

describe('A. Pod identity, nodes, and what a drag really is', () => {
  it('A1: a running pod is never rescheduled: cordoning its node leaves it where it is', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web'));
    const before = podRow(sim, 'web');
    expect(before?.STATUS).toBe('Running');
    expect(sim.run(`kubectl cordon ${before?.NODE}`).stdout).toBe(`node/${before?.NODE} cordoned\n`);
    sim.run('sim advance 1h');
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: before?.NODE, AGE: '60m' });
  });

  it('A1: a pod on a failed node stays bound to it (Terminating), never moved to a healthy node', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { node: 'node-1' }));
    const uid = uidOf(sim, 'web');
    sim.run('sim node fail node-1');
    sim.run('sim advance 10m');
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Terminating', NODE: 'node-1' });
    expect(uidOf(sim, 'web')).toBe(uid);
  });

  it('A1: a replacement pod may have the same name but always has a different UID', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { node: 'node-1' }));
    const uid = uidOf(sim, 'web');
    sim.run('sim move web --to node-2');
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    expect(uidOf(sim, 'web')).not.toBe(uid);
  });

  it('A2: an identical replacement pod gets a new emptyDir; the old UID directory is removed', () => {
    const sim = new SimDriver();
    const manifest = podYaml('web', { ...cache, node: 'node-1' });
    sim.apply(manifest);
    const old = uidOf(sim, 'web') ?? '';
    write(sim, 'web', '/cache/f', 'before');
    const dir = (uid: string) => `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/cache`;
    expect(nodeFile(sim, 'node-1', `${dir(old)}/f`)).toBe('before\n');
    sim.run('kubectl delete pod web');
    sim.apply(manifest);
    const fresh = uidOf(sim, 'web') ?? '';
    expect(fresh).not.toBe(old);
    expect(sim.ls('web', '/cache')).toEqual([]);
    expect(Object.keys(sim.state.disks.nodes['node-1'] ?? {}).some((p) => p.includes(old))).toBe(false);
    expect(sim.state.disks.nodes['node-1']?.[dir(fresh)]).toEqual({ type: 'dir' });
  });

  it('A3: dragging a bare pod deletes it and the learner recreates it: same name, new UID, node selector', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { ...cache, node: 'node-1' }));
    const uid = uidOf(sim, 'web');
    write(sim, 'web', '/cache/f', 'x');
    const moved = sim.run('sim move web --to node-3');
    expect(moved.stdout).toBe(
      'pod "web" deleted\npod/web created with node selector kubernetes.io/hostname=node-3\n',
    );
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-3', RESTARTS: '0' });
    expect(uidOf(sim, 'web')).not.toBe(uid);
    expect(sim.pod('web')?.spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'node-3' });
    expect(sim.ls('web', '/cache')).toEqual([]);
    expect(eventsOf(sim, 'pod/web')).toContain(
      'Normal Scheduled: Successfully assigned default/web to node-3',
    );
  });

  it('A3: dragging a Deployment pod makes its ReplicaSet create a replacement with a new generated name', () => {
    const sim = new SimDriver();
    sim.apply(deployment);
    const [old] = sim.pods();
    const oldName = old?.metadata.name ?? '';
    const rs = old?.metadata.ownerReferences?.[0]?.name ?? '';
    expect(oldName).toMatch(new RegExp(`^${rs}-[a-z0-9]{5}$`));
    const target = old?.spec.nodeName === 'node-2' ? 'node-3' : 'node-2';
    const moved = sim.run(`sim move ${oldName} --to ${target}`);
    const [fresh] = sim.pods();
    const name = fresh?.metadata.name ?? '';
    expect(sim.pods()).toHaveLength(1);
    expect(name).toMatch(new RegExp(`^${rs}-[a-z0-9]{5}$`));
    expect(name).not.toBe(oldName);
    expect(moved.stdout).toBe(
      `pod "${oldName}" deleted\nreplicaset.apps/${rs} created pod/${name} with node selector kubernetes.io/hostname=${target}\n`,
    );
    expect(podRow(sim, name)).toMatchObject({ STATUS: 'Running', NODE: target });
    expect(eventsOf(sim, `replicaset/${rs}`)).toContain(`Normal SuccessfulCreate: Created pod: ${name}`);
  });

  it('A3: dragging a StatefulSet pod recreates the same name with a new UID and the same claim', () => {
    const sim = new SimDriver();
    sim.apply(statefulSetYaml('db'));
    expect(podStatus(sim, 'db-0')).toBe('Running');
    const uid = uidOf(sim, 'db-0');
    const claim = sim.pvc('data-db-0')?.metadata.uid;
    write(sim, 'db-0', '/data/f', 'kept');
    const target = sim.pod('db-0')?.spec.nodeName === 'node-3' ? 'node-2' : 'node-3';
    const moved = sim.run(`sim move db-0 --to ${target}`);
    expect(moved.stdout).toBe(
      `pod "db-0" deleted\nstatefulset.apps/db created pod/db-0 with node selector kubernetes.io/hostname=${target}\n`,
    );
    expect(podRow(sim, 'db-0')).toMatchObject({ STATUS: 'Running', NODE: target });
    expect(uidOf(sim, 'db-0')).not.toBe(uid);
    expect(sim.pvc('data-db-0')?.metadata.uid).toBe(claim);
    expect(cat(sim, 'db-0', '/data/f').stdout).toBe('kept\n');
  });

  it('A3: a drag from a node that cannot confirm leaves the pod Terminating; the same name must wait', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { node: 'node-1' }));
    sim.run('sim node fail node-1');
    const moved = sim.run('sim move web --to node-2');
    expect(moved.exitCode).toBe(1);
    expect(moved.stdout).toBe('pod "web" deleted\n');
    expect(moved.stderr).toContain(
      'error: pod "web" is still terminating on node-1: a pod with the same name can be created only once it is gone',
    );
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Terminating', NODE: 'node-1' });
    expect(sim.run('kubectl create -f -', podYaml('web')).stderr).toContain(
      'Error from server (AlreadyExists)',
    );
  });

  it('A3: the replacement is steered by node selector, so the scheduler checks volume rules (not nodeName)', () => {
    const sim = new SimDriver();
    makeNodeDir(sim, 'node-1', '/mnt/disks/vol1');
    sim.apply(
      `${localClassYaml('local-storage')}---\n${pvYaml('local-pv', { size: '5Gi', storageClassName: 'local-storage', node: 'node-1', source: localSource('/mnt/disks/vol1') })}`,
    );
    sim.apply(pvcYaml('data', { storageClassName: 'local-storage' }));
    sim.apply(claimPodYaml('db', 'data'));
    expect(podRow(sim, 'db')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    sim.run('sim move db --to node-2');
    expect(sim.pod('db')?.spec.nodeName).toBeUndefined();
    expect(podStatus(sim, 'db')).toBe('Pending');
    expect(eventsOf(sim, 'pod/db').at(-1)).toContain(
      "1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector",
    );
  });

  it('A3: pinning a replacement with nodeName bypasses the scheduler: its WaitForFirstConsumer claim never binds', () => {
    const sim = new SimDriver();
    sim.apply(pvcYaml('data'));
    sim.apply(claimPodYaml('db', 'data', { nodeName: 'node-2' }));
    sim.run('sim advance 2m');
    expect(podRow(sim, 'db')).toMatchObject({ STATUS: 'ContainerCreating', NODE: 'node-2' });
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(eventsOf(sim, 'pod/db')).toEqual([
      'Warning FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition',
    ]);
  });

  it('A5: a crashed container restarts on the same node with exponential back-off (CrashLoopBackOff)', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { node: 'node-1' }));
    const uid = uidOf(sim, 'web');
    const expectPod = (status: string, restarts: RegExp) => {
      const row = podRow(sim, 'web');
      expect(row).toMatchObject({ STATUS: status, NODE: 'node-1' });
      expect(row?.RESTARTS).toMatch(restarts);
    };
    sim.run('sim crash web');
    expectPod('Running', /^1 /); // the first restart is immediate
    // Then 10 s, 20 s, 40 s … between restarts, capped at 5 minutes.
    let restarts = 1;
    for (const seconds of [10, 20, 40, 80, 160, 300, 300]) {
      sim.run('sim crash web');
      expectPod('CrashLoopBackOff', new RegExp(`^${restarts} `));
      sim.run(`sim advance ${seconds - 1}s`);
      expectPod('CrashLoopBackOff', new RegExp(`^${restarts} `));
      sim.run('sim advance 1s');
      restarts += 1;
      expectPod('Running', new RegExp(`^${restarts} `));
    }
    expect(uidOf(sim, 'web')).toBe(uid);
    expect(eventsOf(sim, 'pod/web')).toContain(
      `Warning BackOff: Back-off restarting failed container app in pod web_default(${uid})`,
    );
  });

  it('A5: restartPolicy Never leaves a crashed container stopped (STATUS Error, no restart)', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('job', { restartPolicy: 'Never' }));
    sim.run('sim crash job');
    sim.run('sim advance 10m');
    expect(podRow(sim, 'job')).toMatchObject({ READY: '0/1', STATUS: 'Error', RESTARTS: '0' });
    expect(sim.pod('job')?.status.phase).toBe('Failed');
  });

  it('A5: restartPolicy OnFailure restarts a failed container, OOMKilled included', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('job', { restartPolicy: 'OnFailure' }));
    expect(sim.run('sim crash job --oom').stdout).toBe(
      'pod/job: container app exited (OOMKilled, exit code 137)\n',
    );
    expect(podRow(sim, 'job')?.RESTARTS).toMatch(/^1 /);
    expect(podStatus(sim, 'job')).toBe('Running');
  });
});
