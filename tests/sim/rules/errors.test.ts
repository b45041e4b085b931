import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/sim/cluster.ts';
import { parseCommandLine } from '../../../src/sim/script/parse-script.ts';
import { apply } from '../../helpers/cluster.ts';
import { podYaml, pvcYaml, statefulSetYaml } from '../../helpers/manifests.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const pvcWithout = (field: string) =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n${field}`;

/** [command line, stdin, stderr it must print]. */
const refusals: Array<[string, string | undefined, string]> = [
  ['kubectl foo', undefined, 'error: unknown command "foo" for "kubectl"\n'],
  ['foo bar', undefined, 'sh: foo: not found\n'],
  ['kubectl get foo', undefined, 'error: the server doesn\'t have a resource type "foo"\n'],
  ['kubectl describe widgets x', undefined, 'error: the server doesn\'t have a resource type "widgets"\n'],
  ['kubectl get pods web', undefined, 'Error from server (NotFound): pods "web" not found\n'],
  ['kubectl get deploy web', undefined, 'Error from server (NotFound): deployments.apps "web" not found\n'],
  [
    'kubectl delete pvc data',
    undefined,
    'Error from server (NotFound): persistentvolumeclaims "data" not found\n',
  ],
  [
    'kubectl describe pv nope',
    undefined,
    'Error from server (NotFound): persistentvolumes "nope" not found\n',
  ],
  ['kubectl exec nope -- ls', undefined, 'Error from server (NotFound): pods "nope" not found\n'],
  ['kubectl cordon node-9', undefined, 'Error from server (NotFound): nodes "node-9" not found\n'],
  ['kubectl get pods --foo', undefined, "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
  [
    'kubectl delete pod a --now-please',
    undefined,
    "error: unknown flag: --now-please\nSee 'kubectl delete --help' for usage.\n",
  ],
  [
    'kubectl get pods -z',
    undefined,
    "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
  ],
  [
    'kubectl apply -f -',
    pvcWithout('  resources:\n    requests: {}\n'),
    'The PersistentVolumeClaim "data" is invalid: spec.resources.requests[storage]: Required value\n',
  ],
  [
    'kubectl apply -f -',
    pvcWithout('  resources:\n    requests:\n      storage: lots\n'),
    'Error from server (BadRequest): error when creating "STDIN": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'\n',
  ],
  [
    'kubectl apply -f -',
    podYaml('Bad_Name'),
    "The Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
  ],
  [
    'kubectl apply -f -',
    podYaml('a', { mounts: '    - name: nope\n      mountPath: /x' }),
    'The Pod "a" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "nope"\n',
  ],
  [
    'kubectl apply -f -',
    podYaml('a').replace('image: busybox:1.36', 'image: busybox:1.36\n    colour: red'),
    'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].colour"\n',
  ],
  [
    'kubectl apply -f -',
    'apiVersion: v1\nkind: Widget\nmetadata:\n  name: a\n',
    'error: resource mapping not found for name: "a" namespace: "" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n',
  ],
  ['sim advance soon', undefined, 'error: invalid duration "soon": use a duration like 30s, 5m or 1h\n'],
  ['sim node fail node-9', undefined, 'Error from server (NotFound): nodes "node-9" not found\n'],
];

describe('commands.md: errors and bad input', () => {
  it.each(refusals)('%s → refused with kubectl-like text, the state untouched', (line, stdin, stderr) => {
    const sim = new SimDriver();
    apply(sim, podYaml('a'));
    const parsed = parseCommandLine(line);
    if ('error' in parsed) throw new Error(parsed.error);
    const before = sim.state;
    const { state, result } = runCommand(before, parsed.argv, stdin);
    expect(result.stderr).toBe(stderr);
    expect(result.exitCode).not.toBe(0);
    expect(state).toBe(before);
  });

  it('AlreadyExists from kubectl create, and the state stays the very same object', () => {
    const sim = new SimDriver();
    apply(sim, pvcYaml('data'));
    const before = sim.state;
    const { state, result } = runCommand(before, ['kubectl', 'create', '-f', '-'], pvcYaml('data'));
    expect(result.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": persistentvolumeclaims "data" already exists\n',
    );
    expect(state).toBe(before);
  });

  it('read-only commands (get, describe) return the identical state', () => {
    const sim = new SimDriver();
    apply(sim, statefulSetYaml('db'));
    for (const line of [
      'kubectl get pods',
      'kubectl describe pvc data-db-0',
      'kubectl get events',
      'kubectl get pv -o yaml',
    ]) {
      const before = sim.state;
      const { state } = runCommand(before, (parseCommandLine(line) as { argv: string[] }).argv);
      expect(state, line).toBe(before);
    }
  });

  it('a refused label change leaves no trace, not even the labels it would have added first', () => {
    const sim = new SimDriver();
    apply(sim, podYaml('bare', { labels: { a: '1' } }));
    const before = sim.state;
    const { state, result } = runCommand(before, ['kubectl', 'label', 'pod', 'bare', 'b=2', 'a=3']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("error: 'a' already has a value (1), and --overwrite is false\n");
    expect(state).toBe(before);
    expect(sim.pod('bare')?.metadata.labels).toEqual({ a: '1' });
  });

  it('multi-document apply with one bad document applies none of them', () => {
    const sim = new SimDriver();
    const before = sim.state;
    const docs = [
      pvcYaml('one'),
      pvcYaml('two').replace('storage: 1Gi', 'storage: 1 Gi'),
      pvcYaml('three'),
    ].join('---\n');
    const { state, result } = runCommand(before, ['kubectl', 'apply', '-f', '-'], docs);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('quantities must match the regular expression');
    expect(state).toBe(before);
    const invalid = [pvcYaml('one'), pvcWithout('  resources:\n    requests: {}\n')].join('---\n');
    const second = runCommand(before, ['kubectl', 'apply', '-f', '-'], invalid);
    expect(second.result.stderr).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec.resources.requests[storage]: Required value\n',
    );
    expect(second.state).toBe(before);
    const good = runCommand(
      before,
      ['kubectl', 'apply', '-f', '-'],
      [pvcYaml('one'), pvcYaml('two')].join('---\n'),
    );
    expect(good.result.stdout).toBe('persistentvolumeclaim/one created\npersistentvolumeclaim/two created\n');
  });

  it('invalid YAML names the line (single document)', () => {
    const sim = new SimDriver();
    const yaml = `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: requests: storage: 1Gi\n`;
    expect(sim.apply(yaml).stderr).toBe(
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n',
    );
  });

  it('invalid YAML in a later document: the line counts from the start of that document (kubectl splits at ---)', () => {
    const sim = new SimDriver();
    const before = sim.state;
    const yaml = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n`;
    expect(sim.apply(yaml).stderr).toBe(
      'error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
    );
    expect(sim.state).toBe(before);
  });
});
