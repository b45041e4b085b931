import { describe, expect, it } from 'vitest';
import { type ClusterState, createCluster, moveConsequence, runScript } from '../../../src/sim/index.ts';

const run = (state: ClusterState, script: string): ClusterState => {
  const { state: next, steps } = runScript(state, script);
  for (const step of steps) expect(step.result.exitCode, step.command.source).toBe(0);
  return next;
};

/** A bare pod on node-1 with one volume mounted at /data. */
const pod = (name: string, volume: string) => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
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
${volume}
EOF`;

/** Runs `sim move` and compares the cluster before and after it. */
function move(before: ClusterState, name: string, to: string) {
  const { state: after, steps } = runScript(before, `sim move ${name} --to ${to}`);
  const record = steps[0]?.move;
  return {
    after,
    result: steps[0]?.result,
    consequence: record ? moveConsequence(before, after, record) : undefined,
  };
}

describe('moveConsequence', () => {
  describe('for an emptyDir and the writable layer', () => {
    const before = run(
      createCluster(),
      `${pod('cache', '    emptyDir: {}')}
kubectl exec cache -- sh -c "echo warm > /data/hits.txt"
kubectl exec cache -- sh -c "echo temp > /tmp/scratch.txt"`,
    );

    it('lists both as lost, with their files', () => {
      const { consequence } = move(before, 'cache', 'node-2');
      expect(consequence).toEqual({
        namespace: 'default',
        pod: 'cache',
        from: 'node-1',
        to: 'node-2',
        replacement: 'cache',
        replacementNode: 'node-2',
        target: { cordoned: false, ready: true },
        lost: [
          { kind: 'writable-layer', name: 'app', files: ['/tmp/scratch.txt'] },
          { kind: 'emptyDir', name: 'data', files: ['/hits.txt'] },
        ],
        leftBehind: [],
        foundOnNewNode: [],
        followed: [],
      });
    });

    it('lists nothing lost when the pod had written nothing', () => {
      const empty = run(createCluster(), pod('cache', '    emptyDir: {}'));
      expect(move(empty, 'cache', 'node-2').consequence?.lost).toEqual([]);
    });
  });

  describe('for a hostPath directory', () => {
    const before = run(
      createCluster(),
      `${pod('logger', '    hostPath:\n      path: /var/log/demo\n      type: DirectoryOrCreate')}
kubectl exec logger -- sh -c "echo started >> /data/app.log"`,
    );

    it('leaves the files behind on the old node and finds an empty directory on the new one', () => {
      const { consequence } = move(before, 'logger', 'node-2');
      expect(consequence?.lost).toEqual([]);
      expect(consequence?.leftBehind).toEqual([
        { volume: 'data', node: 'node-1', path: '/var/log/demo', files: 1 },
      ]);
      expect(consequence?.foundOnNewNode).toEqual([{ volume: 'data', path: '/var/log/demo', files: 0 }]);
      expect(consequence?.followed).toEqual([]);
    });

    it('finds the file again when the pod moves back', () => {
      const away = move(before, 'logger', 'node-2').after;
      const { consequence } = move(away, 'logger', 'node-1');
      expect(consequence?.from).toBe('node-2');
      expect(consequence?.replacementNode).toBe('node-1');
      expect(consequence?.leftBehind).toEqual([]);
      expect(consequence?.foundOnNewNode).toEqual([{ volume: 'data', path: '/var/log/demo', files: 1 }]);
    });
  });

  describe('for a network disk', () => {
    const before = run(
      createCluster(),
      `kubectl apply -f - <<EOF
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
${pod('app', '    persistentVolumeClaim:\n      claimName: data')}
kubectl exec app -- sh -c "echo row-1 > /data/table.db"`,
    );

    it('lets the data follow the pod', () => {
      expect(before.objects.PersistentVolumeClaim['default/data']?.spec.storageClassName).toBe('standard');
      const { consequence } = move(before, 'app', 'node-2');
      expect(consequence?.replacementNode).toBe('node-2');
      expect(consequence?.followed).toEqual([{ volume: 'data', files: 1 }]);
      expect(consequence?.lost).toEqual([]);
      expect(consequence?.leftBehind).toEqual([]);
    });
  });

  describe('for a local PersistentVolume', () => {
    const before = run(
      createCluster(),
      `${pod('prep', '    hostPath:\n      path: /mnt/disks/ssd1\n      type: DirectoryOrCreate')}
kubectl delete pod prep
kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-node-1
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce]
  storageClassName: local
  local:
    path: /mnt/disks/ssd1
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - key: kubernetes.io/hostname
          operator: In
          values: [node-1]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: db-data
spec:
  storageClassName: local
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
EOF
${pod('db', '    persistentVolumeClaim:\n      claimName: db-data')}
kubectl exec db -- sh -c "echo row-1 > /data/table.db"`,
    );

    it('leaves the replacement Pending with the scheduler’s reason', () => {
      const { consequence } = move(before, 'db', 'node-2');
      expect(consequence?.replacement).toBe('db');
      expect(consequence).not.toHaveProperty('replacementNode');
      expect(consequence?.pendingReason).toMatch(/volume node affinity conflict/);
      expect(consequence?.followed).toEqual([]);
      expect(consequence?.lost).toEqual([]);
      expect(consequence?.leftBehind).toEqual([]);
    });
  });

  describe('for a ReplicaSet’s pod', () => {
    const before = run(
      createCluster(),
      `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: ReplicaSet
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
EOF`,
    );

    it('names the new pod, not the other replica', () => {
      const [first, second] = Object.values(before.objects.Pod);
      if (!first || !second) throw new Error('expected two pods');
      const target = ['node-1', 'node-2', 'node-3'].find(
        (n) => n !== first.spec.nodeName && n !== second.spec.nodeName,
      );
      if (!target) throw new Error('no free node');
      const { after, consequence } = move(before, first.metadata.name, target);
      expect(consequence?.replacement).toBeDefined();
      expect(consequence?.replacement).not.toBe(first.metadata.name);
      expect(consequence?.replacement).not.toBe(second.metadata.name);
      expect(after.objects.Pod[`default/${consequence?.replacement}`]?.spec.nodeName).toBe(target);
      expect(consequence?.replacementNode).toBe(target);
    });
  });

  describe('when nothing moved', () => {
    const before = run(createCluster(), pod('cache', '    emptyDir: {}'));

    it('is undefined for a move to the pod’s own node', () => {
      const { result, consequence } = move(before, 'cache', 'node-1');
      expect(result?.stdout + (result?.stderr ?? '')).toMatch(/already on node-1/);
      expect(consequence).toBeUndefined();
    });

    it('is undefined for a move to an unknown node', () => {
      const { result, consequence } = move(before, 'cache', 'node-9');
      expect(result?.exitCode).not.toBe(0);
      expect(consequence).toBeUndefined();
    });

    it('is undefined for an unknown pod', () => {
      expect(move(before, 'nope', 'node-2').consequence).toBeUndefined();
    });

    it('is undefined when the cluster did not change', () => {
      expect(
        moveConsequence(before, before, { namespace: 'default', pod: 'cache', from: 'node-1', to: 'node-2' }),
      ).toBeUndefined();
    });
  });
});
