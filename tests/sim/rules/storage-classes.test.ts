import { describe, expect, it } from 'vitest';
import { apply, run } from '../../helpers/cluster.ts';
import { claimPodYaml, pvcYaml, pvYaml, type ScOptions, scYaml } from '../../helpers/manifests.ts';
import { provisioned, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section H (H1, H2, H6): StorageClass objects, the default class, no-provisioner.

describe('H1: StorageClass fields', () => {
  it('H1: a class with only a provisioner defaults to Delete, Immediate and no expansion', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'));
    expect(row(sim, 'sc', 'fast')).toMatchObject({
      PROVISIONER: 'disk.csi.volumelab.dev',
      RECLAIMPOLICY: 'Delete',
      VOLUMEBINDINGMODE: 'Immediate',
      ALLOWVOLUMEEXPANSION: 'false',
    });
  });

  it('H1: a class without a provisioner is refused', () => {
    const sim = new SimDriver();
    const result = sim.apply(scYaml('fast').replace(/^provisioner: .*\n/m, ''));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('The StorageClass "fast" is invalid: provisioner: Required value');
    expect(sim.state.objects.StorageClass.fast).toBeUndefined();
  });

  const immutable: Array<{ field: string; change: ScOptions; message: string }> = [
    {
      field: 'provisioner',
      change: { provisioner: 'nfs.csi.k8s.io' },
      message: 'provisioner: Forbidden: updates to provisioner are forbidden.',
    },
    {
      field: 'parameters',
      change: { parameters: { type: 'ssd' } },
      message: 'parameters: Forbidden: updates to parameters are forbidden.',
    },
    {
      field: 'reclaimPolicy',
      change: { reclaimPolicy: 'Retain' },
      message: 'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
    },
    {
      field: 'volumeBindingMode',
      change: { bindingMode: 'WaitForFirstConsumer' },
      message: 'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    },
  ];
  it.each(immutable)('H1: $field cannot be changed once the class exists', ({ change, message }) => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'));
    const result = sim.apply(scYaml('fast', change));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(`The StorageClass "fast" is invalid: ${message}`);
    expect(row(sim, 'sc', 'fast')).toMatchObject({ RECLAIMPOLICY: 'Delete', VOLUMEBINDINGMODE: 'Immediate' });
  });

  it('H1: allowVolumeExpansion can be switched on later', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'));
    run(sim, `kubectl patch sc fast --type merge -p '{"allowVolumeExpansion":true}'`);
    expect(row(sim, 'sc', 'fast').ALLOWVOLUMEEXPANSION).toBe('true');
  });

  it('H1: changing or replacing a class never changes the volumes it already provisioned', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'), pvcYaml('data', { storageClassName: 'fast' }));
    const [pv] = provisioned(sim);
    const name = pv?.metadata.name ?? '';
    run(sim, `kubectl patch sc fast --type merge -p '{"allowVolumeExpansion":true}'`);
    run(sim, 'kubectl delete sc fast');
    apply(sim, scYaml('fast', { reclaimPolicy: 'Retain', provisioner: 'nfs.csi.k8s.io' }));
    expect(sim.pv(name)?.spec).toMatchObject({
      persistentVolumeReclaimPolicy: 'Delete',
      csi: { driver: 'disk.csi.volumelab.dev' },
    });
    expect(row(sim, 'pv', name)).toMatchObject({ 'RECLAIM POLICY': 'Delete', STATUS: 'Bound' });
  });
});

describe('H2: the default StorageClass', () => {
  it('H2: the default class is marked "(default)" in kubectl get sc', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'));
    const names = run(sim, 'kubectl get sc')
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s{2,}/)[0])
      .filter(Boolean);
    expect(names).toEqual(['fast', 'standard (default)']);
    expect(sim.state.objects.StorageClass.standard?.metadata.annotations).toMatchObject({
      'storageclass.kubernetes.io/is-default-class': 'true',
    });
  });

  it('H2: moving the annotation to another class makes it the default for new claims', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'));
    run(sim, 'kubectl annotate sc standard storageclass.kubernetes.io/is-default-class=false --overwrite');
    run(sim, 'kubectl annotate sc fast storageclass.kubernetes.io/is-default-class=true');
    expect(run(sim, 'kubectl get sc')).toMatch(/^fast \(default\) /m);
    expect(run(sim, 'kubectl get sc')).toMatch(/^standard {2,}/m);
    apply(sim, pvcYaml('data'));
    expect(row(sim, 'pvc', 'data').STORAGECLASS).toBe('fast');
  });
});

describe('H6: kubernetes.io/no-provisioner', () => {
  const local = (mode: string) =>
    scYaml('local', { provisioner: 'kubernetes.io/no-provisioner', bindingMode: mode });

  it('H6: an Immediate no-provisioner claim without a volume stays Pending: the class cannot provision', () => {
    const sim = new SimDriver();
    apply(sim, local('Immediate'), pvcYaml('data', { storageClassName: 'local' }));
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(provisioned(sim)).toEqual([]);
    expect(sim.events('data')).toEqual([
      'Warning ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner',
    ]);
  });

  it('H6: a WaitForFirstConsumer no-provisioner claim leaves its pod unschedulable without a volume', () => {
    const sim = new SimDriver();
    apply(sim, local('WaitForFirstConsumer'), pvcYaml('data', { storageClassName: 'local' }));
    apply(sim, claimPodYaml('app', 'data'));
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(provisioned(sim)).toEqual([]);
    expect(sim.pod('app')?.spec.nodeName).toBeUndefined();
    expect(sim.events('app').join('\n')).toContain(
      "3 node(s) didn't find available persistent volumes to bind",
    );
  });

  it('H6: a WaitForFirstConsumer no-provisioner claim binds the local volume of the node its pod lands on', () => {
    const sim = new SimDriver();
    const localSource = (path: string) => `  local:\n    path: ${path}\n`;
    apply(
      sim,
      local('WaitForFirstConsumer'),
      pvYaml('local-2', { storageClassName: 'local', node: 'node-2', source: localSource('/mnt/disks/a') }),
      pvcYaml('data', { storageClassName: 'local' }),
      claimPodYaml('app', 'data'),
    );
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'local-2' });
    expect(sim.pod('app')?.spec.nodeName).toBe('node-2');
  });
});
