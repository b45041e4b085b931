import { describe, expect, it } from 'vitest';
import type { Controller } from '../../src/sim/controllers/controller.ts';
import { createCluster, runCommand, runScript } from '../../src/sim/index.ts';
import { maxRounds, ReconcileError, reconcile } from '../../src/sim/reconcile.ts';

const claim = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF`;

const podUsingClaim = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  nodeSelector:
    kubernetes.io/hostname: node-1
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
EOF`;

const deployment = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: app
        image: busybox:1.36
EOF`;

const steps = (script: string) => runScript(createCluster(), script).steps;

describe('a command result says what the command changed', () => {
  it('lists what the command created and what the controllers wrote in answer', () => {
    const [, created] = steps(`${claim}\n${podUsingClaim}`);
    expect(created?.changes.created).toEqual(
      expect.arrayContaining([
        { kind: 'Pod', name: 'db', namespace: 'default' },
        { kind: 'PersistentVolume', name: expect.stringMatching(/^pvc-/) },
      ]),
    );
    // The PV controller bound the claim that waited for its first consumer.
    expect(created?.changes.updated).toContainEqual({
      kind: 'PersistentVolumeClaim',
      name: 'data',
      namespace: 'default',
    });
    expect(created?.changes.deleted).toEqual([]);
  });

  it('lists nothing for a reading command or a refused one', () => {
    const run = steps(`${claim}\nkubectl get pvc\nkubectl delete pod nope`);
    expect(run[1]?.changes).toEqual({ created: [], updated: [], deleted: [] });
    expect(run[2]?.result.exitCode).not.toBe(0);
    expect(run[2]?.changes).toEqual({ created: [], updated: [], deleted: [] });
  });

  it('lists deletions, and an object recreated under its name as deleted and created', () => {
    const run = steps(`${podUsingClaim.replace(/ {4}volumeMounts:[\s\S]*EOF/, 'EOF')}
sim move db --to node-2
kubectl delete pod db`);
    const pod = { kind: 'Pod', name: 'db', namespace: 'default' };
    expect(run[1]?.changes.deleted).toEqual([pod]);
    expect(run[1]?.changes.created).toEqual([pod]);
    expect(run[1]?.changes.updated).toEqual([]);
    expect(run[2]?.changes.deleted).toEqual([pod]);
  });

  it('does not list events', () => {
    const [first] = steps('kubectl cordon node-1');
    expect(first?.changes.updated).toEqual([{ kind: 'Node', name: 'node-1' }]);
  });
});

describe('sim move reports the pod it deleted and its replacement', () => {
  it('a bare pod keeps its name', () => {
    const run = steps(
      `${podUsingClaim.replace(/ {4}volumeMounts:[\s\S]*EOF/, 'EOF')}\nsim move db --to node-2`,
    );
    expect(run[1]?.move).toEqual({
      namespace: 'default',
      pod: 'db',
      from: 'node-1',
      to: 'node-2',
      replacement: 'db',
    });
  });

  it("a ReplicaSet's pod is replaced by the new pod of the same owner", () => {
    const { state, steps: run } = runScript(createCluster(), deployment);
    expect(run[0]?.result.exitCode).toBe(0);
    const old = Object.values(state.objects.Pod)[0];
    const from = old?.spec.nodeName ?? '';
    const to = from === 'node-1' ? 'node-2' : 'node-1';
    const moved = runCommand(state, ['sim', 'move', old?.metadata.name ?? '', '--to', to]);
    const replacement = moved.move?.replacement ?? '';
    expect(moved.move).toMatchObject({ pod: old?.metadata.name, from, to });
    expect(replacement).toMatch(/^web-/);
    expect(replacement).not.toBe(old?.metadata.name);
    expect(moved.state.objects.Pod[`default/${replacement}`]?.spec.nodeName).toBe(to);
    expect(moved.changes.created).toEqual([{ kind: 'Pod', name: replacement, namespace: 'default' }]);
    expect(moved.result.stdout).toContain(`created pod/${replacement}`);
  });

  it('a refused move reports no move', () => {
    const run = steps('sim move nope --to node-2');
    expect(run[0]?.result.exitCode).not.toBe(0);
    expect(run[0]?.move).toBeUndefined();
  });

  it('a pod that cannot finish terminating reports the move without a replacement', () => {
    const run = steps(`${podUsingClaim.replace(/ {4}volumeMounts:[\s\S]*EOF/, 'EOF')}
sim node fail node-1
sim move db --to node-2`);
    expect(run[2]?.result.exitCode).toBe(1);
    expect(run[2]?.move).toEqual({ namespace: 'default', pod: 'db', from: 'node-1', to: 'node-2' });
  });
});

describe('reconciliation that never settles', () => {
  // Two loops undoing each other's work: the shape of the bug this guards against.
  const flipFlop: Controller = (api) => {
    api.state.rng = api.state.rng === 1 ? 2 : 1;
  };

  it('throws instead of stopping silently in a half-reconciled state', () => {
    expect(() => reconcile(createCluster(), [flipFlop])).toThrow(ReconcileError);
    expect(() => reconcile(createCluster(), [flipFlop])).toThrow(`after ${maxRounds} rounds`);
  });

  it('settles when the loops stop changing anything', () => {
    const cluster = createCluster();
    expect(reconcile(cluster, [() => {}])).toBe(cluster);
  });

  it('a crash-looping container in back-off settles (it once rewrote its restart time every round)', () => {
    const run = steps(`${podUsingClaim.replace(/ {4}volumeMounts:[\s\S]*EOF/, 'EOF')}
sim crash db
sim advance 90s
sim crash db --oom
kubectl get pod db`);
    for (const step of run) expect(step.result.stderr, step.command.source).toBe('');
    expect(run[4]?.result.stdout).toMatch(/db\s+0\/1\s+(CrashLoopBackOff|OOMKilled)/);
  });
});

describe('help', () => {
  it.each([['kubectl help'], ['kubectl --help'], ['kubectl -h'], ['kubectl']])(
    '%s prints kubectl usage with the commands the simulator supports (exit 0)',
    (command) => {
      const [step] = steps(command);
      expect(step?.result.exitCode).toBe(0);
      expect(step?.result.stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\./);
      for (const verb of ['get', 'describe', 'apply', 'delete', 'exec', 'drain', 'patch'])
        expect(step?.result.stdout).toMatch(new RegExp(`^ {2}${verb} +\\S`, 'm'));
      expect(step?.result.stdout).toContain('Usage:\n  kubectl [flags] [options]');
      expect(step?.result.stdout).not.toMatch(/^ {2}logs /m);
    },
  );

  it.each([['kubectl get --help'], ['kubectl help get'], ['kubectl get pods -h']])(
    '%s prints the usage of get',
    (command) => {
      const [step] = steps(command);
      expect(step?.result.exitCode).toBe(0);
      expect(step?.result.stdout).toMatch(/^Display one or many resources\./);
      expect(step?.result.stdout).toContain('Usage:\n  kubectl get ');
    },
  );

  it('kubectl help for an unknown command is an error', () => {
    const [step] = steps('kubectl help teleport');
    expect(step?.result.exitCode).toBe(1);
    expect(step?.result.stderr).toBe('error: unknown command "teleport" for "kubectl"\n');
  });

  it('-h after -- belongs to the command run inside the container', () => {
    const [, step] = steps(
      `${podUsingClaim.replace(/ {4}volumeMounts:[\s\S]*EOF/, 'EOF')}\nkubectl exec db -- ls -h /`,
    );
    expect(step?.result.stdout).not.toMatch(/Execute a command in a container/);
  });

  it.each([['sim help'], ['sim'], ['sim --help'], ['sim reset --help']])(
    '%s lists the sim verbs (exit 0)',
    (command) => {
      const [step] = steps(command);
      expect(step?.result.exitCode).toBe(0);
      for (const verb of ['reset', 'node', 'crash', 'move', 'advance'])
        expect(step?.result.stdout).toMatch(new RegExp(`^ {2}${verb} `, 'm'));
    },
  );
});
