import fc from 'fast-check';

/** Random but meaningful learner commands: objects of every kind, data writes, node events. */
const names = fc.constantFrom('a', 'b', 'c');
const nodes = fc.constantFrom('node-1', 'node-2', 'node-3', 'node-4', 'control-plane');
const size = fc.constantFrom('1Gi', '2Gi', '5Gi', '500Mi');
const modes = fc.constantFrom(
  '[ReadWriteOnce]',
  '[ReadWriteMany]',
  '[ReadWriteOncePod]',
  '[ReadOnlyMany, ReadWriteOnce]',
);
const claimClass = fc.constantFrom(
  '',
  '  storageClassName: ""\n',
  '  storageClassName: standard\n',
  '  storageClassName: missing\n',
  '  storageClassName: manual\n',
);

const pvc = fc
  .record({ name: names, size, modes, cls: claimClass })
  .map(
    ({ name, size, modes, cls }) =>
      `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n${cls}  accessModes: ${modes}\n  resources:\n    requests:\n      storage: ${size}\nEOF`,
  );

const pvSource = fc.constantFrom(
  '  hostPath:\n    path: /pv/DATA\n',
  '  nfs:\n    server: nfs.example\n    path: /exports/DATA\n',
  '  local:\n    path: /mnt/disks/DATA\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - key: kubernetes.io/hostname\n          operator: In\n          values: [node-1]\n',
);
const pv = fc
  .record({
    name: names,
    size,
    modes,
    source: pvSource,
    policy: fc.constantFrom('Retain', 'Delete', 'Recycle'),
    cls: fc.constantFrom('', '  storageClassName: manual\n'),
  })
  .map(
    ({ name, size, modes, source, policy, cls }) =>
      `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${name}\nspec:\n${cls}  capacity:\n    storage: ${size}\n  accessModes: ${modes}\n  persistentVolumeReclaimPolicy: ${source.includes('local') ? 'Retain' : policy}\n${source.replace('DATA', name)}EOF`,
  );

const volume = fc.constantFrom(
  '  - name: v\n    emptyDir: {}\n',
  '  - name: v\n    emptyDir:\n      sizeLimit: 10\n',
  '  - name: v\n    hostPath:\n      path: /srv/host-data\n      type: DirectoryOrCreate\n',
  '  - name: v\n    hostPath:\n      path: /srv/missing\n      type: Directory\n',
  '  - name: v\n    persistentVolumeClaim:\n      claimName: a\n',
  '  - name: v\n    persistentVolumeClaim:\n      claimName: b\n',
);
const template = (vol: string) =>
  `    spec:\n      containers:\n      - name: app\n        image: busybox\n        volumeMounts:\n        - name: v\n          mountPath: /data\n      volumes:\n${vol.replace(/^ {2}/gm, '      ')}`;

const pod = fc
  .record({ name: names, volume })
  .map(
    ({ name, volume }) =>
      `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${name}\nspec:\n  containers:\n  - name: app\n    image: busybox\n    volumeMounts:\n    - name: v\n      mountPath: /data\n  volumes:\n${volume}EOF`,
  );
const workload = fc
  .record({
    kind: fc.constantFrom('ReplicaSet', 'Deployment'),
    name: names,
    replicas: fc.integer({ min: 0, max: 3 }),
    volume,
  })
  .map(
    ({ kind, name, replicas, volume }) =>
      `kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: w-${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: w-${name}\n  template:\n    metadata:\n      labels:\n        app: w-${name}\n${template(volume)}EOF`,
  );
const statefulSet = fc
  .record({ replicas: fc.integer({ min: 0, max: 3 }), retain: fc.constantFrom('Retain', 'Delete') })
  .map(
    ({ replicas, retain }) =>
      `kubectl apply -f - <<EOF\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: db\n  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: ${retain}\n    whenScaled: ${retain}\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: db\n        image: postgres\n        volumeMounts:\n        - name: data\n          mountPath: /data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\nEOF`,
  );

const simple = fc.oneof(
  fc
    .record({ kind: fc.constantFrom('pod', 'pvc', 'pv', 'rs', 'deploy', 'sts'), name: names })
    .map(({ kind, name }) => {
      const prefix =
        kind === 'pod' ? 'pod-' : kind === 'pv' ? 'pv-' : kind === 'sts' ? '' : kind === 'pvc' ? '' : 'w-';
      return `kubectl delete ${kind} ${kind === 'sts' ? 'db' : `${prefix}${name}`}`;
    }),
  fc
    .record({
      pod: fc.constantFrom('pod-a', 'pod-b', 'pod-c', 'db-0', 'db-1'),
      text: fc.constantFrom('x', 'hello world', 'x'.repeat(40)),
    })
    .map(
      ({ pod, text }) =>
        `kubectl exec ${pod} -- sh -c "echo ${text} >> /data/f.txt; echo ${text} > /tmp/t.txt"`,
    ),
  fc
    .record({ pod: fc.constantFrom('pod-a', 'pod-b', 'db-0'), node: nodes })
    .map(({ pod, node }) => `sim move ${pod} --to ${node}`),
  fc.constantFrom('pod-a', 'pod-b', 'db-0').map((pod) => `sim crash ${pod}`),
  nodes.map((node) => `sim node fail ${node}`),
  nodes.map((node) => `sim node recover ${node}`),
  nodes.map((node) => `sim node delete ${node}`),
  nodes.map((node) => `sim node add ${node}`),
  nodes.map((node) => `kubectl cordon ${node}`),
  nodes.map((node) => `kubectl uncordon ${node}`),
  nodes.map((node) => `kubectl drain ${node} --delete-emptydir-data --force`),
  fc.constantFrom('30s', '5m', '7m', '1h').map((d) => `sim advance ${d}`),
  fc
    .record({ kind: fc.constantFrom('deploy/w-a', 'rs/w-b', 'sts/db'), n: fc.integer({ min: 0, max: 3 }) })
    .map(({ kind, n }) => `kubectl scale ${kind} --replicas=${n}`),
  names.map((name) => `kubectl patch pv pv-${name} --type merge -p '{"spec":{"claimRef":null}}'`),
  fc.constantFrom(
    'kubectl get pods -o wide',
    'kubectl get pv,pvc',
    'kubectl describe pvc a',
    'kubectl get events',
    'kubectl get pv -o yaml',
  ),
);

export const commandArbitrary = fc.oneof(
  { weight: 3, arbitrary: simple },
  { weight: 2, arbitrary: pod },
  { weight: 2, arbitrary: pvc },
  { weight: 2, arbitrary: pv },
  { weight: 1, arbitrary: workload },
  { weight: 1, arbitrary: statefulSet },
);
