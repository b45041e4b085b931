import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/sim/cluster.ts';
import { createCluster } from '../../src/sim/default-cluster.ts';
import { deserializeCluster, serializeCluster } from '../../src/sim/persistence.ts';

const script = `kubectl apply -f - <<EOF
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

describe('saving and restoring a cluster', () => {
  it('round-trips through versioned JSON and keeps working', () => {
    const { state } = runScript(createCluster(), script);
    const restored = deserializeCluster(serializeCluster(state));
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.state).toEqual(state);
    const next = runScript(restored.state, 'kubectl get pvc');
    expect(next.steps[0]?.result.stdout).toContain('data   Pending');
  });

  it.each([
    ['not JSON', '{oops', 'not valid JSON'],
    ['another format', '{"format":"x"}', 'not a saved Kube Volume Lab cluster'],
    ['a newer version', '{"format":"kube-volume-lab/cluster","version":99,"state":{}}', 'newer version'],
    ['a damaged state', '{"format":"kube-volume-lab/cluster","version":1,"state":{"now":1}}', 'damaged'],
  ])('refuses %s with a short reason', (_case, text, message) => {
    const loaded = deserializeCluster(text);
    expect('error' in loaded && loaded.error).toContain(message);
  });

  it('shares unchanged objects between snapshots (a snapshot costs what changed)', () => {
    const first = runScript(createCluster(), script).state;
    const second = runScript(first, 'kubectl cordon node-1').state;
    expect(second.objects.PersistentVolumeClaim).toBe(first.objects.PersistentVolumeClaim);
    expect(second.objects.Node['node-2']).toBe(first.objects.Node['node-2']);
    expect(second.objects.Node['node-1']).not.toBe(first.objects.Node['node-1']);
  });
});
