// npm run bench:sim — time per command (including reconciliation) on clusters of 10, 100 and
// 1,000 pods, plus memory and snapshot cost. A report, not a test.
import { performance } from 'node:perf_hooks';
import { runCommand, runScript } from '../../src/sim/cluster.ts';
import { createCluster } from '../../src/sim/default-cluster.ts';
import { serializeCluster } from '../../src/sim/persistence.ts';
import { parseCommandLine } from '../../src/sim/script/parse-script.ts';
import type { ClusterState } from '../../src/sim/state.ts';

function deployment(name: string, replicas: number): string {
  return `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx
        volumeMounts:
        - name: cache
          mountPath: /cache
      volumes:
      - name: cache
        emptyDir: {}
EOF`;
}

function build(pods: number): { state: ClusterState; ms: number } {
  const start = performance.now();
  let state = createCluster({ nodes: Math.max(3, Math.ceil(pods / 100)) });
  const deployments = Math.max(1, Math.ceil(pods / 100));
  for (let i = 0; i < deployments; i++)
    state = runScript(state, deployment(`app-${i}`, Math.min(100, pods - i * 100))).state;
  return { state, ms: performance.now() - start };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function changedObjects(a: ClusterState, b: ClusterState): number {
  let changed = 0;
  for (const kind of Object.keys(a.objects) as Array<keyof ClusterState['objects']>) {
    const before = a.objects[kind] as Record<string, unknown>;
    for (const [key, object] of Object.entries(b.objects[kind])) if (before[key] !== object) changed++;
  }
  return changed;
}

const rows: string[] = [];
for (const size of [10, 100, 1000]) {
  const { state: built, ms: buildMs } = build(size);
  let state = built;
  const podNames = Object.values(state.objects.Pod).map((p) => p.metadata.name);
  const commands = (i: number) => {
    const pod = podNames[i % podNames.length] ?? '';
    return [
      'kubectl get pods',
      `kubectl exec ${pod} -- sh -c "echo ${i} >> /cache/log"`,
      `sim crash ${pod}`,
      `kubectl describe pvc missing`,
      `kubectl cordon node-${(i % 3) + 1}`,
      `kubectl uncordon node-${(i % 3) + 1}`,
    ][i % 6] as string;
  };
  const times: number[] = [];
  const shared: number[] = [];
  for (let i = 0; i < 60; i++) {
    const parsed = parseCommandLine(commands(i));
    if ('error' in parsed) throw new Error(parsed.error);
    const start = performance.now();
    const next = runCommand(state, parsed.argv).state;
    times.push(performance.now() - start);
    shared.push(changedObjects(state, next));
    state = next;
  }
  // Deleting a pod makes its ReplicaSet create a replacement: the heaviest everyday command.
  const deletes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const name = Object.values(state.objects.Pod)[i]?.metadata.name ?? '';
    const start = performance.now();
    state = runCommand(state, ['kubectl', 'delete', 'pod', name]).state;
    deletes.push(performance.now() - start);
  }
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  rows.push(
    [
      String(size).padStart(5),
      `${(buildMs / 1000).toFixed(2)} s`.padStart(9),
      `${percentile(times, 50).toFixed(2)} ms`.padStart(10),
      `${percentile(times, 95).toFixed(2)} ms`.padStart(10),
      `${percentile(deletes, 50).toFixed(2)} ms`.padStart(11),
      `${(serializeCluster(state).length / 1024).toFixed(0)} KB`.padStart(9),
      `${percentile(shared, 50)}`.padStart(14),
      `${heapMb.toFixed(0)} MB`.padStart(7),
    ].join(' | '),
  );
}
console.log('  pods |     setup | cmd median |    cmd p95 | delete med |  saved | changed objs | heap');
console.log('-------|-----------|------------|------------|-------------|--------|--------------|-----');
for (const row of rows) console.log(row);
console.log(
  '\ncmd = get, exec write, crash, describe, cordon, uncordon (with reconciliation); budgets: ≤ 2 ms at 100 pods, ≤ 20 ms at 1,000.',
);
console.log(
  'changed objs = median number of stored objects a command replaced: a snapshot shares all the others.',
);
