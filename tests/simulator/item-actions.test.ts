import { describe, expect, it } from 'vitest';
import { type ClusterState, createCluster, podFileView, runScript } from '../../src/sim/index.ts';
import type { ItemData, PodData } from '../../src/simulator/model/diagram-types.ts';
import {
  type ItemAction,
  itemActions,
  writableText,
  writeCommand,
} from '../../src/simulator/model/item-actions.ts';
import { type DiagramLabels, projectCluster } from '../../src/simulator/model/project.ts';

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

const run = (state: ClusterState, script: string): ClusterState => {
  const { state: next, steps } = runScript(state, script);
  for (const step of steps) expect(step.result.exitCode, step.command.source).toBe(0);
  return next;
};

const setup = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: solo
spec:
  nodeSelector:
    kubernetes.io/hostname: node-1
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - name: scratch
      mountPath: /scratch
    - name: config
      mountPath: /config
      readOnly: true
  - name: sidecar
    image: busybox:1.36
    volumeMounts:
    - name: scratch
      mountPath: /shared
  volumes:
  - name: scratch
    emptyDir: {}
  - name: config
    emptyDir: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: busybox:1.36
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: app
        image: busybox:1.36
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: keep
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: manual
  hostPath:
    path: /srv/keep
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF`;

const base = run(createCluster(), setup);

/** The diagram data of an item, as the actions menu receives it. */
function item(cluster: ClusterState, id: string): ItemData {
  const node = projectCluster({ cluster, labels }).nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no diagram node ${id}`);
  return node.data;
}
const pods = (cluster: ClusterState) =>
  projectCluster({ cluster, labels })
    .nodes.filter((n) => n.type === 'pod')
    .map((n) => n.data as PodData);
const commands = (actions: ItemAction[]) =>
  actions.flatMap((a) => (a.kind === 'command' ? [`${a.id}: ${a.command}`] : []));
const moveTargets = (actions: ItemAction[]) => actions.find((a) => a.kind === 'move')?.targets ?? [];

describe('itemActions for a pod', () => {
  const solo = item(base, 'pod:default/solo');

  it('offers a move to every other node, each a sim move', () => {
    const targets = moveTargets(itemActions(base, solo));
    expect(targets.map((t) => t.node)).toEqual(['control-plane', 'node-2', 'node-3']);
    for (const target of targets) expect(target.command).toBe(`sim move solo --to ${target.node}`);
  });

  it('offers writing into each container’s writable mounts only', () => {
    const write = itemActions(base, solo).find((a) => a.kind === 'write');
    expect(write).toEqual({
      kind: 'write',
      pod: 'solo',
      containers: [
        { name: 'app', mountPaths: ['/scratch'] },
        { name: 'sidecar', mountPaths: ['/shared'] },
      ],
    });
  });

  it('offers a crash per container, and deleting the pod', () => {
    expect(commands(itemActions(base, solo))).toEqual([
      'crash: sim crash solo -c app',
      'crash: sim crash solo -c sidecar',
      'deletePod: kubectl delete pod solo',
    ]);
  });

  it('offers no scaling for a bare pod', () => {
    const ids = itemActions(base, solo).map((a) => (a.kind === 'command' ? a.id : a.kind));
    expect(ids).not.toContain('scaleUp');
    expect(ids).not.toContain('scaleDown');
  });

  it('scales the Deployment for a Deployment’s pod', () => {
    const web = pods(base).find((p) => p.name.startsWith('web-'));
    if (!web) throw new Error('no web pod');
    expect(web.owner).toMatch(/^ReplicaSet\/web-/);
    const actions = itemActions(base, web);
    expect(commands(actions)).toEqual(
      expect.arrayContaining([
        'scaleUp: kubectl scale deployment/web --replicas=3',
        'scaleDown: kubectl scale deployment/web --replicas=1',
      ]),
    );
    expect(actions.find((a) => a.kind === 'command' && a.id === 'scaleUp')).toMatchObject({ arg: '3' });
    expect(moveTargets(actions).map((t) => t.node)).not.toContain(web.node);
  });

  it('scales the StatefulSet for a StatefulSet’s pod, never below zero', () => {
    const db = item(base, 'pod:default/db-0');
    expect(commands(itemActions(base, db))).toEqual(
      expect.arrayContaining([
        'scaleUp: kubectl scale statefulset/db --replicas=2',
        'scaleDown: kubectl scale statefulset/db --replicas=0',
      ]),
    );
    const scaledToZero = run(base, 'kubectl scale statefulset/db --replicas=0');
    const ids = itemActions(scaledToZero, db).map((a) => (a.kind === 'command' ? a.id : a.kind));
    expect(ids).toContain('scaleUp');
    expect(ids).not.toContain('scaleDown');
  });

  it('offers moving and deleting, but no write or crash, for an unscheduled pod', () => {
    const pending = run(
      base,
      `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: waiting
spec:
  nodeSelector:
    kubernetes.io/hostname: nowhere
  containers:
  - name: app
    image: busybox:1.36
EOF`,
    );
    const actions = itemActions(pending, item(pending, 'pod:default/waiting'));
    expect(actions.map((a) => a.kind)).toEqual(['move', 'command']);
    expect(moveTargets(actions).map((t) => t.node)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(commands(actions)).toEqual(['deletePod: kubectl delete pod waiting']);
  });

  it('adds the namespace to every command outside default', () => {
    const elsewhere: PodData = { ...(solo as PodData), name: 'api', namespace: 'team-a' };
    const actions = itemActions(base, elsewhere);
    expect(moveTargets(actions)[0]?.command).toBe('sim move api --to control-plane -n team-a');
    expect(commands(actions)).toEqual(['deletePod: kubectl delete pod api -n team-a']);
  });

  it('offers nothing for the ghost of a moved pod', () => {
    const { name, namespace, node } = solo as PodData;
    expect(itemActions(base, { kind: 'ghost', name, namespace, node })).toEqual([]);
  });
});

describe('itemActions for a node', () => {
  it('offers cordon, drain and fail for a healthy node', () => {
    expect(commands(itemActions(base, item(base, 'node:node-1')))).toEqual([
      'cordon: kubectl cordon node-1',
      'drain: kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data',
      'fail: sim node fail node-1',
    ]);
  });

  it('offers uncordon once the node is unschedulable', () => {
    const cordoned = run(base, 'kubectl cordon node-1');
    const ids = commands(itemActions(cordoned, item(cordoned, 'node:node-1')));
    expect(ids[0]).toBe('uncordon: kubectl uncordon node-1');
    expect(ids.some((c) => c.startsWith('cordon:'))).toBe(false);
  });

  it('offers recover instead of fail after the node failed', () => {
    const failed = run(base, 'sim node fail node-1');
    const ids = commands(itemActions(failed, item(failed, 'node:node-1')));
    expect(ids).toContain('recover: sim node recover node-1');
    expect(ids.some((c) => c.startsWith('fail:'))).toBe(false);
    const recovered = run(failed, 'sim node recover node-1');
    expect(commands(itemActions(recovered, item(recovered, 'node:node-1')))).toContain(
      'fail: sim node fail node-1',
    );
  });
});

describe('itemActions for storage', () => {
  it('offers deleting a claim', () => {
    expect(commands(itemActions(base, item(base, 'pvc:default/claim')))).toEqual([
      'deleteClaim: kubectl delete pvc claim',
    ]);
  });

  it('offers only deleting a bound volume', () => {
    expect(commands(itemActions(base, item(base, 'pv:keep')))).toEqual([
      'deleteVolume: kubectl delete pv keep',
    ]);
  });

  it('offers clearing the claimRef of a Released volume, which makes it Available', () => {
    const released = run(base, 'kubectl delete pvc claim');
    const pv = item(released, 'pv:keep');
    expect(pv).toMatchObject({ phase: 'Released' });
    const actions = itemActions(released, pv);
    expect(commands(actions)).toEqual([
      'deleteVolume: kubectl delete pv keep',
      `releaseVolume: kubectl patch pv keep --type merge -p '{"spec":{"claimRef":null}}'`,
    ]);
    const release = actions.find((a) => a.kind === 'command' && a.id === 'releaseVolume');
    if (release?.kind !== 'command') throw new Error('no release action');
    const after = run(released, release.command);
    expect(after.objects.PersistentVolume.keep?.status.phase).toBe('Available');
  });

  it('offers nothing for a StorageClass', () => {
    expect(itemActions(base, item(base, 'sc:standard'))).toEqual([]);
  });
});

describe('writeCommand', () => {
  it('appends a line to a file with a shell inside the container', () => {
    expect(writeCommand('solo', 'default', 'app', '/scratch', 'notes.txt', 'hello world')).toBe(
      `kubectl exec solo -c app -- sh -c "echo 'hello world' >> /scratch/notes.txt"`,
    );
  });

  it('drops a trailing slash of the directory and adds the namespace', () => {
    expect(writeCommand('api', 'team-a', 'app', '/data/', 'a.log', 'x')).toBe(
      `kubectl exec api -n team-a -c app -- sh -c "echo 'x' >> /data/a.log"`,
    );
  });

  it.each(['a/b', '..', '.', '', 'a b', 'a;b', '$x', '"q"'])('rejects the file name %j', (file) => {
    expect(writeCommand('solo', 'default', 'app', '/scratch', file, 'text')).toBeUndefined();
  });

  it.each(['say "hi"', "it's", '$HOME', 'a`id`', 'back\\slash', '-n', 'two\nlines'])(
    'rejects the text %j',
    (text) => {
      expect(writableText.test(text)).toBe(false);
      expect(writeCommand('solo', 'default', 'app', '/scratch', 'f.txt', text)).toBeUndefined();
    },
  );

  it('accepts Korean text', () => {
    expect(writeCommand('solo', 'default', 'app', '/scratch', 'f.txt', '안녕하세요 세계')).toBe(
      `kubectl exec solo -c app -- sh -c "echo '안녕하세요 세계' >> /scratch/f.txt"`,
    );
  });
});

describe('running a write command', () => {
  const fileIn = (cluster: ClusterState, container: string, mountPath: string, path: string) =>
    podFileView(cluster, 'default', 'solo')
      .find((c) => c.container === container)
      ?.mounts.find((m) => m.mountPath === mountPath)
      ?.files.find((f) => f.path === path);

  const write = (text: string, file = 'notes.txt', container = 'app', directory = '/scratch') => {
    const command = writeCommand('solo', 'default', container, directory, file, text);
    if (!command) throw new Error(`rejected ${text}`);
    return runScript(base, command);
  };

  it('writes the text into the mounted volume', () => {
    const { state, steps } = write('hello world');
    expect(steps[0]?.result.exitCode).toBe(0);
    expect(fileIn(state, 'app', '/scratch', '/notes.txt')?.content).toBe('hello world\n');
    // The other container sees the same emptyDir.
    expect(fileIn(state, 'sidecar', '/shared', '/notes.txt')?.content).toBe('hello world\n');
  });

  it('appends, keeping the earlier lines', () => {
    const first = write('one').state;
    const command = writeCommand('solo', 'default', 'sidecar', '/shared', 'notes.txt', 'two');
    const { state } = runScript(first, command ?? '');
    expect(fileIn(state, 'app', '/scratch', '/notes.txt')?.content).toBe('one\ntwo\n');
  });

  it('writes Korean text into a file', () => {
    const { state, steps } = write('안녕하세요 세계', 'hello.txt');
    expect(steps[0]?.result.exitCode).toBe(0);
    expect(fileIn(state, 'app', '/scratch', '/hello.txt')?.content).toBe('안녕하세요 세계\n');
  });

  it.each(['v1.2: ok!', 'a=b, c+d @ 50%', 'path/to/x', 'why?', 'a > b', 'a | b && c'])(
    'writes %j literally',
    (text) => {
      const { state } = write(text);
      expect(fileIn(state, 'app', '/scratch', '/notes.txt')?.content).toBe(`${text}\n`);
    },
  );

  // The text is single-quoted, so `;` and `&&` are written, not run.
  it('writes text with a semicolon literally', () => {
    const command = writeCommand('solo', 'default', 'app', '/scratch', 'notes.txt', 'hello; world') ?? '';
    const { state, steps } = runScript(base, command);
    expect(steps[0]?.result.exitCode).toBe(0);
    expect(fileIn(state, 'app', '/scratch', '/notes.txt')?.content).toBe('hello; world\n');
  });

  // echo would read a leading dash as an option (`-n` writes nothing), so such text is refused.
  it('refuses text that echo would take for an option', () => {
    expect(writeCommand('solo', 'default', 'app', '/scratch', 'notes.txt', '-n')).toBeUndefined();
  });
});
