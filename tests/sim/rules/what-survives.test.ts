import { describe, expect, it } from 'vitest';
import { makeNodeDir, write } from '../../helpers/cluster.ts';
import {
  claimVolume,
  emptyDirVolume,
  hostPathVolume,
  localClassYaml,
  localSource,
  podYaml,
  pvcYaml,
  pvYaml,
  type VolumeSnippet,
} from '../../helpers/manifests.ts';
import {
  cantOpen,
  cat,
  claimNetworkFiles,
  eventsOf,
  nodeFile,
  podRow,
  podStatus,
} from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/**
 * Spec A4, cell by cell: a pod `keeper` on node-1 writes `note.txt` to one data location, then
 * the container restarts, the pod is deleted, replaced on the same node, dragged to another
 * node, or its node is lost. Each test checks what `kubectl exec … cat` shows afterwards and
 * whether the file is still where it was stored.
 */

type Column = 'restart' | 'deleted' | 'sameNode' | 'otherNode' | 'nodeLost';

interface Place {
  row: string;
  /** Where the pod keeps its data (mounted at `dir`); none for the container's own layer. */
  volume?: VolumeSnippet;
  dir: string;
  setup?: (sim: SimDriver) => void;
  /** Whether the file written by the pod with this UID is still in its storage. */
  stored: (sim: SimDriver, uid: string) => boolean;
  expect: {
    restart: 'kept' | 'lost';
    deleted: 'kept' | 'deleted';
    sameNode: 'sees' | 'fresh';
    otherNode: 'sees' | 'fresh' | 'node-2 files' | 'pending';
    nodeLost: 'lost' | 'kept on node-1' | 'kept' | 'pending';
  };
  names: Record<Column, string>;
}

const emptyDir = (medium?: string) => emptyDirVolume({ name: 'cache', mountPath: '/cache', medium });

const places: Place[] = [
  {
    row: 'container writable layer',
    dir: '/tmp',
    stored: (sim, uid) => Boolean(sim.state.disks.layers[`node-1/${uid}/app`]?.['/tmp/note.txt']),
    expect: { restart: 'lost', deleted: 'deleted', sameNode: 'fresh', otherNode: 'fresh', nodeLost: 'lost' },
    names: {
      restart: 'A4: the container writable layer is lost on a container restart (clean state)',
      deleted: 'A4: the container writable layer is lost when the pod is deleted',
      sameNode: 'A4: a replacement pod on the same node starts with a fresh writable layer',
      otherNode: 'A4: a replacement pod on another node starts with a fresh writable layer',
      nodeLost: 'A4: the container writable layer is lost with its node',
    },
  },
  {
    row: 'emptyDir (disk)',
    volume: emptyDir(),
    dir: '/cache',
    stored: (sim, uid) =>
      nodeFile(
        sim,
        'node-1',
        `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/cache/note.txt`,
      ) !== undefined,
    expect: { restart: 'kept', deleted: 'deleted', sameNode: 'fresh', otherNode: 'fresh', nodeLost: 'lost' },
    names: {
      restart: 'A4: emptyDir survives a container restart',
      deleted: 'A4: emptyDir is deleted from the node when its pod is deleted',
      sameNode: 'A4: a replacement pod on the same node gets a new empty emptyDir',
      otherNode: 'A4: a replacement pod on another node gets a new empty emptyDir',
      nodeLost: 'A4: emptyDir is lost with its node',
    },
  },
  {
    row: 'emptyDir (Memory)',
    volume: emptyDir('Memory'),
    dir: '/cache',
    stored: (sim, uid) => Boolean(sim.state.disks.memory[`node-1/${uid}/cache`]?.['/note.txt']),
    expect: { restart: 'kept', deleted: 'deleted', sameNode: 'fresh', otherNode: 'fresh', nodeLost: 'lost' },
    names: {
      restart: 'A4: a memory-backed emptyDir survives a container restart',
      deleted: 'A4: a memory-backed emptyDir is deleted when its pod is deleted',
      sameNode: 'A4: a replacement pod on the same node gets a new empty tmpfs',
      otherNode: 'A4: a replacement pod on another node gets a new empty tmpfs',
      nodeLost: 'A4: a memory-backed emptyDir is lost with its node',
    },
  },
  {
    row: 'hostPath',
    volume: hostPathVolume('/srv/data', { name: 'cache', mountPath: '/cache', type: 'DirectoryOrCreate' }),
    dir: '/cache',
    // node-2 has its own /srv/data with different content.
    setup: (sim) => {
      sim.apply(
        podYaml('other', {
          ...hostPathVolume('/srv/data', { name: 'cache', mountPath: '/cache', type: 'DirectoryOrCreate' }),
          node: 'node-2',
        }),
      );
      write(sim, 'other', '/cache/note.txt', 'node-2-data');
      sim.run('kubectl delete pod other');
    },
    stored: (sim) => nodeFile(sim, 'node-1', '/srv/data/note.txt') === 'v1\n',
    expect: {
      restart: 'kept',
      deleted: 'kept',
      sameNode: 'sees',
      otherNode: 'node-2 files',
      nodeLost: 'kept on node-1',
    },
    names: {
      restart: 'A4: hostPath data survives a container restart',
      deleted: "A4: hostPath data stays on the node's disk when the pod is deleted",
      sameNode: 'A4: a replacement pod on the same node sees the same hostPath files',
      otherNode: "A4: a replacement pod on another node sees that node's hostPath files",
      nodeLost: "A4: hostPath data stays on a lost node's disk, unreachable until the node returns",
    },
  },
  {
    row: 'PVC → network PV',
    volume: claimVolume('data'),
    dir: '/data',
    setup: (sim) => sim.apply(pvcYaml('data')),
    stored: (sim) => Boolean(claimNetworkFiles(sim, 'data')?.['/note.txt']),
    expect: { restart: 'kept', deleted: 'kept', sameNode: 'sees', otherNode: 'sees', nodeLost: 'kept' },
    names: {
      restart: 'A4: a network PersistentVolume keeps its data across a container restart',
      deleted: 'A4: a network PersistentVolume keeps its data when the pod is deleted',
      sameNode: 'A4: a replacement pod on the same node re-mounts the network volume',
      otherNode: 'A4: a replacement pod on another node re-attaches the network volume',
      nodeLost: 'A4: a network PersistentVolume keeps its data when its node is lost (after detach)',
    },
  },
  {
    row: 'PVC → local PV',
    volume: claimVolume('data'),
    dir: '/data',
    setup: (sim) => {
      makeNodeDir(sim, 'node-1', '/mnt/disks/vol1');
      sim.apply(
        `${localClassYaml('local-storage')}---\n${pvYaml('local-pv', { size: '5Gi', storageClassName: 'local-storage', node: 'node-1', source: localSource('/mnt/disks/vol1') })}---\n${pvcYaml('data', { storageClassName: 'local-storage' })}`,
      );
    },
    stored: (sim) => nodeFile(sim, 'node-1', '/mnt/disks/vol1/note.txt') === 'v1\n',
    expect: { restart: 'kept', deleted: 'kept', sameNode: 'sees', otherNode: 'pending', nodeLost: 'pending' },
    names: {
      restart: 'A4: a local PersistentVolume keeps its data across a container restart',
      deleted: 'A4: a local PersistentVolume keeps its data when the pod is deleted',
      sameNode: 'A4: a replacement pod on the same node re-mounts the local volume',
      otherNode: 'A4: a replacement pod cannot run on another node than its local volume',
      nodeLost: 'A4: a pod of a lost local volume stays Pending until the node returns',
    },
  },
];

const keeper = (place: Place, node?: string) => podYaml('keeper', { ...place.volume, node });

function start(place: Place): { sim: SimDriver; uid: string } {
  const sim = new SimDriver();
  place.setup?.(sim);
  sim.apply(keeper(place, 'node-1'));
  expect(podRow(sim, 'keeper')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
  write(sim, 'keeper', `${place.dir}/note.txt`, 'v1');
  return { sim, uid: sim.pod('keeper')?.metadata.uid ?? '' };
}

/** What `cat note.txt` in pod `keeper` shows: the written file, nothing, or node-2's own file. */
function expectSeen(sim: SimDriver, place: Place, seen: 'sees' | 'fresh' | 'node-2 files', pod = 'keeper') {
  const path = `${place.dir}/note.txt`;
  const result = cat(sim, pod, path);
  if (seen === 'sees') expect(result).toMatchObject({ stdout: 'v1\n', exitCode: 0 });
  else if (seen === 'node-2 files') expect(result).toMatchObject({ stdout: 'node-2-data\n', exitCode: 0 });
  else expect(result).toMatchObject({ stderr: cantOpen(path), exitCode: 1 });
}

function expectReplacement(sim: SimDriver, uid: string, node: string): void {
  expect(podRow(sim, 'keeper')).toMatchObject({ STATUS: 'Running', NODE: node, RESTARTS: '0' });
  expect(sim.pod('keeper')?.metadata.uid).not.toBe(uid);
}

const columns: Record<Column, (place: Place) => void> = {
  restart(place) {
    const { sim, uid } = start(place);
    expect(sim.run('sim crash keeper').exitCode).toBe(0);
    expect(podRow(sim, 'keeper')).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expect(podRow(sim, 'keeper')?.RESTARTS).toMatch(/^1 \(\d+s ago\)$/);
    expect(sim.pod('keeper')?.metadata.uid).toBe(uid);
    expectSeen(sim, place, place.expect.restart === 'kept' ? 'sees' : 'fresh');
  },
  deleted(place) {
    const { sim, uid } = start(place);
    expect(sim.run('kubectl delete pod keeper').stdout).toBe('pod "keeper" deleted\n');
    expect(sim.run('kubectl get pods').stderr).toBe('No resources found in default namespace.\n');
    expect(place.stored(sim, uid)).toBe(place.expect.deleted === 'kept');
  },
  sameNode(place) {
    const { sim, uid } = start(place);
    sim.run('kubectl delete pod keeper');
    sim.apply(keeper(place, 'node-1'));
    expectReplacement(sim, uid, 'node-1');
    expectSeen(sim, place, place.expect.sameNode);
  },
  otherNode(place) {
    const { sim, uid } = start(place);
    expect(sim.run('sim move keeper --to node-2').exitCode).toBe(0);
    if (place.expect.otherNode === 'pending') {
      expect(podStatus(sim, 'keeper')).toBe('Pending');
      expect(eventsOf(sim, 'pod/keeper').at(-1)).toContain('1 node(s) had volume node affinity conflict');
      expect(place.stored(sim, uid)).toBe(true);
      return;
    }
    expectReplacement(sim, uid, 'node-2');
    expectSeen(sim, place, place.expect.otherNode);
  },
  nodeLost(place) {
    const { sim, uid } = start(place);
    sim.run('sim node fail node-1');
    sim.run('sim advance 5m');
    expect(podStatus(sim, 'keeper')).toBe('Terminating');
    sim.run('sim node delete node-1');
    expect(podStatus(sim, 'keeper')).toBeUndefined();
    const outcome = place.expect.nodeLost;
    sim.apply(keeper(place, outcome === 'pending' ? undefined : 'node-2'));
    if (outcome === 'pending') {
      expect(podStatus(sim, 'keeper')).toBe('Pending');
      expect(eventsOf(sim, 'pod/keeper').at(-1)).toContain('2 node(s) had volume node affinity conflict');
    } else if (outcome === 'kept') {
      // The disk is still attached to the lost node until the 6-minute force-detach (L8).
      expect(podStatus(sim, 'keeper')).toBe('ContainerCreating');
      sim.run('sim advance 6m');
      expectReplacement(sim, uid, 'node-2');
      expectSeen(sim, place, 'sees');
      return;
    } else {
      expectReplacement(sim, uid, 'node-2');
      expectSeen(sim, place, place.row === 'hostPath' ? 'node-2 files' : 'fresh');
    }
    if (outcome !== 'lost') expect(place.stored(sim, uid)).toBe(true);
    // The node comes back: its kubelet registers again and removes data of pods that are gone.
    sim.run('sim node add node-1');
    expect(place.stored(sim, uid)).toBe(outcome !== 'lost');
    if (outcome === 'lost') return;
    if (outcome === 'kept on node-1')
      sim.apply(keeper(place, 'node-1').replace('name: keeper', 'name: again'));
    const pod = outcome === 'pending' ? 'keeper' : 'again';
    expect(podRow(sim, pod)).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    expectSeen(sim, place, 'sees', pod);
  },
};

for (const place of places) {
  describe(`A4 ${place.row}`, () => {
    for (const column of Object.keys(columns) as Column[]) {
      it(place.names[column], () => columns[column](place));
    }
  });
}
