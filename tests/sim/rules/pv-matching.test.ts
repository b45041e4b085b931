import { describe, expect, it } from 'vitest';
import { apply, run } from '../../helpers/cluster.ts';
import { type PvcOptions, type PvOptions, pvcYaml, pvYaml, scYaml } from '../../helpers/manifests.ts';
import { row } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

// Spec section F (F4, F5): which volume a claim gets (findBestMatchForClaim) and class rules.

interface MatchCase {
  name: string;
  volumes: Record<string, PvOptions>;
  claim: PvcOptions;
  /** The volume the claim binds, or undefined when it stays Pending. */
  expected: string | undefined;
  /** Commands run after the volumes exist and before the claim is created. */
  before?: string[];
}

const cases: MatchCase[] = [
  {
    name: 'smallest adequate volume wins',
    volumes: { huge: { size: '10Gi' }, medium: { size: '5Gi' }, tiny: { size: '1Gi' } },
    claim: { size: '2Gi' },
    expected: 'medium',
  },
  {
    name: 'a volume smaller than the request is never bound',
    volumes: { tiny: { size: '1Gi' } },
    claim: { size: '2Gi' },
    expected: undefined,
  },
  {
    name: 'access-mode group with fewer modes beats a smaller volume',
    volumes: { shared: { size: '1Gi', modes: 'RWO,ROX,RWX' }, single: { size: '5Gi', modes: 'RWO' } },
    claim: { modes: 'RWO' },
    expected: 'single',
  },
  {
    name: 'a larger group is used when the smaller group has no adequate volume',
    volumes: { shared: { size: '5Gi', modes: 'RWO,RWX' }, single: { size: '1Gi', modes: 'RWO' } },
    claim: { size: '2Gi', modes: 'RWO' },
    expected: 'shared',
  },
  {
    name: 'a volume lacking a requested access mode is never bound',
    volumes: { single: { modes: 'RWO' } },
    claim: { modes: 'RWX' },
    expected: undefined,
  },
  {
    name: 'a Block volume does not match a Filesystem claim',
    volumes: { raw: { volumeMode: 'Block' } },
    claim: {},
    expected: undefined,
  },
  {
    name: 'a Block claim binds a Block volume',
    volumes: { fs: {}, raw: { volumeMode: 'Block' } },
    claim: { volumeMode: 'Block' },
    expected: 'raw',
  },
  {
    name: 'a volume reserved for another claim is skipped',
    volumes: { reserved: { claimRef: 'other' }, free: { size: '5Gi' } },
    claim: {},
    expected: 'free',
  },
  {
    name: 'a volume being deleted is skipped',
    volumes: { going: { finalizers: ['example.com/hold'] }, staying: { size: '5Gi' } },
    before: ['kubectl delete pv going --wait=false'],
    claim: {},
    expected: 'staying',
  },
  {
    name: 'a volume pre-bound to the claim wins before class and selector checks',
    volumes: { mine: { claimRef: 'data', storageClassName: 'gold', size: '5Gi' }, other: {} },
    claim: { selector: { tier: 'x' } },
    expected: 'mine',
  },
  {
    name: 'a volume pre-bound to the claim must still be large enough',
    volumes: { mine: { claimRef: 'data', size: '1Gi' } },
    claim: { size: '2Gi' },
    expected: undefined,
  },
  {
    name: "a volume whose labels don't match the claim's selector is skipped",
    volumes: { slow: { labels: { tier: 'slow' } }, fast: { labels: { tier: 'fast' }, size: '5Gi' } },
    claim: { selector: { tier: 'fast' } },
    expected: 'fast',
  },
  {
    name: 'a volume of another class is skipped',
    volumes: { gold: { storageClassName: 'gold' } },
    claim: {},
    expected: undefined,
  },
  {
    name: 'equal sizes are resolved by volume name',
    volumes: { 'pv-b': {}, 'pv-c': {}, 'pv-a': {} },
    claim: {},
    expected: 'pv-a',
  },
  {
    name: 'node affinity is not checked when the controller binds',
    volumes: { pinned: { node: 'no-such-node' } },
    claim: {},
    expected: 'pinned',
  },
];

describe('F4: findBestMatchForClaim', () => {
  it.each(cases)('F4: $name', ({ volumes, claim, expected, before }) => {
    const sim = new SimDriver();
    apply(sim, ...Object.entries(volumes).map(([name, o]) => pvYaml(name, o)));
    for (const line of before ?? []) run(sim, line);
    apply(sim, pvcYaml('data', { storageClassName: '', ...claim }));
    const pvc = sim.pvc('data');
    expect(pvc?.spec.volumeName).toBe(expected);
    expect(pvc?.status.phase).toBe(expected ? 'Bound' : 'Pending');
    if (expected) expect(row(sim, 'pv', expected)).toMatchObject({ STATUS: 'Bound', CLAIM: 'default/data' });
  });

  it('F4: the controller never binds a WaitForFirstConsumer claim, even to a matching volume', () => {
    const sim = new SimDriver();
    apply(sim, pvYaml('pv1', { storageClassName: 'standard' }), pvcYaml('data'));
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(sim.pv('pv1')?.status.phase).toBe('Available');
  });
});

describe('F5: class rules', () => {
  it('F5: a volume without a class binds only a claim that asks for no class', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast'), pvYaml('plain'), pvcYaml('classy', { storageClassName: 'fast' }));
    expect(sim.pvc('classy')?.spec.volumeName).not.toBe('plain');
    expect(sim.pv('plain')?.status.phase).toBe('Available');
    apply(sim, pvcYaml('classless', { storageClassName: '' }));
    expect(sim.pvc('classless')?.spec.volumeName).toBe('plain');
  });

  it('F5: claim with storageClassName "" never gets the default class', () => {
    const sim = new SimDriver({ noStorageClass: true });
    apply(sim, pvcYaml('data', { storageClassName: '' }));
    apply(sim, scYaml('fast', { isDefault: true }));
    run(sim, 'sim advance 1m');
    expect(sim.pvc('data')?.spec.storageClassName).toBe('');
    expect(sim.pvc('data')?.status.phase).toBe('Pending');
    expect(row(sim, 'pvc', 'data').STORAGECLASS).toBe('');
  });

  it('F5: claim with storageClassName unset gets the default class and then binds only its volumes', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('fast', { isDefault: true }));
    apply(sim, pvYaml('plain'), pvYaml('quick', { storageClassName: 'fast', size: '5Gi' }));
    apply(sim, pvcYaml('data'));
    expect(sim.pvc('data')?.spec.storageClassName).toBe('fast');
    expect(sim.pvc('data')?.spec.volumeName).toBe('quick');
    expect(sim.pv('plain')?.status.phase).toBe('Available');
  });

  it('F5: with several default classes the newest wins', () => {
    const sim = new SimDriver();
    run(sim, 'sim advance 1m');
    apply(sim, scYaml('newer', { isDefault: true, bindingMode: 'WaitForFirstConsumer' }));
    expect(run(sim, 'kubectl get sc')).toMatch(/newer \(default\)[\s\S]*standard \(default\)/);
    apply(sim, pvcYaml('data'));
    expect(sim.pvc('data')?.spec.storageClassName).toBe('newer');
  });

  it('F5: default classes created in the same second are ordered by name', () => {
    const sim = new SimDriver();
    apply(sim, scYaml('alpha', { isDefault: true, bindingMode: 'WaitForFirstConsumer' }));
    apply(sim, pvcYaml('data'));
    expect(sim.pvc('data')?.spec.storageClassName).toBe('alpha');
  });
});
