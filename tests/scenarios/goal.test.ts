import { describe, expect, it } from 'vitest';
import { checkGoal } from '../../src/scenarios/goal.ts';
import { engine } from '../../src/sim/engine.ts';
import { readContainerFile as readPodFile } from '../../src/sim/view.ts';

const setup = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  nodeSelector:
    kubernetes.io/hostname: node-1
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - name: cache
      mountPath: /cache
    - name: logs
      mountPath: /logs
  volumes:
  - name: cache
    emptyDir: {}
  - name: logs
    hostPath:
      path: /var/log/web
      type: DirectoryOrCreate
EOF
kubectl exec web -- sh -c "echo warm > /cache/hits.txt; echo up >> /logs/app.log; echo tmp > /tmp/t.txt"`;
const cluster = engine.runScript(engine.createCluster(), setup).state;

describe('goal checks', () => {
  it('reads files as a container sees them: mounts and the writable layer', () => {
    expect(readPodFile(cluster, 'default', 'web', '/cache/hits.txt')).toBe('warm\n');
    expect(readPodFile(cluster, 'default', 'web', '/logs/app.log')).toBe('up\n');
    expect(readPodFile(cluster, 'default', 'web', '/tmp/t.txt')).toBe('tmp\n');
    expect(readPodFile(cluster, 'default', 'web', '/cache/none')).toBeUndefined();
    expect(readPodFile(cluster, 'default', 'nobody', '/cache/hits.txt')).toBeUndefined();
  });

  it.each([
    [{ object: { kind: 'Pod', name: 'web' }, field: 'spec.nodeName', equals: 'node-1' }, true],
    [{ object: { kind: 'Pod', name: 'web' }, field: 'status.phase', equals: 'Pending' }, false],
    [{ object: { kind: 'Pod', name: 'gone' }, exists: false }, true],
    [{ object: { kind: 'Node', name: 'node-2' } }, true],
    [{ object: { kind: 'Widget', name: 'x' } }, false],
    [{ pods: { selector: 'app=web', node: 'node-1', phase: 'Running' }, count: 1 }, true],
    [{ pods: { selector: 'app=db' }, count: 0 }, true],
    [{ pods: { selector: 'app in (web,db)' }, count: 1 }, true],
    [{ pods: { selector: 'app!=web' }, count: 0 }, true],
    [{ pods: { selector: 'app' }, count: 1 }, true],
    [{ pods: { selector: 'app=(' }, count: 0 }, false],
    [{ object: { kind: 'PersistentVolume', name: 'web' }, exists: false }, true],
    [{ file: { pod: 'web', path: '/cache/hits.txt' }, contains: 'warm' }, true],
    [{ file: { pod: 'web', path: '/cache/hits.txt' }, exists: false }, false],
    [{ nodeFile: { node: 'node-1', path: '/var/log/web/app.log' }, contains: 'up' }, true],
    [{ nodeFile: { node: 'node-2', path: '/var/log/web/app.log' }, exists: false }, true],
  ] as const)('%j holds: %s', (check, expected) => {
    expect(checkGoal(cluster, [check]).met).toBe(expected);
  });

  it("reads a file of the image as the container sees it, and a stopped container's volumes", () => {
    expect(readPodFile(cluster, 'default', 'web', '/etc/hostname')).toBe('web\n');
    const crashed = engine.runScript(cluster, 'sim crash web').state;
    expect(readPodFile(crashed, 'default', 'web', '/cache/hits.txt')).toBe('warm\n');
    expect(readPodFile(cluster, 'default', 'web', '/cache/hits.txt', 'nope')).toBeUndefined();
  });

  it('is not met when it has no checks', () => {
    expect(checkGoal(cluster, []).met).toBe(false);
  });
});
