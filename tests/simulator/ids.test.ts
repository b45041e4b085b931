import { describe, expect, it } from 'vitest';
import { createCluster, runScript } from '../../src/sim/index.ts';
import type { DiagramLabels } from '../../src/simulator/model/diagram-types.ts';
import {
  dirId,
  diskId,
  ghostId,
  type ItemRef,
  itemId,
  itemKinds,
  itemName,
  nodeId,
  parseItemId,
  pendingId,
  podId,
  pvcId,
  pvId,
  scId,
} from '../../src/simulator/model/ids.ts';
import { projectCluster } from '../../src/simulator/model/project.ts';

/** Every builder with a reference it should round-trip through. */
const cases: Array<[string, ItemRef]> = [
  [nodeId('node-1'), { kind: 'node', name: 'node-1' }],
  [nodeId('control-plane'), { kind: 'node', name: 'control-plane' }],
  [pendingId, { kind: 'pending' }],
  [podId('default', 'cache'), { kind: 'pod', namespace: 'default', name: 'cache' }],
  [podId('team-a', 'web-7d4b9c-x2x9q'), { kind: 'pod', namespace: 'team-a', name: 'web-7d4b9c-x2x9q' }],
  [ghostId('default', 'cache'), { kind: 'ghost', namespace: 'default', name: 'cache' }],
  [dirId('node-1', '/var/log/demo'), { kind: 'dir', node: 'node-1', path: '/var/log/demo' }],
  [dirId('node-2', '/'), { kind: 'dir', node: 'node-2', path: '/' }],
  // A path may hold ':' too: only the node's name cannot.
  [dirId('node-1', '/mnt/a:b'), { kind: 'dir', node: 'node-1', path: '/mnt/a:b' }],
  [pvcId('default', 'db-data'), { kind: 'pvc', namespace: 'default', name: 'db-data' }],
  [pvId('local-node-1'), { kind: 'pv', name: 'local-node-1' }],
  [diskId('csi:pd.csi.storage.gke.io/disk-1'), { kind: 'disk', key: 'csi:pd.csi.storage.gke.io/disk-1' }],
  [diskId('nfs:10.0.0.5:/exports/a'), { kind: 'disk', key: 'nfs:10.0.0.5:/exports/a' }],
  [scId('standard'), { kind: 'sc', name: 'standard' }],
];

describe('item ids', () => {
  it('builds ids as `<kind>:<key>`', () => {
    expect(podId('default', 'cache')).toBe('pod:default/cache');
    expect(dirId('node-1', '/var/log/demo')).toBe('dir:node-1:/var/log/demo');
    expect(pvcId('default', 'db-data')).toBe('pvc:default/db-data');
    expect(pendingId).toBe('pending');
  });

  it.each(cases)('parses %s back into what built it', (id, ref) => {
    expect(parseItemId(id)).toEqual(ref);
    expect(itemId(ref)).toBe(id);
  });

  it('has a case for every kind', () => {
    expect(new Set(cases.map(([, ref]) => ref.kind))).toEqual(new Set(itemKinds));
  });

  it.each([
    '',
    'pending:',
    'pendingx',
    ':',
    'node',
    'node:',
    'nodes:node-1',
    'k8sNode:node-1',
    'claim:default/db',
    'Pod:default/cache',
    'pod:cache',
    'pod:default/',
    'pod:/cache',
    'ghost:cache',
    'dir:node-1',
    'dir::/var/log',
    'dir:node-1:',
    'pvc:db-data',
    'pv:',
    'disk:',
    'sc:',
    'toString:x',
    '__proto__:x',
  ])('gives undefined for %j', (id) => {
    expect(parseItemId(id)).toBeUndefined();
  });

  it('names an item in an edge label by its id without the kind', () => {
    expect(itemName(podId('default', 'db'))).toBe('default/db');
    expect(itemName(dirId('node-1', '/var/log/demo'))).toBe('node-1:/var/log/demo');
    expect(itemName(pvId('pv-1'))).toBe('pv-1');
    expect(itemName('not an id')).toBe('not an id');
  });
});

describe('one kind per item', () => {
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
  const { state: cluster } = runScript(
    createCluster(),
    `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: logger
spec:
  nodeSelector:
    kubernetes.io/hostname: node-1
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - name: logs
      mountPath: /logs
  volumes:
  - name: logs
    hostPath:
      path: /var/log/demo
---
apiVersion: v1
kind: Pod
metadata:
  name: lost
spec:
  nodeSelector:
    kubernetes.io/hostname: nowhere
  containers:
  - name: app
    image: busybox:1.36
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF
kubectl exec logger -- sh -c "echo hi > /logs/a.txt"`,
  );
  const diagram = projectCluster({ cluster, labels });

  it('uses the kind as React Flow type, data kind and id prefix, and maps every id to its data', () => {
    expect(diagram.nodes.length).toBeGreaterThan(0);
    for (const node of diagram.nodes) {
      const ref = parseItemId(node.id);
      expect(ref?.kind, node.id).toBe(node.type);
      expect(node.data.kind, node.id).toBe(node.type);
      expect(ref && itemId(ref)).toBe(node.id);
      expect(diagram.items.get(node.id)).toBe(node.data);
    }
    expect(diagram.items.size).toBe(diagram.nodes.length);
    const kinds = new Set(diagram.nodes.map((n) => n.type));
    for (const kind of ['node', 'pending', 'pod', 'dir', 'pvc', 'sc'] as const) expect(kinds).toContain(kind);
  });
});
