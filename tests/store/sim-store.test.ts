import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createSimStore, selectCluster, selectLog } from '../helpers/create-sim-store.ts';

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

describe('a simulator store', () => {
  it('runs commands and logs them as the console shows them', () => {
    const store = createSimStore();
    const log = store.getState().run(claim);
    expect(log).toEqual([
      {
        command: claim,
        result: { stdout: 'persistentvolumeclaim/data created\n', stderr: '', exitCode: 0 },
        changes: {
          created: [{ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'default' }],
          updated: [],
          deleted: [],
        },
      },
    ]);
    expect(selectCluster(store.getState()).objects.PersistentVolumeClaim['default/data']).toBeDefined();
    expect(selectLog(store.getState())).toHaveLength(1);
  });

  it('undoes, redoes and travels in time; a new command drops the redo stack', () => {
    const store = createSimStore();
    const { run } = store.getState();
    run(claim);
    run('kubectl cordon node-1');
    const cordoned = selectCluster(store.getState());
    store.getState().undo();
    expect(selectCluster(store.getState()).objects.Node['node-1']?.spec.unschedulable).toBeUndefined();
    expect(canRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(selectCluster(store.getState())).toBe(cordoned);
    store.getState().jumpTo(0);
    expect(selectCluster(store.getState()).objects.PersistentVolumeClaim).toEqual({});
    expect(canUndo(store.getState())).toBe(false);
    store.getState().run('kubectl cordon node-2');
    expect(canRedo(store.getState())).toBe(false);
    expect(store.getState().history).toHaveLength(2);
  });

  it('keeps two simulators apart, and resets to its scenario setup', () => {
    const first = createSimStore({ setup: claim });
    const second = createSimStore();
    first.getState().run('kubectl delete pvc data');
    expect(selectCluster(second.getState()).objects.PersistentVolumeClaim).toEqual({});
    first.getState().reset();
    expect(selectCluster(first.getState()).objects.PersistentVolumeClaim['default/data']).toBeDefined();
    expect(first.getState().history).toHaveLength(3);
    first.getState().undo();
    expect(selectCluster(first.getState()).objects.PersistentVolumeClaim).toEqual({});
  });

  it('ignores out-of-range time travel', () => {
    const store = createSimStore();
    store.getState().jumpTo(5);
    store.getState().jumpTo(-1);
    expect(store.getState().index).toBe(0);
  });
});
