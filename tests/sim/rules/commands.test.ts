import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/sim/cluster.ts';
import { apply, run } from '../../helpers/cluster.ts';
import {
  claimVolume,
  emptyDirVolume,
  podYaml,
  pvcYaml,
  statefulSetYaml,
  workloadYaml,
} from '../../helpers/manifests.ts';
import { cells, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const names = (output: string) => cells(output).map((r) => r[0]);

describe('commands.md: the kubectl commands', () => {
  it('kubectl apply -f - creates, configures or leaves objects unchanged', () => {
    const sim = new SimDriver();
    expect(apply(sim, pvcYaml('data'))).toBe('persistentvolumeclaim/data created\n');
    expect(apply(sim, pvcYaml('data'))).toBe('persistentvolumeclaim/data unchanged\n');
    expect(apply(sim, workloadYaml('Deployment', 'web', 1))).toBe('deployment.apps/web created\n');
    expect(apply(sim, workloadYaml('Deployment', 'web', 2))).toBe('deployment.apps/web configured\n');
    expect(sim.state.objects.Deployment['default/web']?.spec.replicas).toBe(2);
  });

  it('kubectl apply -f FILE reads the file (the runner), relative names resolved by the reader', () => {
    const sim = new SimDriver();
    const files: Record<string, string> = { 'claim.yaml': pvcYaml('from-file') };
    const applied = runCommand(sim.state, ['kubectl', 'apply', '-f', 'claim.yaml'], undefined, {
      readFile: (path) => files[path],
    });
    expect(applied.result.stdout).toBe('persistentvolumeclaim/from-file created\n');
    const missing = runCommand(applied.state, ['kubectl', 'apply', '-f', 'nope.yaml'], undefined, {
      readFile: (path) => files[path],
    });
    expect(missing.result.stderr).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('kubectl create -f refuses an existing name with AlreadyExists', () => {
    const sim = new SimDriver();
    expect(run(sim, 'kubectl create -f -', pvcYaml('data'))).toBe('persistentvolumeclaim/data created\n');
    const again = sim.run('kubectl create -f -', pvcYaml('data'));
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": persistentvolumeclaims "data" already exists\n',
    );
  });

  it('kubectl get: short names, several kinds, names, -l, -o name', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('a', { labels: { tier: 'front' } }));
    apply(sim, podYaml('b'));
    for (const kind of ['po', 'pods', 'pod'])
      expect(names(run(sim, `kubectl get ${kind}`))).toEqual(['a', 'b']);
    expect(names(run(sim, 'kubectl get no'))).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(names(run(sim, 'kubectl get pods -l tier=front'))).toEqual(['a']);
    expect(run(sim, 'kubectl get pods a b -o name')).toBe('pod/a\npod/b\n');
    const both = run(sim, 'kubectl get po,sc');
    expect(both).toContain('\npod/a ');
    expect(both).toContain('\nstorageclass.storage.k8s.io/standard (default) ');
    expect(sim.run('kubectl get pvc').stderr).toBe('No resources found in default namespace.\n');
    expect(sim.run('kubectl get pv').stderr).toBe('No resources found\n');
    expect(sim.run('kubectl get pods -w').exitCode).toBe(1);
  });

  it('kubectl get -o yaml / -o json print the whole object as Kubernetes would', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    apply(sim, podYaml('user', claimVolume('data')));
    const yaml = run(sim, 'kubectl get pvc data -o yaml');
    expect(yaml).toMatch(/^apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n {2}annotations:\n/);
    expect(yaml).toContain('  finalizers:\n  - kubernetes.io/pvc-protection\n');
    expect(yaml).toContain(`  volumeName: ${sim.pvc('data')?.spec.volumeName}\n`);
    expect(yaml).toContain(
      'status:\n  accessModes:\n  - ReadWriteOnce\n  capacity:\n    storage: 1Gi\n  phase: Bound\n',
    );
    const pv = JSON.parse(run(sim, `kubectl get pv ${sim.pvc('data')?.spec.volumeName} -o json`));
    expect(pv.kind).toBe('PersistentVolume');
    expect(pv.spec.claimRef).toMatchObject({
      kind: 'PersistentVolumeClaim',
      namespace: 'default',
      name: 'data',
    });
    expect(pv.status.phase).toBe('Bound');
    const list = JSON.parse(run(sim, 'kubectl get pods -o json'));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(list.items).toHaveLength(1);
  });

  it('kubectl describe KIND NAME ends with the Events table; get events has its columns', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web'));
    for (const [kind, name] of [
      ['pod', 'web'],
      ['node', 'node-1'],
      ['sc', 'standard'],
    ] as const) {
      const text = run(sim, `kubectl describe ${kind} ${name}`);
      expect(text.startsWith(`Name:`)).toBe(true);
      expect(text).toMatch(/\nEvents:( +<none>\n|\n {2}Type {4}Reason +Age +From +Message\n {2}----)/);
    }
    const events = run(sim, 'kubectl get events');
    expect(events.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(events).toMatch(
      /\n0s +Normal +Scheduled +pod\/web +Successfully assigned default\/web to node-\d\n/,
    );
  });

  it('kubectl delete honours finalizers; -l, -f, --force --grace-period=0 and --wait=false work', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    apply(sim, podYaml('user', claimVolume('data')));
    expect(run(sim, 'kubectl delete pvc data --wait=false')).toBe('persistentvolumeclaim "data" deleted\n');
    expect(cells(run(sim, 'kubectl get pvc'))[0]?.[1]).toBe('Terminating');
    apply(sim, podYaml('g1', { labels: { group: 'g' } }));
    apply(sim, podYaml('g2', { labels: { group: 'g' } }));
    expect(run(sim, 'kubectl delete pods -l group=g')).toBe('pod "g1" deleted\npod "g2" deleted\n');
    const forced = sim.run('kubectl delete pod user --force --grace-period=0');
    expect(forced.stdout).toBe('pod "user" force deleted\n');
    expect(forced.stderr).toMatch(/^Warning: Immediate deletion does not wait for confirmation/);
    expect(sim.pvc('data')).toBeUndefined();
    apply(sim, pvcYaml('other'));
    expect(run(sim, 'kubectl delete -f -', pvcYaml('other'))).toBe('persistentvolumeclaim "other" deleted\n');
  });

  it('kubectl exec runs the tiny shell in the container; TYPE/NAME picks the first pod; errors exit non-zero', () => {
    const sim = new SimDriver();
    apply(sim, workloadYaml('Deployment', 'web', 2, emptyDirVolume()));
    expect(run(sim, 'kubectl exec deploy/web -- sh -c "echo hi > /data/a && cat /data/a"')).toBe('hi\n');
    expect(run(sim, 'kubectl exec deploy/web -c app -- ls /data')).toBe('a\n');
    const missing = sim.run('kubectl exec deploy/web -- cat /nope');
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toBe(
      "cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n",
    );
  });

  it('kubectl describe -l describes only the objects the selector matches', () => {
    const sim = new SimDriver();
    apply(sim, workloadYaml('Deployment', 'web', 1, emptyDirVolume()));
    apply(sim, workloadYaml('Deployment', 'db', 1, emptyDirVolume()));
    const web = run(sim, 'kubectl describe pods -l app=web');
    expect(web).toMatch(/^Name:\s+web-/m);
    expect(web).not.toMatch(/^Name:\s+db-/m);
    const none = sim.run('kubectl describe pods -l app=none');
    expect(none).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('kubectl exec TYPE/NAME prefers a running pod, as kubectl does (ByLogging), over a Pending one', () => {
    const sim = new SimDriver();
    run(sim, 'kubectl cordon node-1');
    run(sim, 'kubectl cordon node-2');
    run(sim, 'kubectl cordon node-3');
    apply(sim, workloadYaml('Deployment', 'web', 1, emptyDirVolume()));
    run(sim, 'kubectl uncordon node-2');
    run(sim, 'kubectl scale deploy/web --replicas=2');
    // Both pods are scheduled now; make a Pending third one that sorts first by name.
    run(sim, 'kubectl cordon node-2');
    run(sim, 'kubectl scale deploy/web --replicas=3');
    const pending = sim.pods().filter((p) => !p.spec.nodeName);
    expect(pending.length).toBe(1);
    expect(run(sim, 'kubectl exec deploy/web -- sh -c "echo ok"')).toBe('ok\n');
  });

  it('kubectl cordon / uncordon / drain / scale / patch / label / annotate answer as kubectl', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db', { replicas: 1 }));
    expect(run(sim, 'kubectl cordon node-3')).toBe('node/node-3 cordoned\n');
    expect(run(sim, 'kubectl uncordon node-3')).toBe('node/node-3 uncordoned\n');
    expect(run(sim, 'kubectl drain node-3 --ignore-daemonsets')).toMatch(
      /^node\/node-3 cordoned\n.*node\/node-3 drained\n$/s,
    );
    expect(run(sim, 'kubectl scale sts/db --replicas=2')).toBe('statefulset.apps/db scaled\n');
    expect(sim.pod('db-1')).toBeDefined();
    expect(run(sim, `kubectl patch sts db --type merge -p '{"spec":{"replicas":1}}'`)).toBe(
      'statefulset.apps/db patched\n',
    );
    expect(sim.pod('db-1')).toBeUndefined();
    expect(run(sim, 'kubectl label pvc data-db-0 tier=db')).toBe('persistentvolumeclaim/data-db-0 labeled\n');
    expect(run(sim, 'kubectl label pvc data-db-0 tier-')).toBe('persistentvolumeclaim/data-db-0 unlabeled\n');
    expect(run(sim, 'kubectl annotate pvc data-db-0 owner=me')).toBe(
      'persistentvolumeclaim/data-db-0 annotated\n',
    );
    expect(sim.pvc('data-db-0')?.metadata.annotations?.owner).toBe('me');
    expect(sim.pvc('data-db-0')?.metadata.labels).toEqual({ app: 'db' });
  });

  it('kubectl patch a Released volume with claimRef: null makes it Available again', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    apply(
      sim,
      `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: keep\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  nfs:\n    server: nfs.example\n    path: /keep\n`,
    );
    run(sim, 'kubectl delete pvc data');
    expect(sim.pv('keep')?.status.phase).toBe('Released');
    expect(run(sim, `kubectl patch pv keep --type merge -p '{"spec":{"claimRef":null}}'`)).toBe(
      'persistentvolume/keep patched\n',
    );
    expect(sim.pv('keep')?.status.phase).toBe('Available');
  });
});

describe('commands.md: the sim commands', () => {
  it('sim reset [--nodes N] [--no-storageclass]', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('gone'));
    expect(run(sim, 'sim reset --nodes 2 --no-storageclass')).toBe(
      'cluster reset: control-plane, node-1, node-2\n',
    );
    expect(sim.pods()).toEqual([]);
    expect(names(run(sim, 'kubectl get nodes'))).toEqual(['control-plane', 'node-1', 'node-2']);
    expect(sim.run('kubectl get sc').stderr).toBe('No resources found\n');
    run(sim, 'sim reset');
    expect(names(run(sim, 'kubectl get sc'))).toEqual(['standard (default)']);
    expect(sim.state.objects.Node['control-plane']?.spec.taints).toContainEqual({
      key: 'node-role.kubernetes.io/control-plane',
      effect: 'NoSchedule',
    });
    expect(sim.state.objects.Node['node-2']?.metadata.labels?.['kubernetes.io/hostname']).toBe('node-2');
  });

  it('sim node add / fail / recover / delete', () => {
    const sim = new SimDriver();
    run(sim, 'sim node add node-4 --label disk=ssd');
    expect(sim.state.objects.Node['node-4']?.metadata.labels?.disk).toBe('ssd');
    expect(cells(run(sim, 'kubectl get node node-4'))[0]?.[1]).toBe('Ready');
    run(sim, 'sim node fail node-4');
    expect(cells(run(sim, 'kubectl get node node-4'))[0]?.[1]).toBe('NotReady');
    run(sim, 'sim node recover node-4');
    expect(cells(run(sim, 'kubectl get node node-4'))[0]?.[1]).toBe('Ready');
    run(sim, 'sim node delete node-4');
    expect(sim.run('kubectl get node node-4').stderr).toBe(
      'Error from server (NotFound): nodes "node-4" not found\n',
    );
  });

  it('sim crash restarts the container with a clean writable layer (RESTARTS + 1); volumes keep data', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('web', emptyDirVolume()));
    sim.sh('web', 'echo layer > /tmp/l; echo vol > /data/v');
    run(sim, 'sim crash web -c app');
    run(sim, 'sim advance 10s');
    expect(cells(run(sim, 'kubectl get pod web'))[0]?.[3]).toMatch(/^1 \(\d+s ago\)$/);
    expect(sim.run('kubectl exec web -- cat /tmp/l').exitCode).not.toBe(0);
    expect(sim.sh('web', 'cat /data/v')).toBe('vol\n');
    run(sim, 'sim crash web --oom');
    expect(sim.pod('web')?.status.containerStatuses?.[0]?.lastState?.terminated?.reason ?? '').toMatch(
      /OOMKilled|Error/,
    );
  });

  it('sim move: bare and StatefulSet pods keep their name, ReplicaSet pods get a new one', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('bare', { node: 'node-1' }));
    run(sim, 'sim move bare --to node-2');
    expect(sim.pod('bare')?.spec.nodeName).toBe('node-2');
    expect(sim.pod('bare')?.spec.nodeSelector?.['kubernetes.io/hostname']).toBe('node-2');
    apply(sim, statefulSetYaml('db'));
    const target = sim.pod('db-0')?.spec.nodeName === 'node-3' ? 'node-1' : 'node-3';
    run(sim, `sim move db-0 --to ${target}`);
    expect(sim.pod('db-0')?.spec.nodeName).toBe(target);
    apply(sim, workloadYaml('ReplicaSet', 'web', 1));
    const old = sim.pods().find((p) => p.metadata.name.startsWith('web-'));
    const dest = old?.spec.nodeName === 'node-3' ? 'node-1' : 'node-3';
    const moved = run(sim, `sim move ${old?.metadata.name} --to ${dest}`);
    const fresh = sim.pods().find((p) => p.metadata.name.startsWith('web-'));
    expect(fresh?.metadata.name).not.toBe(old?.metadata.name);
    expect(fresh?.spec.nodeName).toBe(dest);
    expect(moved).toContain(
      `replicaset.apps/web created pod/${fresh?.metadata.name} with node selector kubernetes.io/hostname=${dest}`,
    );
  });

  it('sim move: the replacement follows the volume rules and may stay Pending', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    apply(sim, podYaml('user', claimVolume('data')));
    run(sim, 'kubectl cordon node-1');
    run(sim, 'kubectl cordon node-2');
    run(sim, 'kubectl cordon node-3');
    run(sim, `sim move user --to ${sim.pod('user')?.spec.nodeName === 'node-1' ? 'node-2' : 'node-1'}`);
    expect(podStatus(sim, 'user')).toBe('Pending');
  });

  it('sim advance moves simulated time', () => {
    const sim = new SimDriver();
    expect(run(sim, 'sim advance 90s')).toBe('time advanced by 90s (now 2026-01-05T09:01:30Z)\n');
    expect(run(sim, 'sim advance 1h')).toBe('time advanced by 1h (now 2026-01-05T10:01:30Z)\n');
    expect(cells(run(sim, 'kubectl get nodes'))[0]?.[3]).toBe('61m');
  });
});
