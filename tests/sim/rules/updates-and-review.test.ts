import { describe, expect, it } from 'vitest';
import { deserializeCluster, serializeCluster } from '../../../src/sim/persistence.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const statefulSet = (replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: postgres
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

const sharedClaimDeployment = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
        volumeMounts:
        - name: data
          mountPath: /data
        - name: logs
          mountPath: /logs
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: shared
      - name: logs
        hostPath:
          path: /var/log/web
`;

describe('re-applying manifests', () => {
  it('a StatefulSet applied twice is unchanged, and a new replica count is configured', () => {
    const sim = new SimDriver();
    expect(sim.apply(statefulSet(1)).stdout).toBe('statefulset.apps/db created\n');
    expect(sim.apply(statefulSet(1)).stdout).toBe('statefulset.apps/db unchanged\n');
    expect(sim.apply(statefulSet(2)).stdout).toBe('statefulset.apps/db configured\n');
    expect(sim.state.objects.StatefulSet['default/db']?.spec.replicas).toBe(2);
  });

  it('a Deployment whose volumes have defaulted fields is unchanged on re-apply (no new ReplicaSet)', () => {
    const sim = new SimDriver();
    sim.apply(sharedClaimDeployment);
    const before = Object.keys(sim.state.objects.ReplicaSet);
    expect(sim.apply(sharedClaimDeployment).stdout).toBe(
      'persistentvolumeclaim/shared unchanged\ndeployment.apps/web unchanged\n',
    );
    expect(Object.keys(sim.state.objects.ReplicaSet)).toEqual(before);
  });

  it('a Pending claim cannot change its request; only a bound claim can grow', () => {
    const sim = new SimDriver();
    const claim = (size: string) =>
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\n`;
    sim.apply(claim('1Gi'));
    expect(sim.apply(claim('2Gi')).stderr).toBe(
      'The PersistentVolumeClaim "c" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n',
    );
  });
});

describe('ReadWriteOnce disks shared by a Deployment (I4, M2)', () => {
  it('scaling to two replicas puts the second pod on another node, where it gets the Multi-Attach error', () => {
    const sim = new SimDriver();
    sim.apply(sharedClaimDeployment);
    sim.run('kubectl scale deploy/web --replicas=2');
    const pods = sim.pods().sort((a, b) => (a.spec.nodeName ?? '').localeCompare(b.spec.nodeName ?? ''));
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['node-1', 'node-2']);
    const waiting = pods[1];
    expect(sim.run('kubectl get pods').stdout).toMatch(/ContainerCreating/);
    expect(sim.events(waiting?.metadata.name)).toContainEqual(
      expect.stringMatching(
        /^Warning FailedAttachVolume: Multi-Attach error for volume "pvc-[0-9a-f-]+" Volume is already used by pod\(s\) web-/,
      ),
    );
  });
});

describe('sim node add validates like the API server', () => {
  it.each([
    [
      'sim node add Bad_Name',
      /^The Node "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    ],
    ['sim node add node-9 --label bad', /^error: invalid label "bad": expected key=value/],
    ['sim node add node-9 --label "a b=c"', /^error: invalid label "a b=c"/],
  ])('%s is refused', (command, message) => {
    const sim = new SimDriver();
    const before = sim.state;
    expect(sim.run(command).stderr).toMatch(message);
    expect(sim.state).toBe(before);
  });
});

describe('commands kubectl has but the simulator does not', () => {
  it('say so instead of calling them unknown', () => {
    const sim = new SimDriver();
    expect(sim.run('kubectl logs web').stderr).toBe(
      'error: "kubectl logs" is a real kubectl command that this simulator does not provide\n',
    );
    expect(sim.run('kubectl frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });
});

type Saved = {
  objects: { Pod: Record<string, { spec?: unknown }>; Node: Record<string, { status?: unknown }> };
};

describe('loading a damaged saved cluster', () => {
  it.each([
    ['a Pod without spec', (s: Saved) => delete s.objects.Pod[Object.keys(s.objects.Pod)[0] as string]?.spec],
    ['a Node without status', (s: Saved) => delete s.objects.Node['node-1']?.status],
  ])('refuses %s instead of failing later', (_case, damage) => {
    const sim = new SimDriver();
    sim.apply(statefulSet(1));
    const saved = JSON.parse(serializeCluster(sim.state));
    damage(saved.state);
    const loaded = deserializeCluster(JSON.stringify(saved));
    expect('error' in loaded && loaded.error).toMatch(/damaged/);
  });
});

describe('describe deployment and replicaset (O: kubectl describe layouts)', () => {
  it('print kubectl replica summaries, strategy, owner and new ReplicaSet', () => {
    const sim = new SimDriver();
    sim.apply(sharedClaimDeployment);
    const deployment = sim.run('kubectl describe deploy web').stdout;
    expect(deployment).toMatch(
      /^Replicas: +1 desired \| 1 updated \| 1 total \| 1 available \| 0 unavailable$/m,
    );
    expect(deployment).toMatch(/^StrategyType: +RollingUpdate$/m);
    expect(deployment).toMatch(/^NewReplicaSet: +web-\w+ \(1\/1 replicas created\)$/m);
    const replicaSet = sim.run('kubectl describe rs').stdout;
    expect(replicaSet).toMatch(/^Controlled By: +Deployment\/web$/m);
    expect(replicaSet).toMatch(/^Replicas: +1 current \/ 1 desired$/m);
    expect(replicaSet).toMatch(/^Pods Status: +1 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
  });
});

describe('kubectl exec into a pod that has no node yet', () => {
  it('is refused as the API server refuses it', () => {
    const sim = new SimDriver();
    sim.apply(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: pend\nspec:\n  nodeSelector:\n    disk: none\n  containers:\n  - name: app\n    image: busybox\n',
    );
    expect(sim.run('kubectl exec pend -- ls').stderr).toBe(
      'Error from server (BadRequest): pod pend does not have a host assigned\n',
    );
  });
});

describe('kubectl scale with several targets', () => {
  it('scales each of them, or none when one is missing', () => {
    const sim = new SimDriver();
    sim.apply(statefulSet(1));
    sim.apply(sharedClaimDeployment);
    expect(sim.run('kubectl scale sts/db deploy/web --replicas=2').stdout).toBe(
      'statefulset.apps/db scaled\ndeployment.apps/web scaled\n',
    );
    const before = sim.state;
    expect(sim.run('kubectl scale sts/db deploy/nope --replicas=3').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(sim.state).toBe(before);
  });
});
