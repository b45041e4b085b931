import { describe, expect, it } from 'vitest';
import { toKubectlJson, toKubectlYaml } from '../../../src/sim/lib/serialize.ts';

const pvc = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'data',
    namespace: 'default',
    uid: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
    creationTimestamp: '2026-01-01T00:00:00Z',
    annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
    finalizers: ['kubernetes.io/pvc-protection'],
    labels: undefined,
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    volumeName: 'pvc-1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
  },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
};

describe('toKubectlYaml (kubectl get -o yaml)', () => {
  it('prints a bound PVC exactly as kubectl does', () => {
    expect(toKubectlYaml(pvc)).toBe(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  annotations:
    pv.kubernetes.io/bind-completed: "yes"
  creationTimestamp: "2026-01-01T00:00:00Z"
  finalizers:
  - kubernetes.io/pvc-protection
  name: data
  namespace: default
  uid: 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
  storageClassName: standard
  volumeMode: Filesystem
  volumeName: pvc-1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b
status:
  accessModes:
  - ReadWriteOnce
  capacity:
    storage: 1Gi
  phase: Bound
`);
  });

  it('folds a long scheduler message at 80 columns, single-quoted because of ": "', () => {
    const status = {
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: '2026-01-01T00:00:00Z',
          message:
            '0/3 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
          reason: 'Unschedulable',
          status: 'False',
          type: 'PodScheduled',
        },
      ],
      phase: 'Pending',
      qosClass: 'BestEffort',
    };
    expect(toKubectlYaml({ status })).toBe(`status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2026-01-01T00:00:00Z"
    message: '0/3 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/master:
      }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'
    reason: Unschedulable
    status: "False"
    type: PodScheduled
  phase: Pending
  qosClass: BestEffort
`);
  });

  it('folds long plain text at the first space past column 80', () => {
    const message = `${'word '.repeat(20)}end`;
    expect(toKubectlYaml({ message })).toBe(
      `message: ${'word '.repeat(14)}word\n  ${'word '.repeat(5)}end\n`,
    );
  });

  it('never folds keys or literal blocks', () => {
    const long = 'x'.repeat(100);
    expect(toKubectlYaml({ [long]: `${long} ${long}\n` })).toBe(`${long}: |\n  ${long} ${long}\n`);
  });

  it.each([
    ['a plain word', 'web', 'web'],
    ['a quantity', '1Gi', '1Gi'],
    ['an IP address', '10.0.0.1', '10.0.0.1'],
    ['a path', '/var/lib/data', '/var/lib/data'],
    ['an apostrophe inside', "it's", "it's"],
    ['Korean', '데이터', '데이터'],
    ['a YAML 1.1 boolean (yes)', 'yes', '"yes"'],
    ['a YAML 1.1 boolean (no)', 'no', '"no"'],
    ['a YAML 1.1 boolean (on)', 'on', '"on"'],
    ['a single-letter boolean', 'y', '"y"'],
    ['true', 'true', '"true"'],
    ['False', 'False', '"False"'],
    ['null', 'null', '"null"'],
    ['a tilde', '~', '"~"'],
    ['an empty string', '', '""'],
    ['an integer', '123', '"123"'],
    ['a signed integer', '-5', '"-5"'],
    ['a hex integer', '0x1F', '"0x1F"'],
    ['an octal integer', '0755', '"0755"'],
    ['an integer with underscores', '1_000', '"1_000"'],
    ['a decimal', '1.5', '"1.5"'],
    ['a leading-dot float', '.5', '".5"'],
    ['an exponent', '1e3', '"1e3"'],
    ['.inf', '.inf', '".inf"'],
    ['a base-60 number', '1:30', '"1:30"'],
    ['an RFC 3339 timestamp', '2026-01-01T00:00:00Z', '"2026-01-01T00:00:00Z"'],
    ['a timestamp with an offset', '2026-01-01T09:00:00+09:00', '"2026-01-01T09:00:00+09:00"'],
    ['a date', '2026-01-01', '"2026-01-01"'],
    ['a date with short fields', '2026-1-2', '"2026-1-2"'],
    ['an impossible date', '2026-02-30', '2026-02-30'],
    ['a version with dots', '1.2.3', '1.2.3'],
    ['a port mapping', '8080:80', '8080:80'],
    ['a star', '*', "'*'"],
    ['an ampersand first', '&anchor', "'&anchor'"],
    ['a leading dash and space', '- item', "'- item'"],
    ['a lone dash', '-', "'-'"],
    ['a colon and space', 'key: value', "'key: value'"],
    ['a trailing colon', 'key:', "'key:'"],
    ['a comment marker', 'a #b', "'a #b'"],
    ['a leading space', ' x', "' x'"],
    ['a trailing space', 'x ', "'x '"],
    ['a quote first, with an apostrophe', "'quoted'", "'''quoted'''"],
    ['a document marker', '---', "'---'"],
    ['a tab', 'a\tb', '"a\\tb"'],
    ['a carriage return', 'a\rb', '"a\\rb"'],
    ['an emoji', 'ok 😀', '"ok \\U0001F600"'],
    ['a backslash alone', 'C:\\data', 'C:\\data'],
  ])('quotes %s as go-yaml does', (_case, value, expected) => {
    expect(toKubectlYaml({ v: value })).toBe(`v: ${expected}\n`);
  });

  it.each([
    ['text ending with a newline', 'a\nb\n', 'v: |\n  a\n  b\n'],
    ['text without a final newline', 'a\nb', 'v: |-\n  a\n  b\n'],
    ['text ending with blank lines', 'a\n\n', 'v: |+\n  a\n\n'],
    ['text starting with a space', ' a\nb\n', 'v: |2\n   a\n  b\n'],
    ['a blank line inside', 'a\n\nb\n', 'v: |\n  a\n\n  b\n'],
    ['a space before a newline, which a block cannot keep', 'a \nb', 'v: "a \\nb"\n'],
    ['a trailing space', 'a\nb ', 'v: "a\\nb "\n'],
  ])('writes multi-line %s', (_case, value, expected) => {
    expect(toKubectlYaml({ v: value })).toBe(expected);
  });

  it('writes the last-applied-configuration annotation as a literal block', () => {
    const applied = '{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"}}\n';
    expect(
      toKubectlYaml({
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied } },
      }),
    ).toBe(`metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"}}
`);
  });

  it('prints numbers, booleans and null like go-yaml', () => {
    expect(
      toKubectlYaml({
        a: 3,
        b: -1,
        c: 1.5,
        d: 1e21,
        e: 1234567.5,
        f: 0.00001,
        g: 0.0001,
        h: true,
        i: null,
        j: -0,
      }),
    ).toBe('a: 3\nb: -1\nc: 1.5\nd: 1e+21\ne: 1.2345675e+06\nf: 1e-05\ng: 0.0001\nh: true\ni: null\nj: 0\n');
  });

  it('lays out nested collections: empty ones in flow style, sequences of maps and of sequences', () => {
    expect(
      toKubectlYaml({
        emptyDir: {},
        list: [],
        containers: [{ name: 'app', volumeMounts: [{ mountPath: '/data', name: 'data' }] }],
        matrix: [
          [1, 2],
          [[], {}],
        ],
      }),
    ).toBe(`containers:
- name: app
  volumeMounts:
  - mountPath: /data
    name: data
emptyDir: {}
list: []
matrix:
- - 1
  - 2
- - []
  - {}
`);
  });

  it('sorts keys like go-yaml: digit runs by value, non-letters before letters', () => {
    const keys = ['b', 'a10', 'a9', 'a_b', 'aZ', 'A', 'node2', 'node10'];
    const yaml = toKubectlYaml(Object.fromEntries(keys.map((key) => [key, 1])));
    expect(yaml.split('\n').map((line) => line.split(':')[0])).toEqual([
      'A',
      'a_b',
      'a9',
      'a10',
      'aZ',
      'b',
      'node2',
      'node10',
      '',
    ]);
  });

  it('quotes keys that would read as another type', () => {
    expect(toKubectlYaml({ n: 1, yes: 2, '': 3, '8080': 4, 'app.kubernetes.io/name': 5 })).toBe(
      '"": 3\n"8080": 4\napp.kubernetes.io/name: 5\n"n": 1\n"yes": 2\n',
    );
  });

  it('prints top-level scalars and empty collections on one line', () => {
    expect(toKubectlYaml('hello')).toBe('hello\n');
    expect(toKubectlYaml(null)).toBe('null\n');
    expect(toKubectlYaml({})).toBe('{}\n');
    expect(toKubectlYaml([])).toBe('[]\n');
    expect(toKubectlYaml(['a', 'b'])).toBe('- a\n- b\n');
  });
});

describe('toKubectlJson (kubectl get -o json)', () => {
  it('prints a bound PVC with sorted keys and four-space indentation', () => {
    expect(toKubectlJson(pvc)).toBe(`{
    "apiVersion": "v1",
    "kind": "PersistentVolumeClaim",
    "metadata": {
        "annotations": {
            "pv.kubernetes.io/bind-completed": "yes"
        },
        "creationTimestamp": "2026-01-01T00:00:00Z",
        "finalizers": [
            "kubernetes.io/pvc-protection"
        ],
        "name": "data",
        "namespace": "default",
        "uid": "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"
    },
    "spec": {
        "accessModes": [
            "ReadWriteOnce"
        ],
        "resources": {
            "requests": {
                "storage": "1Gi"
            }
        },
        "storageClassName": "standard",
        "volumeMode": "Filesystem",
        "volumeName": "pvc-1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"
    },
    "status": {
        "accessModes": [
            "ReadWriteOnce"
        ],
        "capacity": {
            "storage": "1Gi"
        },
        "phase": "Bound"
    }
}
`);
  });

  it('escapes like Go: HTML characters, control characters, line separators', () => {
    expect(toKubectlJson({ v: '<none> & "q" \\ \n\t\u0001\u2028 데이터' })).toBe(
      '{\n    "v": "\\u003cnone\\u003e \\u0026 \\"q\\" \\\\ \\n\\t\\u0001\\u2028 데이터"\n}\n',
    );
  });

  it('sorts keys by bytes, keeps numeric-looking keys in that order and prints empty collections inline', () => {
    expect(toKubectlJson({ b: [], a: {}, '10': 1, '9': 2, Z: [1, null] })).toBe(
      '{\n    "10": 1,\n    "9": 2,\n    "Z": [\n        1,\n        null\n    ],\n    "a": {},\n    "b": []\n}\n',
    );
  });

  it('drops undefined fields and writes undefined list items as null, as JSON.stringify does', () => {
    expect(toKubectlJson({ a: undefined, b: [undefined] })).toBe('{\n    "b": [\n        null\n    ]\n}\n');
  });

  it('prints numbers as Go does', () => {
    expect(toKubectlJson([1, 1.5, 1e21, 1e-7, -0])).toBe(
      '[\n    1,\n    1.5,\n    1e+21,\n    1e-7,\n    -0\n]\n',
    );
  });

  it('refuses NaN and infinities, as encoding/json does', () => {
    expect(() => toKubectlJson({ a: Number.NaN })).toThrow('json: unsupported value: NaN');
    expect(() => toKubectlYaml({ a: Number.POSITIVE_INFINITY })).toThrow('json: unsupported value: +Inf');
  });
});
