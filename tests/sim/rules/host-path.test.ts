import { describe, expect, it } from 'vitest';
import { write } from '../../helpers/cluster.ts';
import { claimPodYaml, hostPathVolume, podYaml, pvcYaml } from '../../helpers/manifests.ts';
import { cat, eventsOf, nodeFile, podRow, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Spec section C: hostPath volumes. */

const hostPod = (name: string, node: string, path: string, type?: string, mount = '/host') =>
  podYaml(name, { ...hostPathVolume(path, { name: 'host', mountPath: mount, type }), node });

/** Makes NODE hold PATH as a directory, or as a file when `file` (through a helper pod). */
function prepare(sim: SimDriver, node: string, path: string, file = false): void {
  sim.apply(hostPod('prep', node, '/srv', 'DirectoryOrCreate', '/srv'));
  sim.sh('prep', file ? `echo existing > ${path}` : `mkdir -p ${path}`);
  sim.run('kubectl delete pod prep');
}

const failedMount = (path: string, what: string) =>
  `Warning FailedMount: MountVolume.SetUp failed for volume "host" : hostPath type check failed: ${path} is not ${what}`;

interface TypeCase {
  type: string;
  name: string;
  path: string;
  setup?: (sim: SimDriver) => void;
  /** The FailedMount detail when refused, or what the running pod's mount shows. */
  refused?: string;
  mounted?: (sim: SimDriver) => void;
}

const typeCases: TypeCase[] = [
  {
    type: '',
    name: 'C3: hostPath with no type mounts a missing path, the runtime creating it as a directory',
    path: '/srv/fresh',
    mounted: (sim) => expect(sim.state.disks.nodes['node-1']?.['/srv/fresh']).toEqual({ type: 'dir' }),
  },
  {
    type: 'DirectoryOrCreate',
    name: 'C3: hostPath type DirectoryOrCreate creates a missing directory',
    path: '/srv/made/here',
    mounted: (sim) => {
      expect(sim.state.disks.nodes['node-1']?.['/srv/made/here']).toEqual({ type: 'dir' });
      expect(sim.ls('pod', '/host')).toEqual([]);
    },
  },
  {
    type: 'DirectoryOrCreate',
    name: 'C3: hostPath type DirectoryOrCreate refuses an existing file with FailedMount',
    path: '/srv/a-file',
    setup: (sim) => prepare(sim, 'node-1', '/srv/a-file', true),
    refused: failedMount('/srv/a-file', 'a directory'),
  },
  {
    type: 'Directory',
    name: 'C3: hostPath type Directory mounts an existing directory',
    path: '/srv/data',
    setup: (sim) => prepare(sim, 'node-1', '/srv/data'),
    mounted: (sim) => expect(sim.ls('pod', '/host')).toEqual([]),
  },
  {
    type: 'Directory',
    name: 'C3: hostPath type Directory refuses a missing path with FailedMount',
    path: '/srv/missing',
    refused: failedMount('/srv/missing', 'a directory'),
  },
  {
    type: 'FileOrCreate',
    name: 'C3: hostPath type FileOrCreate creates a missing empty file when its parent exists',
    path: '/srv/app.log',
    setup: (sim) => prepare(sim, 'node-1', '/srv'),
    mounted: (sim) => {
      expect(nodeFile(sim, 'node-1', '/srv/app.log')).toBe('');
      write(sim, 'pod', '/host', 'line');
      expect(nodeFile(sim, 'node-1', '/srv/app.log')).toBe('line\n');
    },
  },
  {
    type: 'FileOrCreate',
    name: 'C3: hostPath type FileOrCreate does not create missing parent directories',
    path: '/var/log/app/app.log',
    refused:
      'Warning FailedMount: MountVolume.SetUp failed for volume "host" : open /var/log/app/app.log: no such file or directory',
  },
  {
    type: 'File',
    name: 'C3: hostPath type File mounts an existing file at the mount path',
    path: '/srv/config',
    setup: (sim) => prepare(sim, 'node-1', '/srv/config', true),
    mounted: (sim) => expect(cat(sim, 'pod', '/host').stdout).toBe('existing\n'),
  },
  {
    type: 'File',
    name: 'C3: hostPath type File refuses a directory with FailedMount',
    path: '/srv',
    setup: (sim) => prepare(sim, 'node-1', '/srv'),
    refused: failedMount('/srv', 'a file'),
  },
  {
    type: 'Socket',
    name: "C3: hostPath type Socket mounts the node's container runtime socket",
    path: '/run/containerd/containerd.sock',
    mounted: (sim) => expect(sim.sh('pod', 'ls -l /host')).toMatch(/^srwxr-xr-x /),
  },
  {
    type: 'Socket',
    name: 'C3: hostPath type Socket refuses a path that is not a socket',
    path: '/run/docker.sock',
    refused: failedMount('/run/docker.sock', 'a socket file'),
  },
  {
    type: 'CharDevice',
    name: 'C3: hostPath type CharDevice mounts a character device such as /dev/null',
    path: '/dev/null',
    mounted: (sim) => expect(sim.sh('pod', 'ls -l /host')).toMatch(/^c/),
  },
  {
    type: 'CharDevice',
    name: 'C3: hostPath type CharDevice refuses a block device',
    path: '/dev/vda',
    refused: failedMount('/dev/vda', 'a character device'),
  },
  {
    type: 'BlockDevice',
    name: "C3: hostPath type BlockDevice mounts the node's disk device",
    path: '/dev/vda',
    mounted: (sim) => expect(sim.sh('pod', 'ls -l /host')).toMatch(/^b/),
  },
  {
    type: 'BlockDevice',
    name: 'C3: hostPath type BlockDevice refuses a character device',
    path: '/dev/null',
    refused: failedMount('/dev/null', 'a block device'),
  },
];

describe('C. hostPath', () => {
  it('C1: identical pods on different nodes see different files at the same hostPath', () => {
    const sim = new SimDriver();
    sim.apply(hostPod('a', 'node-1', '/srv/site', 'DirectoryOrCreate'));
    sim.apply(hostPod('b', 'node-2', '/srv/site', 'DirectoryOrCreate'));
    write(sim, 'a', '/host/index.html', 'from-node-1');
    write(sim, 'b', '/host/index.html', 'from-node-2');
    expect(cat(sim, 'a', '/host/index.html').stdout).toBe('from-node-1\n');
    expect(cat(sim, 'b', '/host/index.html').stdout).toBe('from-node-2\n');
    expect(nodeFile(sim, 'node-1', '/srv/site/index.html')).toBe('from-node-1\n');
    expect(nodeFile(sim, 'node-2', '/srv/site/index.html')).toBe('from-node-2\n');
  });

  it('C2: hostPath data outlives the pod; only pods on the same node see it', () => {
    const sim = new SimDriver();
    sim.apply(hostPod('writer', 'node-1', '/srv/logs', 'DirectoryOrCreate'));
    write(sim, 'writer', '/host/app.log', 'kept');
    sim.run('kubectl delete pod writer');
    expect(nodeFile(sim, 'node-1', '/srv/logs/app.log')).toBe('kept\n');
    sim.apply(hostPod('same', 'node-1', '/srv/logs', 'DirectoryOrCreate'));
    sim.apply(hostPod('other', 'node-3', '/srv/logs', 'DirectoryOrCreate'));
    expect(cat(sim, 'same', '/host/app.log').stdout).toBe('kept\n');
    expect(sim.ls('other', '/host')).toEqual([]);
  });

  for (const c of typeCases) {
    it(c.name, () => {
      const sim = new SimDriver();
      c.setup?.(sim);
      sim.apply(hostPod('pod', 'node-1', c.path, c.type || undefined));
      if (c.refused) {
        expect(podRow(sim, 'pod')).toMatchObject({ STATUS: 'ContainerCreating', NODE: 'node-1' });
        expect(eventsOf(sim, 'pod/pod')).toEqual([
          'Normal Scheduled: Successfully assigned default/pod to node-1',
          c.refused,
        ]);
      } else {
        expect(podRow(sim, 'pod')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
        c.mounted?.(sim);
      }
    });
  }

  it('C4: a failed type check keeps the pod ContainerCreating; the kubelet retries and times out after 2 min', () => {
    const sim = new SimDriver();
    sim.apply(hostPod('web', 'node-2', '/srv/not-there', 'Directory'));
    const failure = failedMount('/srv/not-there', 'a directory');
    sim.run('sim advance 119s');
    expect(podStatus(sim, 'web')).toBe('ContainerCreating');
    expect(sim.pod('web')?.status.phase).toBe('Pending');
    expect(eventsOf(sim, 'pod/web')).toEqual([
      'Normal Scheduled: Successfully assigned default/web to node-2',
      failure,
    ]);
    expect(sim.run('kubectl get events').stdout).toMatch(/\(x2 over \d+s\)\s+Warning\s+FailedMount/);
    sim.run('sim advance 1s');
    expect(eventsOf(sim, 'pod/web')).toContain(
      'Warning FailedMount: Unable to attach or mount volumes: unmounted volumes=[host], unattached volumes=[host]: timed out waiting for the condition',
    );
    // Fixing the node lets the kubelet's next retry start the containers.
    prepare(sim, 'node-2', '/srv/not-there');
    expect(podStatus(sim, 'web')).toBe('Running');
  });

  it("C5: a hostPath of / exposes the node's runtime socket and kubelet credentials; readOnly blocks writes", () => {
    const sim = new SimDriver();
    sim.apply(
      podYaml('peek', {
        ...hostPathVolume('/', { name: 'host', mountPath: '/host' }),
        node: 'node-1',
      }).replace('mountPath: /host', 'mountPath: /host\n      readOnly: true'),
    );
    expect(sim.ls('peek', '/host/run/containerd')).toEqual(['containerd.sock']);
    expect(cat(sim, 'peek', '/host/etc/kubernetes/kubelet.conf').stdout).toContain('kind: Config');
    const denied = sim.run('kubectl exec peek -- sh -c "echo x > /host/etc/evil"');
    expect(denied.exitCode).not.toBe(0);
    expect(denied.stderr).toContain('Read-only file system');
    expect(nodeFile(sim, 'node-1', '/etc/evil')).toBeUndefined();
  });

  const hostPathPv = (path: string, policy: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: host-pv
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: ${policy}
  hostPath:
    path: ${path}
    type: DirectoryOrCreate
`;

  it('C6: a hostPath PV without node affinity mounts on any node, each node showing its own directory', () => {
    const sim = new SimDriver();
    sim.apply(`${hostPathPv('/srv/pv', 'Retain')}---\n${pvcYaml('data', { storageClassName: '' })}`);
    sim.apply(claimPodYaml('a', 'data', { node: 'node-1' }));
    sim.apply(claimPodYaml('b', 'data', { node: 'node-2' }));
    expect(podRow(sim, 'a')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(podRow(sim, 'b')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    write(sim, 'a', '/data/f', 'node-1-copy');
    expect(sim.ls('b', '/data')).toEqual([]);
    expect(nodeFile(sim, 'node-1', '/srv/pv/f')).toBe('node-1-copy\n');
  });

  it('C6: the hostPath deleter refuses paths outside /tmp: the PV fails with VolumeFailedDelete', () => {
    const sim = new SimDriver();
    sim.apply(`${hostPathPv('/srv/pv', 'Delete')}---\n${pvcYaml('data', { storageClassName: '' })}`);
    expect(sim.pv('host-pv')?.status.phase).toBe('Bound');
    sim.run('kubectl delete pvc data');
    expect(sim.pv('host-pv')?.status.phase).toBe('Failed');
    expect(eventsOf(sim, 'persistentvolume/host-pv')).toContain(
      'Warning VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /srv/pv',
    );
  });
});
