import { describe, expect, it } from 'vitest';
import { write } from '../../helpers/cluster.ts';
import { emptyDirVolume, podYaml, withVolumes } from '../../helpers/manifests.ts';
import { eventsOf, nodeFile, podRow, podStatus } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/** Spec section B: emptyDir. */

const emptyDirAt = (uid: string, volume = 'cache') =>
  `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/${volume}`;

/** An emptyDir `cache` mounted at /cache. */
const cache = (options: { medium?: string; sizeLimit?: string } = {}) =>
  emptyDirVolume({ name: 'cache', mountPath: '/cache', ...options });

/** A Deployment `web` whose pods mount an emptyDir at /cache. */
function deployment(volume = cache(), node?: string): string {
  return `apiVersion: apps/v1
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
${node ? `      nodeSelector:\n        kubernetes.io/hostname: ${node}\n` : ''}      containers:
      - name: app
        image: nginx:1.27
        volumeMounts:
        - name: cache
          mountPath: /cache
      volumes:
${volume.volumes.replace(/^/gm, '    ')}
`;
}

/** The one pod that is neither being deleted nor finished (evicted). */
const onlyPod = (sim: SimDriver) => {
  const live = sim.pods().filter((p) => !p.metadata.deletionTimestamp && p.status.phase !== 'Failed');
  expect(live).toHaveLength(1);
  return live[0]?.metadata.name ?? '';
};

const hasDir = (sim: SimDriver, node: string, uid: string) =>
  sim.state.disks.nodes[node]?.[emptyDirAt(uid)]?.type === 'dir';

/** A 64-byte line repeated: `grow` writes 4^n lines to PATH with cat (the shell has no dd). */
const line = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde';
function grow(sim: SimDriver, pod: string, dir: string, times: number, container?: string) {
  const c = container ? ` -c ${container}` : '';
  let script = `echo ${line} > ${dir}/x0`;
  for (let i = 1; i <= times; i++)
    script += `; cat ${Array(4)
      .fill(`${dir}/x${i - 1}`)
      .join(' ')} > ${dir}/x${i}`;
  return sim.run(`kubectl exec ${pod}${c} -- sh -c "${script}"`);
}

describe('B. emptyDir', () => {
  it('B1: an emptyDir is created, empty, only when the pod is assigned to a node', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { ...cache(), extraSpec: '  nodeSelector:\n    disk: ssd' }));
    expect(podStatus(sim, 'web')).toBe('Pending');
    const uid = sim.pod('web')?.metadata.uid ?? '';
    for (const node of ['node-1', 'node-2', 'node-3']) expect(hasDir(sim, node, uid)).toBe(false);
    sim.run('kubectl label node node-2 disk=ssd');
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', NODE: 'node-2' });
    expect(hasDir(sim, 'node-2', uid)).toBe(true);
    expect(sim.ls('web', '/cache')).toEqual([]);
  });

  it('B2: all containers of a pod share one emptyDir, each at its own mount path', () => {
    const sim = new SimDriver();
    sim.apply(`apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: writer
    image: busybox:1.36
    volumeMounts: [{name: shared, mountPath: /out}]
  - name: reader
    image: nginx:1.27
    volumeMounts: [{name: shared, mountPath: /usr/share/nginx/html}]
  volumes:
  - name: shared
    emptyDir: {}
`);
    write(sim, 'pair', '/out/index.html', 'hello-from-writer', 'writer');
    const read = sim.run('kubectl exec pair -c reader -- cat /usr/share/nginx/html/index.html');
    expect(read).toMatchObject({ stdout: 'hello-from-writer\n', exitCode: 0 });
    write(sim, 'pair', '/usr/share/nginx/html/reply', 'hi', 'reader');
    expect(sim.run('kubectl exec pair -c writer -- ls /out').stdout).toBe('index.html\nreply\n');
  });

  it('B2: a container may mount only a sub-directory of the shared emptyDir (subPath, created for it)', () => {
    const sim = new SimDriver();
    sim.apply(
      podYaml('web', {
        volumes: cache().volumes,
        mounts:
          '    - name: cache\n      mountPath: /logs\n      subPath: app/logs\n    - name: cache\n      mountPath: /all',
        node: 'node-1',
      }),
    );
    write(sim, 'web', '/logs/today', 'entry');
    expect(sim.sh('web', 'cat /all/app/logs/today')).toBe('entry\n');
    const uid = sim.pod('web')?.metadata.uid ?? '';
    expect(nodeFile(sim, 'node-1', `${emptyDirAt(uid)}/app/logs/today`)).toBe('entry\n');
  });

  it('B3: emptyDir data survives container crashes and OOM kills (the pod stays on its node)', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { ...cache(), node: 'node-1' }));
    write(sim, 'web', '/cache/f', 'kept');
    sim.run('sim crash web');
    sim.run('sim crash web --oom');
    sim.run('sim advance 10s');
    expect(podRow(sim, 'web')?.RESTARTS).toMatch(/^2 /);
    expect(sim.sh('web', 'cat /cache/f')).toBe('kept\n');
  });

  const removals: Array<[string, (sim: SimDriver, pod: string) => void]> = [
    ['kubectl delete', (sim, pod) => sim.run(`kubectl delete pod ${pod}`)],
    [
      'a node drain (eviction)',
      (sim) => sim.run('kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data'),
    ],
    [
      'a node failure, once the pod is deleted',
      (sim) => {
        sim.run('sim node fail node-1');
        sim.run('sim advance 5m');
        sim.run('sim node recover node-1');
      },
    ],
  ];
  it.each(removals)('B4: emptyDir data is deleted permanently when the pod is removed by %s', (_, remove) => {
    const sim = new SimDriver();
    sim.apply(deployment(cache(), 'node-1'));
    const old = sim.pods()[0];
    write(sim, old?.metadata.name ?? '', '/cache/f', 'gone');
    sim.run(
      `kubectl patch deploy web --type merge -p '{"spec":{"template":{"spec":{"nodeSelector":null}}}}'`,
    );
    remove(sim, old?.metadata.name ?? '');
    const fresh = onlyPod(sim);
    expect(fresh).not.toBe(old?.metadata.name);
    expect(podStatus(sim, fresh)).toBe('Running');
    expect(sim.ls(fresh, '/cache')).toEqual([]);
    expect(
      Object.keys(sim.state.disks.nodes['node-1'] ?? {}).some((p) => p.includes(old?.metadata.uid ?? '-')),
    ).toBe(false);
  });

  it('B5: the default medium lives on the node disk; medium Memory is a tmpfs in RAM', () => {
    const sim = new SimDriver();
    sim.apply(
      podYaml('web', {
        ...withVolumes(cache(), emptyDirVolume({ name: 'ram', mountPath: '/ram', medium: 'Memory' })),
        node: 'node-1',
      }),
    );
    write(sim, 'web', '/cache/f', 'disk');
    write(sim, 'web', '/ram/f', 'memory');
    const df = sim.sh('web', 'df /cache /ram').split('\n');
    expect(df[1]).toMatch(/^\/dev\/vda1 .* \/cache$/);
    expect(df[2]).toMatch(/^tmpfs .* \/ram$/);
    const uid = sim.pod('web')?.metadata.uid ?? '';
    expect(nodeFile(sim, 'node-1', `${emptyDirAt(uid)}/f`)).toBe('disk\n');
    expect(Object.keys(sim.state.disks.nodes['node-1'] ?? {}).some((p) => p.includes('/ram'))).toBe(false);
    expect(sim.state.disks.memory[`node-1/${uid}/ram`]?.['/f']).toMatchObject({ content: 'memory\n' });
  });

  it('B6: a tmpfs is sized by node memory, then the pod memory limit, then sizeLimit', () => {
    const sim = new SimDriver();
    const sizeOf = (name: string, limit: string, sizeLimit: string) => {
      const resources = limit ? `\n    resources:\n      limits:\n        memory: ${limit}` : '';
      sim.apply(
        podYaml(name, { ...cache({ medium: 'Memory', sizeLimit }), node: 'node-1' }).replace(
          'busybox:1.36',
          `busybox:1.36${resources}`,
        ),
      );
      return sim.sh(name, 'df -h /cache').split('\n')[1]?.split(/\s+/)[1];
    };
    expect(sizeOf('node-memory', '', '')).toBe('7.7G'); // allocatable 8038920Ki
    expect(sizeOf('pod-limit', '64Mi', '')).toBe('64.0M');
    expect(sizeOf('size-limit', '64Mi', '1Mi')).toBe('1.0M');
    expect(sizeOf('limit-wins', '64Mi', '1Gi')).toBe('64.0M');
  });

  it('B6: writes beyond the tmpfs size fail inside the container with ENOSPC', () => {
    const sim = new SimDriver();
    sim.apply(podYaml('web', { ...cache({ medium: 'Memory', sizeLimit: '1Ki' }), node: 'node-1' }));
    const result = grow(sim, 'web', '/cache', 2);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'cat: write error: No space left on device\ncommand terminated with exit code 1\n',
    );
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', RESTARTS: '0' });
  });

  it("B6: tmpfs writes count against the writer's memory limit: OOMKilled, restarted, files kept", () => {
    const sim = new SimDriver();
    const limited = (name: string) =>
      `  - name: ${name}\n    image: busybox:1.36\n    resources:\n      limits:\n        memory: 1Ki\n    volumeMounts: [{name: cache, mountPath: /cache}]`;
    sim.apply(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${limited('a')}\n${limited('b')}\n  volumes:\n${cache({ medium: 'Memory' }).volumes}\n`,
    );
    expect(sim.sh('web', 'df /cache').split('\n')[1]).toMatch(/^tmpfs\s+2\s/); // pod limit 2Ki
    expect(grow(sim, 'web', '/cache', 2, 'a').exitCode).toBe(0); // 64 + 256 + 1024 bytes > 1Ki
    const a = sim.pod('web')?.status.containerStatuses?.find((s) => s.name === 'a');
    expect(a?.restartCount).toBe(1);
    expect(a?.lastState?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(podRow(sim, 'web')).toMatchObject({ STATUS: 'Running', READY: '2/2' });
    expect(sim.run('kubectl exec web -c b -- ls /cache').stdout).toBe('x0\nx1\nx2\n');
    expect(sim.run('kubectl describe pod web').stdout).toContain('Reason:       OOMKilled');
  });

  it('B7: a disk emptyDir over its sizeLimit gets the whole pod Evicted; a new pod replaces it', () => {
    const sim = new SimDriver();
    sim.apply(deployment(cache({ sizeLimit: '1Ki' })));
    const old = onlyPod(sim);
    const oldUid = sim.pod(old)?.metadata.uid ?? '';
    grow(sim, old, '/cache', 2);
    expect(podRow(sim, old)).toMatchObject({ READY: '0/1', STATUS: 'Evicted', RESTARTS: '0' });
    expect(sim.pod(old)?.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(eventsOf(sim, `pod/${old}`)).toContain(
      'Warning Evicted: Usage of EmptyDir volume "cache" exceeds the limit "1Ki".',
    );
    sim.run('sim advance 10m');
    expect(podRow(sim, old)).toMatchObject({ STATUS: 'Evicted', RESTARTS: '0' });
    const fresh = onlyPod(sim);
    expect(fresh).not.toBe(old);
    expect(podStatus(sim, fresh)).toBe('Running');
    expect(sim.ls(fresh, '/cache')).toEqual([]);
    expect(
      Object.keys(sim.state.disks.nodes[sim.pod(old)?.spec.nodeName ?? ''] ?? {}).some((p) =>
        p.includes(oldUid),
      ),
    ).toBe(false);
  });

  it('B8: kubectl drain refuses pods with emptyDir unless --delete-emptydir-data', () => {
    const sim = new SimDriver();
    sim.apply(deployment(cache(), 'node-1'));
    const pod = onlyPod(sim);
    const refused = sim.run('kubectl drain node-1 --ignore-daemonsets');
    expect(refused.exitCode).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain(
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${pod}`,
    );
    expect(podRow(sim, pod)).toMatchObject({ STATUS: 'Running', NODE: 'node-1' });
    const drained = sim.run('kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data');
    expect(drained.stdout).toContain(`pod/${pod} evicted\nnode/node-1 drained\n`);
    expect(podStatus(sim, pod)).toBeUndefined();
  });
});
