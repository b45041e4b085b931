import { describe, expect, it } from 'vitest';
import type { ContainerState, Pod, PodStatus } from '../../../src/sim/api/types.ts';
import { podStatus as printedPodStatus } from '../../../src/sim/kubectl/printers/pod-columns.ts';
import { apply, run } from '../../helpers/cluster.ts';
import {
  claimVolume,
  emptyDirVolume,
  hostPathVolume,
  nfsSource,
  podYaml,
  pvcYaml,
  pvYaml,
} from '../../helpers/manifests.ts';
import { cells, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const header = (output: string) => (output.split('\n')[0] ?? '').split(/\s{2,}/);

function fakePod(status: Partial<PodStatus>, containers: ContainerState[] = [], deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace: 'default',
      uid: 'u',
      creationTimestamp: '2026-01-05T09:00:00Z',
      ...(deleting ? { deletionTimestamp: '2026-01-05T09:01:00Z' } : {}),
    },
    spec: { containers: containers.map((_, i) => ({ name: `c${i}`, image: 'busybox' })) },
    status: {
      phase: 'Running',
      containerStatuses: containers.map((state, i) => ({
        name: `c${i}`,
        image: 'busybox',
        ready: Boolean(state.running),
        restartCount: 0,
        state,
      })),
      ...status,
    },
  };
}

const running: ContainerState = { running: { startedAt: '2026-01-05T09:00:00Z' } };
const exited = (reason: string, exitCode = 1): ContainerState => ({
  terminated: { reason, exitCode, finishedAt: '2026-01-05T09:00:30Z' },
});
const readyCondition = { type: 'Ready' as const, status: 'True' as const, lastTransitionTime: '' };

describe('O. What the learner sees', () => {
  it.each([
    ['the phase when nothing else is known', fakePod({ phase: 'Pending' }), 'Pending'],
    ['status.reason over the phase', fakePod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted'],
    [
      'SchedulingGated from the PodScheduled condition',
      fakePod({
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', lastTransitionTime: '' },
        ],
      }),
      'SchedulingGated',
    ],
    [
      'a waiting reason',
      fakePod({ phase: 'Pending' }, [{ waiting: { reason: 'ContainerCreating' } }]),
      'ContainerCreating',
    ],
    ['a terminated reason', fakePod({}, [exited('OOMKilled', 137)]), 'OOMKilled'],
    [
      'ExitCode:N without a reason',
      fakePod({}, [{ terminated: { reason: '', exitCode: 3, finishedAt: '' } }]),
      'ExitCode:3',
    ],
    [
      'the first container wins (read last to first)',
      fakePod({}, [exited('Error'), { waiting: { reason: 'CrashLoopBackOff' } }]),
      'Error',
    ],
    [
      'Completed with a running container and Ready: Running',
      fakePod({ conditions: [readyCondition] }, [running, exited('Completed', 0)]),
      'Running',
    ],
    [
      'Completed with a running container, not Ready: NotReady',
      fakePod({}, [running, exited('Completed', 0)]),
      'NotReady',
    ],
    ['deleting + reason NodeLost: Unknown', fakePod({ reason: 'NodeLost' }, [running], true), 'Unknown'],
    ['deleting a running pod: Terminating', fakePod({}, [running], true), 'Terminating'],
    [
      'deleting a finished pod keeps its status',
      fakePod({ phase: 'Succeeded' }, [exited('Completed', 0)], true),
      'Completed',
    ],
  ])('O1: STATUS algorithm — %s', (_, input, expected) => {
    expect(printedPodStatus(input)).toBe(expected);
  });

  it('O1: STATUS is Terminating while the node cannot confirm', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web', { node: 'node-1' }));
    run(sim, 'sim node fail node-1');
    run(sim, 'kubectl delete pod web');
    const table = run(sim, 'kubectl get pods');
    expect(header(table)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(cells(table)).toEqual([['web', '1/1', 'Terminating', '0', '0s']]);
    run(sim, 'sim node recover node-1');
    expect(sim.pod('web')).toBeUndefined();
  });

  it('O1: the typical volume sequence Pending → ContainerCreating → Running, and -o wide columns', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web', claimVolume('data')));
    expect(podStatus(sim, 'web')).toBe('Pending'); // the claim does not exist yet
    apply(sim, pvcYaml('data'));
    expect(podStatus(sim, 'web')).toBe('Running');
    apply(sim, podYaml('stuck', hostPathVolume('/nope', { name: 'h', mountPath: '/h', type: 'Directory' })));
    expect(podStatus(sim, 'stuck')).toBe('ContainerCreating');
    const wide = run(sim, 'kubectl get pod web -o wide');
    expect(header(wide)).toEqual([
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    const [row] = cells(wide);
    expect(row?.[5]).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(row?.slice(6)).toEqual([sim.pod('web')?.spec.nodeName, '<none>', '<none>']);
  });

  it('O1: RESTARTS shows the count with how long ago the last restart was', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web'));
    run(sim, 'sim crash web');
    run(sim, 'sim advance 90s');
    const [row] = cells(run(sim, 'kubectl get pod web'));
    expect(row?.[3]).toBe('1 (90s ago)');
    run(sim, 'sim crash web --oom');
    expect(podStatus(sim, 'web')).toMatch(/^(OOMKilled|CrashLoopBackOff)$/);
  });

  it('O1: an emptyDir over its sizeLimit shows Evicted', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web', emptyDirVolume({ sizeLimit: '1Ki' })));
    sim.run(`kubectl exec web -- sh -c "echo ${'x'.repeat(1100)} > /data/big"`);
    expect(podStatus(sim, 'web')).toBe('Evicted');
    expect(sim.pod('web')?.status.phase).toBe('Failed');
  });

  it('O2: kubectl get pv columns, CLAIM for Bound, Released and pre-bound volumes, Terminating', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('pv-a', {
        size: '5Gi',
        storageClassName: '',
        policy: 'Retain',
        source: nfsSource('/exports/pv-a', 'nfs.example'),
      }),
    );
    apply(sim, pvcYaml('a', { storageClassName: '' }));
    const table = run(sim, 'kubectl get pv');
    expect(header(table)).toEqual([
      'NAME',
      'CAPACITY',
      'ACCESS MODES',
      'RECLAIM POLICY',
      'STATUS',
      'CLAIM',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'REASON',
      'AGE',
    ]);
    expect(table.split('\n')[1]).toBe(
      'pv-a   5Gi        RWO            Retain           Bound    default/a                  <unset>                          0s',
    );
    run(sim, 'kubectl delete pvc a');
    expect(cells(run(sim, 'kubectl get pv'))[0]?.slice(4, 6)).toEqual(['Released', 'default/a']);
    run(
      sim,
      `kubectl patch pv pv-a --type merge -p '{"spec":{"claimRef":{"uid":null,"resourceVersion":null}}}'`,
    );
    expect(cells(run(sim, 'kubectl get pv'))[0]?.slice(4, 6)).toEqual(['Available', 'default/a']);
    apply(sim, pvcYaml('a', { storageClassName: '' }));
    apply(sim, podYaml('user', claimVolume('a')));
    run(sim, 'kubectl delete pv pv-a');
    expect(cells(run(sim, 'kubectl get pv'))[0]?.[4]).toBe('Terminating');
    expect(header(run(sim, 'kubectl get pv -o wide')).at(-1)).toBe('VOLUMEMODE');
  });

  it('O3: kubectl get pvc leaves VOLUME, CAPACITY, ACCESS MODES empty until bound; CAPACITY is the volume size', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('small', { size: '1Gi', storageClassName: '' }));
    const pending = run(sim, 'kubectl get pvc');
    expect(header(pending)).toEqual([
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'AGE',
    ]);
    expect(pending.split('\n')[1]).toBe(
      'small   Pending                                                     <unset>                 0s',
    );
    apply(
      sim,
      pvYaml('big', {
        size: '10Gi',
        modes: 'ReadWriteOnce, ReadWriteMany',
        storageClassName: '',
        policy: 'Retain',
        source: nfsSource('/exports/big', 'nfs.example'),
      }),
    );
    expect(cells(run(sim, 'kubectl get pvc'))[0]).toEqual([
      'small',
      'Bound',
      'big',
      '10Gi',
      'RWO,RWX',
      '<unset>',
      '0s',
    ]);
    apply(sim, podYaml('user', claimVolume('small')));
    run(sim, 'kubectl delete pvc small');
    expect(cells(run(sim, 'kubectl get pvc'))[0]?.[1]).toBe('Terminating');
    expect(header(run(sim, 'kubectl get pvc -o wide')).at(-1)).toBe('VOLUMEMODE');
  });

  it('O4: kubectl get sc marks the default class', () => {
    const sim = new SimDriver();
    const table = run(sim, 'kubectl get sc');
    expect(header(table)).toEqual([
      'NAME',
      'PROVISIONER',
      'RECLAIMPOLICY',
      'VOLUMEBINDINGMODE',
      'ALLOWVOLUMEEXPANSION',
      'AGE',
    ]);
    const [row] = cells(table);
    expect(row?.[0]).toBe('standard (default)');
    expect(row?.slice(2, 4)).toEqual(['Delete', 'WaitForFirstConsumer']);
  });

  it.each([
    ['ReadWriteMany, ReadOnlyMany, ReadWriteOnce', 'RWO,ROX,RWX'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany, ReadWriteOnce', 'RWO,RWX'],
  ])('O5: access modes [%s] print as %s', (modes, printed) => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('v', {
        modes,
        storageClassName: '',
        policy: 'Retain',
        source: nfsSource('/exports/v', 'nfs.example'),
      }),
    );
    expect(cells(run(sim, 'kubectl get pv'))[0]?.[2]).toBe(printed);
  });

  it('O5: ReadWriteOncePod prints as RWOP', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('solo', { modes: 'ReadWriteOncePod' }));
    apply(sim, podYaml('user', claimVolume('solo')));
    expect(cells(run(sim, 'kubectl get pvc'))[0]?.[4]).toBe('RWOP');
  });

  it('O6: describe pvc shows the finalizer, the pods using it, and Terminating while protected', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    apply(sim, podYaml('user', claimVolume('data')));
    run(sim, 'kubectl delete pvc data');
    run(sim, 'sim advance 2m');
    const text = run(sim, 'kubectl describe pvc data');
    expect(text).toMatch(
      /^Name: {10}data\nNamespace: {5}default\nStorageClass: {2}standard\nStatus: {8}Terminating \(lasts 2m\)\n/,
    );
    expect(text).toContain('\nFinalizers:    [kubernetes.io/pvc-protection]\n');
    expect(text).toContain('\nUsed By:       user\n');
    run(sim, 'kubectl delete pod user');
    expect(sim.pvc('data')).toBeUndefined();
  });
});
