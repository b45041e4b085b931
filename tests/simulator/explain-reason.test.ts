import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCluster, runScript } from '../../src/sim/index.ts';
import { explainReason, type ReasonKey } from '../../src/simulator/model/explain-reason.ts';
import { createSimStore, selectConsequence } from '../helpers/create-sim-store.ts';

const dataOnTheMove: string = parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'content', 'scenarios', 'data-on-the-move.yaml'),
    'utf8',
  ),
).setup;

/** The scheduler's message for the replacement after these commands in the scenario. */
function pendingReason(...commands: string[]): string {
  const store = createSimStore({ setup: dataOnTheMove });
  for (const command of commands) store.getState().run(command);
  const reason = selectConsequence(store.getState())?.pendingReason;
  if (!reason) throw new Error('the replacement is not Pending');
  return reason;
}

/** The PodScheduled message of a pod created by this script in a fresh cluster. */
function schedulerMessage(script: string, pod: string): string {
  const { state } = runScript(createCluster(), script);
  const message = state.objects.Pod[`default/${pod}`]?.status.conditions?.find(
    (c) => c.type === 'PodScheduled',
  )?.message;
  if (!message) throw new Error(`pod ${pod} has no scheduling message`);
  return message;
}

const podWithClaim = (claim: string) => `apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claim}`;

describe('explainReason on messages of the simulated scheduler', () => {
  it('explains a move to a cordoned node', () => {
    const message = pendingReason('kubectl cordon node-2', 'sim move cache --to node-2');
    expect(message).toMatch(/were unschedulable/);
    expect(explainReason(message)).toBe('cordoned');
  });

  it('explains a move away from a local volume’s node', () => {
    const message = pendingReason('sim move db --to node-2');
    expect(message).toMatch(/volume node affinity conflict/);
    expect(explainReason(message)).toBe('localVolume');
  });

  it('explains a move to a node that stopped answering', () => {
    const message = pendingReason('sim node fail node-2', 'sim move cache --to node-2');
    expect(message).toMatch(/node\.kubernetes\.io\/unreachable/);
    expect(explainReason(message)).toBe('nodeDown');
  });

  it('explains a move to the control plane', () => {
    const message = pendingReason('sim move cache --to control-plane');
    expect(explainReason(message)).toBe('controlPlane');
  });

  it('explains a pod whose claim does not exist', () => {
    const message = schedulerMessage(`kubectl apply -f - <<EOF\n${podWithClaim('missing')}\nEOF`, 'user');
    expect(explainReason(message)).toBe('claimMissing');
  });

  it('explains a pod whose immediate claim is not bound yet', () => {
    const script = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: waiting
spec:
  storageClassName: nothing-matches
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
${podWithClaim('waiting')}
EOF`;
    const message = schedulerMessage(script, 'user');
    expect(message).toMatch(/unbound immediate PersistentVolumeClaims/);
    expect(explainReason(message)).toBe('unboundClaim');
  });
});

describe('explainReason on literal scheduler messages', () => {
  const cases: Array<[string, ReasonKey]> = [
    [
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector.",
      'localVolume',
    ],
    [
      "0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unschedulable: }, 3 node(s) didn't match Pod's node affinity/selector.",
      'cordoned',
    ],
    [
      "0/4 nodes are available: 1 node(s) were unschedulable, 3 node(s) didn't match Pod's node affinity/selector.",
      'cordoned',
    ],
    [
      '0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }.',
      'nodeDown',
    ],
    [
      '0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.',
      'nodeDown',
    ],
    [
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector.",
      'controlPlane',
    ],
    ['0/4 nodes are available: 1 node(s) had no available disk.', 'diskConflict'],
    ['0/4 nodes are available: 1 node(s) did not have enough free storage.', 'noCapacity'],
    ['0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims.', 'unboundClaim'],
    ['0/4 nodes are available: persistentvolumeclaim "data" not found.', 'claimMissing'],
    ['0/4 nodes are available: persistentvolumeclaim "data" is being deleted.', 'claimDeleting'],
    [
      '0/4 nodes are available: 1 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode.',
      'readWriteOncePod',
    ],
    ['persistentvolumeclaim "data" bound to non-existent persistentvolume "pv-1"', 'missingVolume'],
    [
      '0/4 nodes are available: 4 node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s).',
      'missingVolume',
    ],
    ["0/4 nodes are available: 4 node(s) didn't match Pod's node affinity/selector.", 'steering'],
  ];

  it.each(cases)('%s → %s', (message, key) => {
    expect(explainReason(message)).toBe(key);
  });

  it('prefers the specific reason over the control plane taint every message carries', () => {
    expect(
      explainReason(
        '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had no available disk.',
      ),
    ).toBe('diskConflict');
  });

  it('prefers any reason over the steering of the replacement', () => {
    expect(
      explainReason(
        "0/4 nodes are available: 1 node(s) did not have enough free storage, 3 node(s) didn't match Pod's node affinity/selector.",
      ),
    ).toBe('noCapacity');
  });

  it('returns undefined for a message it does not know', () => {
    expect(explainReason('')).toBeUndefined();
    expect(explainReason('0/4 nodes are available: 4 Insufficient cpu.')).toBeUndefined();
  });
});
