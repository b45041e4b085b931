import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTranscript } from '../../../src/sim/cli/transcript.ts';
import { createCluster, runScript } from '../../../src/sim/cluster.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** One example script per lesson topic, with lines its transcript must contain. */
const examples: Record<string, Array<string | RegExp>> = {
  emptydir: [
    '$ kubectl exec scratch -- cat /cache/note.txt\nhello\n',
    "cat: can't open '/cache/note.txt': No such file or directory\ncommand terminated with exit code 1\n",
  ],
  hostpath: [
    'pod/logger created with node selector kubernetes.io/hostname=node-2\n',
    '$ kubectl exec logger -- ls /logs\n$ sim move logger --to node-1\n',
    '$ kubectl exec logger -- cat /logs/app.log\nfrom-node-1\n',
    /strict {3}0\/1 {5}ContainerCreating {3}0 /,
    'MountVolume.SetUp failed for volume "conf" : hostPath type check failed: /etc/demo-conf is not a directory',
  ],
  'pv-pvc': [
    /pv-10g {3}10Gi {7}RWO {12}Retain {11}Available/,
    /persistentvolumeclaim\/data {3}Bound {4}pv-10g {3}10Gi/,
    '$ kubectl exec writer -- cat /data/file.txt\npersistent\n',
    'Used By:       writer\n',
  ],
  'storage-classes': [
    /standard \(default\) {3}disk\.csi\.volumelab\.dev {3}Delete {10}WaitForFirstConsumer/,
    /dynamic {3}Pending {5}\s+standard/,
    /dynamic {3}Bound {4}pvc-[0-9a-f-]{36} {3}2Gi/,
    /kept {3}Bound {4}pvc-[0-9a-f-]{36} {3}1Gi {8}RWO {12}keep/,
  ],
  'access-modes': [
    /second {3}0\/1 {5}ContainerCreating/,
    'Multi-Attach error for volume "pvc-',
    /solo-b {3}0\/1 {5}Pending/,
    /solo {3}Bound .* RWOP /,
  ],
  'reclaim-policies': [
    '$ kubectl get pv\nNo resources found\n',
    /archive {3}1Gi {8}RWO {12}Retain {11}Released {3}default\/records/,
    /records {3}Pending/,
    /records {3}Bound {4}archive/,
  ],
  statefulsets: [
    /data-db-0 {3}Bound/,
    /data-db-1 {3}Bound/,
    '$ kubectl exec db-0 -- cat /var/lib/db/table\nrow-1\n',
    'Replicas:           1 desired | 1 total\n',
  ],
  'node-failures': [
    /node-1 {10}NotReady/,
    /db-0 {19}1\/1 {5}Terminating/,
    /web-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running {7}0 {10}0s {4}[\d.]+ {3}node-[23]/,
    'Marking for deletion Pod default/db-0',
  ],
};

describe('example scripts, one per lesson topic', () => {
  it.each(Object.keys(examples))('%s runs through the runner without an internal error', (topic) => {
    const text = readFileSync(join(here, `${topic}.script`), 'utf8');
    const { steps } = runScript(createCluster(), text);
    const transcript = formatTranscript(steps);
    expect(transcript).not.toContain('internal simulator error');
    for (const step of steps) expect(step.command.error, step.command.source).toBeUndefined();
    for (const line of examples[topic] ?? []) {
      if (typeof line === 'string') expect(transcript).toContain(line);
      else expect(transcript).toMatch(line);
    }
  });
});
