import { describe, expect, it } from 'vitest';
import { apply, run } from '../../helpers/cluster.ts';
import {
  annBetaStorageProvisioner,
  annBoundByController,
  annProvisionedBy,
  annSelectedNode,
  annStorageProvisioner,
  claimPodYaml,
  diskDriver,
  externalProvisionerFinalizer,
  type PvcOptions,
  pvcYaml,
  pvProtection,
  pvYaml,
  scYaml,
} from '../../helpers/manifests.ts';
import { provisioned, row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section H (H3–H5, H7–H9): dynamic provisioning and volume binding modes.

const externalWaiting = (name: string) =>
  `Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner '${name}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

describe('H3: when a claim is provisioned', () => {
  const cases: Array<{
    name: string;
    claim: PvcOptions;
    existing?: boolean;
    provisions: boolean;
    event?: string;
  }> = [
    { name: 'a claim of a class with no matching volume is provisioned', claim: {}, provisions: true },
    {
      name: 'an existing matching volume is bound instead of provisioning',
      claim: {},
      existing: true,
      provisions: false,
    },
    {
      name: 'claim with storageClassName "" is never provisioned',
      claim: { storageClassName: '' },
      provisions: false,
      event:
        'Normal FailedBinding: no persistent volumes available for this claim and no storage class is set',
    },
    {
      name: 'a claim with a label selector is never provisioned',
      claim: { selector: { tier: 'fast' } },
      provisions: false,
      event:
        'Warning ProvisioningFailed: failed to provision volume with StorageClass "fast": claim Selector is not supported',
    },
  ];
  it.each(cases)('H3: $name', ({ claim, existing, provisions, event }) => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'));
    if (existing) apply(sim, pvYaml('ready', { storageClassName: 'fast', size: '5Gi' }));
    apply(sim, pvcYaml('data', { storageClassName: 'fast', ...claim }));
    expect(provisioned(sim)).toHaveLength(provisions ? 1 : 0);
    if (existing) expect(sim.pvc('data')?.spec.volumeName).toBe('ready');
    else expect(sim.pvc('data')?.status.phase).toBe(provisions ? 'Bound' : 'Pending');
    if (event) expect(sim.events('data')).toContain(event);
  });
});

describe('H4: what the provisioner creates', () => {
  it('H4: the new volume is named pvc-<claim uid>, bound to the claim, with the class and its policy', () => {
    const sim = new SimDriver();
    apply(
      sim,
      scYaml('keep', { reclaimPolicy: 'Retain' }),
      pvcYaml('data', { storageClassName: 'keep', size: '3Gi' }),
    );
    const pvc = sim.pvc('data');
    const name = `pvc-${pvc?.metadata.uid}`;
    const pv = sim.pv(name);
    expect(pv?.spec).toMatchObject({
      capacity: { storage: '3Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'keep',
      persistentVolumeReclaimPolicy: 'Retain',
      claimRef: { namespace: 'default', name: 'data', uid: pvc?.metadata.uid },
    });
    expect(pv?.metadata.annotations).toMatchObject({
      [annBoundByController]: 'yes',
      [annProvisionedBy]: diskDriver,
    });
    expect(pv?.metadata.finalizers).toEqual([externalProvisionerFinalizer, pvProtection]);
    expect(row(sim, 'pv', name)).toMatchObject({
      CAPACITY: '3Gi',
      'ACCESS MODES': 'RWO',
      'RECLAIM POLICY': 'Retain',
      STATUS: 'Bound',
      CLAIM: 'default/data',
      STORAGECLASS: 'keep',
    });
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: name, CAPACITY: '3Gi' });
    // Provisioned by a CSI driver: its external-provisioner reports success without "using <plugin>".
    expect(sim.events('data')).toContain(
      `Normal ProvisioningSucceeded: Successfully provisioned volume ${name}`,
    );
  });

  it('H4: a claim of a class that does not exist fails to provision', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data', { storageClassName: 'nope' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Pending', STORAGECLASS: 'nope' });
    expect(sim.events('data')).toEqual([
      'Warning ProvisioningFailed: storageclass.storage.k8s.io "nope" not found',
    ]);
  });
});

describe('H5: external (CSI) provisioners', () => {
  it('H5: the claim is handed to the external provisioner, which provisions it', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'), pvcYaml('data', { storageClassName: 'fast' }));
    expect(sim.pvc('data')?.metadata.annotations).toMatchObject({
      [annStorageProvisioner]: diskDriver,
      [annBetaStorageProvisioner]: diskDriver,
    });
    const [pv] = provisioned(sim);
    expect(sim.events('data')).toEqual([
      externalWaiting(diskDriver),
      'Normal Provisioning: External provisioner is provisioning volume for claim "default/data"',
      `Normal ProvisioningSucceeded: Successfully provisioned volume ${pv?.metadata.name}`,
    ]);
    expect(pv?.metadata.finalizers).toContain(externalProvisionerFinalizer);
  });

  it('H5: a claim for a provisioner that is not running waits for it (or for an administrator)', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('remote', { provisioner: 'example.com/nobody' }));
    apply(sim, pvcYaml('data', { storageClassName: 'remote' }));
    run(sim, 'sim advance 1m');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(provisioned(sim)).toEqual([]);
    expect(sim.pvc('data')?.metadata.annotations?.[annStorageProvisioner]).toBe('example.com/nobody');
    expect(sim.events('data')).toEqual([externalWaiting('example.com/nobody')]);
    // "or manually by the system administrator": a matching volume is bound.
    apply(sim, pvYaml('manual', { storageClassName: 'remote' }));
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'manual' });
  });
});

describe('H7: volumeBindingMode', () => {
  it('H7: a WaitForFirstConsumer claim is provisioned on the node its pod is scheduled to', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(provisioned(sim)).toEqual([]);
    apply(sim, claimPodYaml('app', 'data', { node: 'node-3' }));
    expect(sim.pvc('data')?.metadata.annotations?.[annSelectedNode]).toBe('node-3');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Bound');
    expect(sim.pod('app')?.spec.nodeName).toBe('node-3');
    expect(sim.pod('app')?.status.phase).toBe('Running');
  });

  it('H7: a WaitForFirstConsumer claim binds the available volume that fits the chosen node', () => {
    const sim = new SimDriver();
    apply(
      sim,
      pvYaml('on-1', { storageClassName: 'standard', node: 'node-1' }),
      pvYaml('on-2', { storageClassName: 'standard', node: 'node-2' }),
      pvcYaml('data'),
      claimPodYaml('app', 'data', { node: 'node-2' }),
    );
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'on-2' });
    expect(sim.pv('on-2')?.metadata.annotations?.[annBoundByController]).toBe('yes');
    expect(sim.pvc('data')?.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      [annBoundByController]: 'yes',
    });
    expect(sim.pv('on-1')?.status.phase).toBe('Available');
    expect(provisioned(sim)).toEqual([]);
    expect(sim.pod('app')?.spec.nodeName).toBe('node-2');
  });

  it('H7: an Immediate claim binds before the pod exists, which can leave the pod unschedulable', () => {
    const sim = new SimDriver();
    apply(
      sim,
      scYaml('now', { provisioner: 'kubernetes.io/no-provisioner', bindingMode: 'Immediate' }),
      pvYaml('on-1', { storageClassName: 'now', node: 'node-1' }),
      pvcYaml('data', { storageClassName: 'now' }),
    );
    expect(row(sim, 'pvc', 'data')).toMatchObject({ STATUS: 'Bound', VOLUME: 'on-1' });
    apply(sim, claimPodYaml('app', 'data', { node: 'node-2' }));
    expect(sim.pod('app')?.spec.nodeName).toBeUndefined();
    expect(sim.events('app').join('\n')).toContain('1 node(s) had volume node affinity conflict');
  });
});

describe('H8: WaitForFirstConsumer and spec.nodeName', () => {
  it('H8: a pod that names its node bypasses the scheduler and its WaitForFirstConsumer claim stays Pending', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'), claimPodYaml('app', 'data', { nodeName: 'node-1' }));
    run(sim, 'sim advance 5m');
    expect(row(sim, 'pvc', 'data').STATUS).toBe('Pending');
    expect(sim.pvc('data')?.metadata.annotations?.[annSelectedNode]).toBeUndefined();
    expect(provisioned(sim)).toEqual([]);
    expect(row(sim, 'pod', 'app').STATUS).toBe('ContainerCreating');
  });
});

describe('H9: volume expansion', () => {
  function boundClaim(sim: SimDriver, storageClassName?: string): string {
    apply(sim, pvcYaml('data', { storageClassName }), claimPodYaml('app', 'data'));
    return sim.pvc('data')?.spec.volumeName ?? '';
  }

  it('H9: raising the request of a claim of an expandable class resizes the same volume', () => {
    const sim = new SimDriver();
    const volume = boundClaim(sim);
    run(
      sim,
      `kubectl patch pvc data --type merge -p '{"spec":{"resources":{"requests":{"storage":"5Gi"}}}}'`,
    );
    expect(sim.pvc('data')?.spec.volumeName).toBe(volume);
    expect(provisioned(sim)).toHaveLength(1);
    expect(row(sim, 'pv', volume).CAPACITY).toBe('5Gi');
    expect(row(sim, 'pvc', 'data')).toMatchObject({ VOLUME: volume, CAPACITY: '5Gi' });
  });

  it('H9: a claim can never shrink', () => {
    const sim = new SimDriver();
    boundClaim(sim);
    const result = sim.apply(pvcYaml('data', { size: '500Mi' }));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('spec.resources.requests.storage: Forbidden: field can not be less than');
    expect(row(sim, 'pvc', 'data').CAPACITY).toBe('1Gi');
  });

  it('H9: a claim of a class without allowVolumeExpansion cannot grow', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fixed', { bindingMode: 'WaitForFirstConsumer' }));
    const volume = boundClaim(sim, 'fixed');
    const result = sim.apply(pvcYaml('data', { storageClassName: 'fixed', size: '5Gi' }));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(
      'persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    expect(row(sim, 'pv', volume).CAPACITY).toBe('1Gi');
  });
});
