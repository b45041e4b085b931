import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createSimStore,
  finalStage,
  selectCluster,
  selectLog,
} from '../helpers/create-sim-store.ts';

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

describe('playing a move', () => {
  const pod = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  nodeName: node-1
  containers:
  - name: app
    image: busybox
EOF`;

  it('gives every stage its turn, the last one included, then ends', () => {
    const store = createSimStore({ setup: pod });
    store.getState().setSpeed('step');
    store.getState().run('sim move cache --to node-2');
    expect(store.getState()).toMatchObject({ stage: 0, playing: true });
    store.getState().nextStage();
    expect(store.getState()).toMatchObject({ stage: 1, playing: true });
    store.getState().nextStage();
    // The last stage is shown (its caption says what happened to the data) until stepped past.
    expect(store.getState()).toMatchObject({ stage: finalStage, playing: true });
    store.getState().nextStage();
    expect(store.getState()).toMatchObject({ stage: finalStage, playing: false });
    store.getState().nextStage();
    expect(store.getState()).toMatchObject({ stage: finalStage, playing: false });
  });

  it('ends with undo, redo, a jump or the instant speed, and never starts for a command that moves nothing', () => {
    const store = createSimStore({ setup: pod });
    store.getState().setSpeed('step');
    store.getState().run('kubectl get pods');
    expect(store.getState()).toMatchObject({ stage: finalStage, playing: false });
    for (const end of [
      () => store.getState().undo(),
      () => store.getState().jumpTo(0),
      () => store.getState().setSpeed('instant'),
    ]) {
      store.getState().setSpeed('step');
      store.getState().run('sim move cache --to node-2');
      expect(store.getState().playing).toBe(true);
      end();
      expect(store.getState()).toMatchObject({ stage: finalStage, playing: false });
    }
    store.getState().run('sim move cache --to node-3');
    expect(store.getState().playing).toBe(false);
    store.getState().undo();
    store.getState().redo();
    expect(store.getState()).toMatchObject({ stage: finalStage, playing: false });
  });
});
