import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ClusterState, createCluster, nodeDiskFiles, runScript } from '../../src/sim/index.ts';
import type {
  Diagram,
  DiagramNode,
  DirData,
  NodeData,
  PodData,
} from '../../src/simulator/model/diagram-types.ts';
import {
  createLayoutKeeper,
  type DiagramLabels,
  mergeNodes,
  nodeId,
  podId,
  projectCluster,
} from '../../src/simulator/model/project.ts';
import { assignSlots, rowsFor } from '../../src/simulator/model/slots.ts';
import { createSimStore, selectCluster, selectConsequence } from '../helpers/create-sim-store.ts';

const labels: DiagramLabels = {
  node: (d) => `Node ${d.name}`,
  pending: (d) => `Not scheduled: ${d.pods}`,
  pod: (d) => `Pod ${d.name}`,
  ghost: (d) => `Pod ${d.name}`,
  dir: (d) => `Directory ${d.path}`,
  pvc: (d) => `Claim ${d.name}`,
  pv: (d) => `Volume ${d.name}`,
  disk: (d) => `Disk ${d.label}`,
  sc: (d) => `StorageClass ${d.name}`,
  edge: (kind, from, to) => `${kind} ${from} ${to}`,
};

const root = join(import.meta.dirname, '..', '..');
const dataOnTheMove: string = parse(
  readFileSync(join(root, 'content', 'scenarios', 'data-on-the-move.yaml'), 'utf8'),
).setup;

const run = (state: ClusterState, script: string): ClusterState => {
  const { state: next, steps } = runScript(state, script);
  for (const step of steps) expect(step.result.exitCode, step.command.source).toBe(0);
  return next;
};

/** A bare pod pinned to a node with a node selector. */
const pinnedPod = (name: string, node: string) => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  containers:
  - name: app
    image: busybox:1.36
EOF`;

const byId = (diagram: Diagram, id: string): DiagramNode => {
  const node = diagram.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no diagram node ${id}`);
  return node;
};
const podAt = (diagram: Diagram, id: string) => byId(diagram, id).data as PodData;
const positions = (diagram: Diagram) =>
  Object.fromEntries(diagram.nodes.filter((n) => n.type === 'pod').map((n) => [n.id, n.position]));

describe('slots', () => {
  it('gives new keys the lowest free slot and keeps remembered ones', () => {
    const first = assignSlots(undefined, ['a', 'b', 'c']);
    expect([...first]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    const second = assignSlots(first, ['a', 'c', 'd']);
    expect(second.get('a')).toBe(0);
    expect(second.get('c')).toBe(2);
    expect(second.get('d')).toBe(1);
  });

  it('never gives two keys the same slot, even when the memory repeats one', () => {
    const slots = assignSlots(
      new Map([
        ['a', 0],
        ['b', 0],
      ]),
      ['a', 'b'],
    );
    expect(slots.get('a')).toBe(0);
    expect(slots.get('b')).toBe(1);
  });

  it('counts rows up to the highest slot, at least one', () => {
    expect(rowsFor(new Map(), 2)).toBe(1);
    expect(rowsFor(new Map([['a', 0]]), 2)).toBe(1);
    expect(rowsFor(new Map([['a', 2]]), 2)).toBe(2);
    expect(rowsFor(new Map([['a', 4]]), 2)).toBe(3);
  });
});

describe('ids', () => {
  it('names pods by namespace and name, nodes by name', () => {
    expect(podId('default', 'cache')).toBe('pod:default/cache');
    expect(podId('team-a', 'web')).toBe('pod:team-a/web');
    expect(nodeId('node-1')).toBe('node:node-1');
  });
});

describe('projectCluster on the default cluster', () => {
  const cluster = createCluster();
  const diagram = projectCluster({ cluster, labels });

  it('shows the control plane and node-1..3 as groups named "Node <name>"', () => {
    const boxes = diagram.nodes.filter((n) => n.type === 'node');
    expect(boxes.map((n) => n.id)).toEqual([
      'node:control-plane',
      'node:node-1',
      'node:node-2',
      'node:node-3',
    ]);
    for (const box of boxes) {
      const data = box.data as NodeData;
      expect(box.ariaRole).toBe('group');
      expect(box.ariaLabel?.startsWith(`Node ${data.name}`)).toBe(true);
    }
    expect((byId(diagram, 'node:control-plane').data as NodeData).controlPlane).toBe(true);
    expect((byId(diagram, 'node:node-1').data as NodeData).controlPlane).toBe(false);
  });

  it('shows the default StorageClass standard', () => {
    const sc = byId(diagram, 'sc:standard');
    expect(sc.data).toMatchObject({ kind: 'sc', name: 'standard', isDefault: true });
  });

  it('shows no directories for the nodes’ own system files', () => {
    const files = nodeDiskFiles(cluster, 'node-1').map((f) => f.path);
    expect(files).toContain('/etc/kubernetes/kubelet.conf');
    expect(files.some((p) => p.startsWith('/var/lib/kubelet/'))).toBe(true);
    const dirs = diagram.nodes.filter((n) => n.type === 'dir').map((n) => (n.data as DirData).path);
    expect(dirs.filter((p) => p.startsWith('/etc/kubernetes') || p.startsWith('/var/lib/kubelet'))).toEqual(
      [],
    );
    expect(dirs).toEqual([]);
  });

  it('has no pods, no pending box and no edges', () => {
    expect(diagram.nodes.filter((n) => n.type === 'pod' || n.type === 'pending')).toEqual([]);
    expect(diagram.edges).toEqual([]);
  });
});

describe('projectCluster on the data-on-the-move scenario', () => {
  const cluster = run(createCluster(), dataOnTheMove);
  const diagram = projectCluster({ cluster, labels });

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const node of diagram.nodes) {
      if (node.parentId) expect(seen.has(node.parentId), `${node.id} after ${node.parentId}`).toBe(true);
      seen.add(node.id);
    }
  });

  it('puts each pod on its node as a button labelled by labels.pod', () => {
    for (const name of ['cache', 'logger', 'db']) {
      const pod = byId(diagram, podId('default', name));
      expect(pod.type).toBe('pod');
      expect(pod.ariaRole).toBe('button');
      expect(pod.ariaLabel).toBe(`Pod ${name}`);
      expect(pod.parentId).toBe(nodeId('node-1'));
      expect(pod.data).toMatchObject({ kind: 'pod', name, node: 'node-1', status: 'Running', tone: 'ok' });
    }
    expect((byId(diagram, 'node:node-1').data as NodeData).pods).toBe(3);
    expect((byId(diagram, 'node:node-2').data as NodeData).pods).toBe(0);
  });

  it('shows the local volume’s directory and the hostPath directory on node-1, one file each', () => {
    const dirs = diagram.nodes.filter((n) => n.type === 'dir');
    expect(dirs.map((n) => n.data)).toEqual([
      {
        kind: 'dir',
        node: 'node-1',
        path: '/mnt/disks/ssd1',
        use: 'local',
        volume: 'local-node-1',
        files: 1,
        fileNames: ['/table.db'],
      },
      {
        kind: 'dir',
        node: 'node-1',
        path: '/var/log/demo',
        use: 'hostPath',
        files: 1,
        fileNames: ['/app.log'],
      },
    ]);
    for (const dir of dirs) expect(dir.parentId).toBe(nodeId('node-1'));
    expect((byId(diagram, 'node:node-1').data as NodeData).diskTop).toBeGreaterThan(0);
    expect(byId(diagram, 'node:node-2').data).not.toHaveProperty('diskTop');
  });

  it('summarises each pod’s mounts and their files', () => {
    expect(podAt(diagram, podId('default', 'cache')).mounts).toEqual([
      {
        volume: 'scratch',
        type: 'emptyDir',
        source: '',
        mountPath: '/cache',
        files: 1,
        fileNames: ['/hits.txt'],
      },
    ]);
    expect(podAt(diagram, podId('default', 'logger')).mounts).toEqual([
      {
        volume: 'logs',
        type: 'hostPath',
        source: '/var/log/demo',
        mountPath: '/logs',
        files: 1,
        fileNames: ['/app.log'],
      },
    ]);
    expect(podAt(diagram, podId('default', 'db')).mounts).toEqual([
      {
        volume: 'data',
        type: 'claim',
        source: 'db-data',
        mountPath: '/data',
        files: 1,
        fileNames: ['/table.db'],
      },
    ]);
  });

  it('draws pod → hostPath dir, pod → claim, claim → volume and volume → local dir edges', () => {
    const edges = Object.fromEntries(diagram.edges.map((e) => [`${e.source} -> ${e.target}`, e]));
    expect(Object.keys(edges).sort()).toEqual(
      [
        'pod:default/logger -> dir:node-1:/var/log/demo',
        'pod:default/db -> pvc:default/db-data',
        'pvc:default/db-data -> pv:local-node-1',
        'pv:local-node-1 -> dir:node-1:/mnt/disks/ssd1',
      ].sort(),
    );
    expect(edges['pv:local-node-1 -> dir:node-1:/mnt/disks/ssd1']).toMatchObject({
      sourceHandle: 'top-out',
      targetHandle: 'bottom-in',
    });
    expect(edges['pod:default/db -> pvc:default/db-data']).toMatchObject({
      sourceHandle: 'bottom-out',
      targetHandle: 'top-in',
      ariaLabel: 'mount default/db default/db-data',
    });
  });

  it('shows the claim and its local volume', () => {
    expect(byId(diagram, 'pvc:default/db-data').data).toMatchObject({
      phase: 'Bound',
      volume: 'local-node-1',
      storageClass: 'local',
    });
    expect(byId(diagram, 'pv:local-node-1').data).toMatchObject({
      phase: 'Bound',
      backing: 'local',
      node: 'node-1',
      claim: 'default/db-data',
      reclaimPolicy: 'Retain',
    });
  });

  it('is pure: the same input gives the same diagram', () => {
    const again = projectCluster({ cluster, labels });
    expect(again.nodes).toEqual(diagram.nodes);
    expect(again.edges).toEqual(diagram.edges);
  });
});

describe('projectCluster with unscheduled pods', () => {
  const cluster = run(createCluster(), pinnedPod('lost', 'nowhere'));
  const diagram = projectCluster({ cluster, labels });

  it('puts them in the pending box, after it in the list', () => {
    const box = byId(diagram, 'pending');
    expect(box.type).toBe('pending');
    expect(box.ariaRole).toBe('group');
    expect(box.ariaLabel).toBe('Not scheduled: 1');
    expect(box.data).toEqual({ kind: 'pending', pods: 1 });
    const pod = byId(diagram, podId('default', 'lost'));
    expect(pod.parentId).toBe('pending');
    expect(diagram.nodes.indexOf(pod)).toBeGreaterThan(diagram.nodes.indexOf(box));
    expect(pod.data).toMatchObject({ node: '', status: 'Pending', tone: 'waiting' });
    expect((pod.data as PodData).pendingReason).toMatch(/didn't match Pod's node affinity\/selector/);
  });
});

describe('a stable layout', () => {
  it('keeps existing pods in place when a pod is added to their node', () => {
    const keeper = createLayoutKeeper();
    let cluster = run(createCluster(), dataOnTheMove);
    const before = positions(keeper.project({ cluster, labels }));
    cluster = run(cluster, pinnedPod('extra', 'node-1'));
    const after = positions(keeper.project({ cluster, labels }));
    for (const name of ['cache', 'logger', 'db']) {
      const id = podId('default', name);
      expect(after[id], name).toEqual(before[id]);
    }
    expect(Object.values(before)).not.toContainEqual(after[podId('default', 'extra')]);
  });

  it('gives a deleted pod’s slot to the next new pod', () => {
    const keeper = createLayoutKeeper();
    let cluster = run(createCluster(), `${dataOnTheMove}\n${pinnedPod('extra', 'node-1')}`);
    const start = positions(keeper.project({ cluster, labels }));
    cluster = run(cluster, 'kubectl delete pod logger');
    const afterDelete = positions(keeper.project({ cluster, labels }));
    expect(afterDelete).not.toHaveProperty(podId('default', 'logger'));
    cluster = run(cluster, pinnedPod('newcomer', 'node-1'));
    const after = positions(keeper.project({ cluster, labels }));
    expect(after[podId('default', 'newcomer')]).toEqual(start[podId('default', 'logger')]);
    for (const name of ['cache', 'db', 'extra'])
      expect(after[podId('default', name)], name).toEqual(start[podId('default', name)]);
  });
});

describe('a move’s consequence, stage by stage', () => {
  const moved = (command: string) => {
    const store = createSimStore({ setup: dataOnTheMove });
    const start = selectCluster(store.getState());
    store.getState().run(command);
    const consequence = selectConsequence(store.getState());
    expect(consequence).toBeDefined();
    const cluster = selectCluster(store.getState());
    const keeper = createLayoutKeeper();
    const initial = keeper.project({ cluster: start, labels });
    const at = (stage: number) => keeper.project({ cluster, labels, consequence, stage });
    return { initial, at };
  };

  describe('sim move cache --to node-2 (emptyDir)', () => {
    const { initial, at } = moved('sim move cache --to node-2');
    const replacementId = podId('default', 'cache');

    it('stage 0: a ghost of the old pod on node-1 where it was, the replacement hidden', () => {
      const diagram = at(0);
      const ghost = byId(diagram, 'ghost:default/cache');
      expect(ghost.parentId).toBe(nodeId('node-1'));
      expect(ghost.type).toBe('ghost');
      expect(ghost.data).toEqual({ kind: 'ghost', name: 'cache', namespace: 'default', node: 'node-1' });
      expect(ghost.position).toEqual(byId(initial, replacementId).position);
      expect(ghost.ariaLabel).toBe('Pod cache');
      const replacement = byId(diagram, replacementId);
      expect(replacement.parentId).toBe(nodeId('node-2'));
      expect(replacement.hidden).toBe(true);
      expect(replacement.data).not.toHaveProperty('arriving');
    });

    it('stage 1: the replacement is visible and arriving, the ghost still there', () => {
      const diagram = at(1);
      const replacement = byId(diagram, replacementId);
      expect(replacement.hidden).toBe(false);
      expect(replacement.data).toMatchObject({ arriving: true, node: 'node-2' });
      expect(replacement.className).toContain('is-arriving');
      expect(diagram.nodes.some((n) => n.id === 'ghost:default/cache')).toBe(true);
      expect((replacement.data as PodData).mounts[0]).not.toHaveProperty('lost');
    });

    it('stage 2: the ghost is gone and the replacement’s emptyDir shows 1 file lost', () => {
      const diagram = at(2);
      expect(diagram.nodes.some((n) => n.id.startsWith('ghost:'))).toBe(false);
      const replacement = podAt(diagram, replacementId);
      expect(replacement.mounts).toEqual([
        {
          volume: 'scratch',
          type: 'emptyDir',
          source: '',
          mountPath: '/cache',
          files: 0,
          fileNames: [],
          lost: 1,
          lostNames: ['/hits.txt'],
        },
      ]);
    });

    it('keeps parents before children at every stage', () => {
      for (const stage of [0, 1, 2]) {
        const seen = new Set<string>();
        for (const node of at(stage).nodes) {
          if (node.parentId) expect(seen.has(node.parentId)).toBe(true);
          seen.add(node.id);
        }
      }
    });
  });

  describe('sim move logger --to node-2 (hostPath)', () => {
    const { at } = moved('sim move logger --to node-2');

    it('marks /var/log/demo on node-1 as left behind at stage 2 only', () => {
      const dir = (stage: number) => byId(at(stage), 'dir:node-1:/var/log/demo');
      expect(dir(0).data).not.toHaveProperty('leftBehind');
      expect(dir(2).data).toMatchObject({ files: 1, leftBehind: true });
      expect(dir(2).className).toContain('is-left-behind');
    });

    it('shows the empty directory the replacement finds on node-2, with its mount edge', () => {
      const diagram = at(2);
      expect(byId(diagram, 'dir:node-2:/var/log/demo').data).toMatchObject({ files: 0, use: 'hostPath' });
      expect(diagram.edges.map((e) => `${e.source} -> ${e.target}`)).toContain(
        'pod:default/logger -> dir:node-2:/var/log/demo',
      );
    });
  });
});

describe('mergeNodes', () => {
  const cluster = run(createCluster(), dataOnTheMove);
  const first = projectCluster({ cluster, labels }).nodes;

  it('keeps the identical object for every unchanged node', () => {
    const again = projectCluster({ cluster, labels }).nodes;
    const merged = mergeNodes(first, again);
    expect(merged).toHaveLength(first.length);
    merged.forEach((node, i) => {
      expect(node).toBe(first[i]);
    });
  });

  it('takes a changed node from the new projection but keeps measured and selected', () => {
    const id = podId('default', 'cache');
    const previous = first.map((n) =>
      n.id === id ? { ...n, measured: { width: 190, height: 130 }, selected: true } : n,
    );
    const changed = run(cluster, 'kubectl exec cache -- sh -c "echo more > /cache/more.txt"');
    const next = projectCluster({ cluster: changed, labels }).nodes;
    const merged = mergeNodes(previous, next);
    const cache = merged.find((n) => n.id === id);
    if (!cache) throw new Error('cache is missing');
    expect(cache).not.toBe(previous.find((n) => n.id === id));
    expect((cache.data as PodData).mounts[0]?.files).toBe(2);
    expect(cache?.measured).toEqual({ width: 190, height: 130 });
    expect(cache?.selected).toBe(true);
    // Unchanged neighbours keep their objects.
    const logger = podId('default', 'logger');
    expect(merged.find((n) => n.id === logger)).toBe(previous.find((n) => n.id === logger));
  });

  it('snaps a dragged node back to its projected position', () => {
    const id = podId('default', 'logger');
    const dragged = first.map((n) => (n.id === id ? { ...n, position: { x: 999, y: -40 } } : n));
    const next = projectCluster({ cluster, labels }).nodes;
    const merged = mergeNodes(dragged, next);
    const logger = merged.find((n) => n.id === id);
    expect(logger?.position).toEqual(next.find((n) => n.id === id)?.position);
    expect(logger?.position).not.toEqual({ x: 999, y: -40 });
  });

  it('adds new nodes as they are and drops removed ones', () => {
    const fewer = run(cluster, 'kubectl delete pod cache');
    const merged = mergeNodes(first, projectCluster({ cluster: fewer, labels }).nodes);
    expect(merged.some((n) => n.id === podId('default', 'cache'))).toBe(false);
    const more = run(cluster, pinnedPod('extra', 'node-2'));
    const next = projectCluster({ cluster: more, labels }).nodes;
    const extra = next.find((n) => n.id === podId('default', 'extra'));
    expect(mergeNodes(first, next).find((n) => n.id === podId('default', 'extra'))).toBe(extra);
  });
});
