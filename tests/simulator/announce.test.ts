import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { MoveConsequence } from '../../src/sim/view.ts';
import { simEn } from '../../src/simulator/i18n/en.ts';
import { simKo } from '../../src/simulator/i18n/ko.ts';
import { describeConsequence, describePoint } from '../../src/simulator/model/announce.ts';
import { createSimStore, selectConsequence, selectPoint } from '../helpers/create-sim-store.ts';

const dataOnTheMove: string = parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'content', 'scenarios', 'data-on-the-move.yaml'),
    'utf8',
  ),
).setup;

const deployment = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      nodeSelector:
        kubernetes.io/hostname: node-1
      containers:
      - name: app
        image: busybox:1.36
EOF`;

/** Runs commands in a fresh simulator of the scenario; returns the store after the last. */
function storeAfter(...commands: string[]) {
  const store = createSimStore({ setup: `${dataOnTheMove}\n${deployment}` });
  for (const command of commands) store.getState().run(command);
  return store;
}

function consequenceOf(...commands: string[]): MoveConsequence {
  const consequence = selectConsequence(storeAfter(...commands).getState());
  if (!consequence) throw new Error('no consequence');
  return consequence;
}

const webPod = () => {
  const store = storeAfter();
  const name = Object.keys(selectPoint(store.getState()).cluster.objects.Pod).find((k) =>
    k.startsWith('default/web-'),
  );
  if (!name) throw new Error('no web pod');
  return name.slice('default/'.length);
};

describe('describeConsequence in English', () => {
  it('tells that an emptyDir starts empty on the new node', () => {
    expect(describeConsequence(consequenceOf('sim move cache --to node-2'), simEn)).toBe(
      'Pod cache was recreated on node-2. Its emptyDir scratch started empty: 1 file lost.',
    );
  });

  it('tells that hostPath files stay behind on the old node', () => {
    expect(describeConsequence(consequenceOf('sim move logger --to node-2'), simEn)).toBe(
      'Pod logger was recreated on node-2. 1 file in /var/log/demo stayed behind on node-1. ' +
        '/var/log/demo on the new node is empty.',
    );
  });

  it('tells that a hostPath pod moved back finds its file again', () => {
    const text = describeConsequence(
      consequenceOf('sim move logger --to node-2', 'sim move logger --to node-1'),
      simEn,
    );
    expect(text).toBe('Pod logger was recreated on node-1. /var/log/demo on the new node holds 1 file.');
  });

  it('explains in plain words why a pod with a local volume stays Pending', () => {
    expect(describeConsequence(consequenceOf('sim move db --to node-2'), simEn)).toBe(
      `The replacement db is Pending and cannot run on node-2: ${simEn.reasons.localVolume}`,
    );
  });

  it('explains a move to a cordoned node', () => {
    const text = describeConsequence(
      consequenceOf('kubectl cordon node-2', 'sim move cache --to node-2'),
      simEn,
    );
    expect(text).toBe(
      `The replacement cache is Pending and cannot run on node-2: ${simEn.reasons.cordoned} ` +
        'Its emptyDir scratch started empty: 1 file lost.',
    );
  });

  // The scheduler's message counts reasons over every node ("…unreachable…, 1 node(s) were
  // unschedulable…"): the target node's own state decides which one is about it.
  it('names the target node’s own problem when another node is cordoned', () => {
    const text = describeConsequence(
      consequenceOf('kubectl cordon node-2', 'sim node fail node-3', 'sim move cache --to node-3'),
      simEn,
    );
    expect(text).toContain(simEn.reasons.nodeDown);
  });

  it('names the new pod when a ReplicaSet replaces a moved pod', () => {
    const old = webPod();
    const c = consequenceOf(`sim move ${old} --to node-2`);
    expect(c.replacement).toMatch(/^web-/);
    expect(c.replacement).not.toBe(old);
    expect(describeConsequence(c, simEn)).toBe(`Pod ${old} was replaced by ${c.replacement} on node-2.`);
  });

  describe('for consequences the scenario does not produce', () => {
    const base: MoveConsequence = {
      namespace: 'default',
      pod: 'app',
      from: 'node-1',
      to: 'node-2',
      lost: [],
      leftBehind: [],
      foundOnNewNode: [],
      followed: [],
    };

    it('tells when nothing replaced the pod', () => {
      expect(describeConsequence(base, simEn)).toBe('Pod app was deleted; nothing replaced it yet.');
    });

    it('tells about a writable layer lost and a network disk that followed', () => {
      const c: MoveConsequence = {
        ...base,
        replacement: 'app',
        replacementNode: 'node-2',
        lost: [{ kind: 'writable-layer', name: 'main', files: ['/tmp/a', '/tmp/b'] }],
        followed: [{ volume: 'data', files: 3 }],
      };
      expect(describeConsequence(c, simEn)).toBe(
        'Pod app was recreated on node-2. ' +
          'Container main started from its image: 2 files in its writable layer lost. ' +
          'The network disk of data followed it: 3 files kept.',
      );
    });

    it('quotes the scheduler when its message has no plain-language explanation', () => {
      const c: MoveConsequence = { ...base, replacement: 'app', pendingReason: 'something unusual' };
      expect(describeConsequence(c, simEn)).toBe(
        'The replacement app is Pending and cannot run on node-2: something unusual',
      );
    });

    it('says nothing of a reason the scheduler did not give', () => {
      expect(describeConsequence({ ...base, replacement: 'app' }, simEn)).toBe(
        'The replacement app is Pending and cannot run on node-2: ',
      );
    });
  });
});

describe('describePoint', () => {
  it('tells the move’s story when the point is a move', () => {
    const store = storeAfter('sim move cache --to node-2');
    expect(describePoint(selectPoint(store.getState()), simEn)).toBe(
      'Pod cache was recreated on node-2. Its emptyDir scratch started empty: 1 file lost.',
    );
  });

  it('names a plain command and its first line of output', () => {
    const store = storeAfter('kubectl cordon node-1');
    expect(describePoint(selectPoint(store.getState()), simEn)).toBe(
      'Ran kubectl cordon node-1. node/node-1 cordoned',
    );
  });

  it('names the first line of a here-document command', () => {
    const store = storeAfter(`kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: extra
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF`);
    expect(describePoint(selectPoint(store.getState()), simEn)).toBe(
      'Ran kubectl apply -f - <<EOF. persistentvolumeclaim/extra created',
    );
  });

  it('names the last command of a script and the first line of its output', () => {
    const store = storeAfter('kubectl get pods\nkubectl get nodes');
    expect(describePoint(selectPoint(store.getState()), simEn)).toMatch(
      /^Ran kubectl get nodes\. NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/,
    );
  });

  it('reports an error as the output', () => {
    const store = storeAfter('kubectl get pod nope');
    expect(describePoint(selectPoint(store.getState()), simEn)).toBe(
      'Ran kubectl get pod nope. Error from server (NotFound): pods "nope" not found',
    );
  });

  it('reports a refused move as a plain command', () => {
    const store = storeAfter('sim move cache --to node-1');
    const point = selectPoint(store.getState());
    expect(point.consequence).toBeUndefined();
    expect(describePoint(point, simEn)).toMatch(/^Ran sim move cache --to node-1\. .*node-1/);
  });

  it('tells that a reset is back to the start', () => {
    const store = storeAfter('kubectl cordon node-1');
    store.getState().reset();
    expect(describePoint(selectPoint(store.getState()), simEn)).toBe('The cluster is back to its start.');
  });

  it('says nothing for a point without commands', () => {
    expect(describePoint(selectPoint(createSimStore().getState()), simEn)).toBe('');
    expect(describePoint({ cluster: selectPoint(createSimStore().getState()).cluster, log: [] }, simEn)).toBe(
      '',
    );
  });
});

describe('describeConsequence in Korean', () => {
  const moves: Array<[string, string[]]> = [
    ['emptyDir', ['sim move cache --to node-2']],
    ['hostPath', ['sim move logger --to node-2']],
    ['local volume', ['sim move db --to node-2']],
    ['cordoned node', ['kubectl cordon node-2', 'sim move cache --to node-2']],
  ];

  it.each(moves)('tells the %s move in Korean, not in English', (_kind, commands) => {
    const c = consequenceOf(...commands);
    const korean = describeConsequence(c, simKo);
    expect(korean.trim()).not.toBe('');
    expect(korean).not.toBe(describeConsequence(c, simEn));
    expect(korean).toMatch(/[가-힣]/);
    expect(korean).toContain(c.pod);
  });

  it('uses the Korean plain-language reason for a local volume', () => {
    const korean = describeConsequence(consequenceOf('sim move db --to node-2'), simKo);
    expect(korean).toContain(simKo.reasons.localVolume);
  });

  it('names the new pod of a ReplicaSet', () => {
    const c = consequenceOf(`sim move ${webPod()} --to node-2`);
    expect(describeConsequence(c, simKo)).toContain(c.replacement ?? '?');
  });

  it('describes a plain command and a reset', () => {
    const store = storeAfter('kubectl cordon node-1');
    expect(describePoint(selectPoint(store.getState()), simKo)).toBe(
      '실행한 명령: kubectl cordon node-1. node/node-1 cordoned',
    );
    store.getState().reset();
    expect(describePoint(selectPoint(store.getState()), simKo)).toBe(simKo.resetDone);
  });
});
