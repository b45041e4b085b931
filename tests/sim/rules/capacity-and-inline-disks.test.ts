import { describe, expect, it } from 'vitest';
import type { Pod, Volume } from '../../../src/sim/api/types.ts';
import { locateVolume } from '../../../src/sim/node/volume-locations.ts';
import { podYaml, volume } from '../../helpers/manifests.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

/**
 * The API objects behind spec rules L2 (CSIStorageCapacity) and L4 (inline legacy disks): how
 * kubectl shows them and how the API server checks them. The scheduling rules themselves are in
 * scheduler.test.ts.
 */

const capacity = (name: string, extra = '') => `apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacity
metadata:
  name: ${name}
storageClassName: pool
${extra}`;

const diskPod = (name: string, source: string) =>
  podYaml(name, { ...volume('disk', source, '/data'), node: 'node-1' });

function diskVolume(sim: SimDriver, pod: string): { pod: Pod; volume: Volume } {
  const found = sim.pod(pod);
  const volume = found?.spec.volumes?.[0];
  if (!found || !volume) throw new Error(`no pod ${pod} with a volume`);
  return { pod: found, volume };
}

describe('CSIStorageCapacity objects (storage.k8s.io/v1, namespaced)', () => {
  it('kubectl get prints NAME, STORAGECLASSNAME and CAPACITY, <unset> when no capacity is reported', () => {
    const sim = new SimDriver();
    const created = sim.apply(`${capacity('a', 'capacity: 10Gi\n')}---\n${capacity('b')}`);
    expect(created.stdout).toBe(
      'csistoragecapacity.storage.k8s.io/a created\ncsistoragecapacity.storage.k8s.io/b created\n',
    );
    // printers.go printCSIStorageCapacity: three columns, no AGE.
    expect(sim.run('kubectl get csistoragecapacities').stdout).toBe(
      'NAME   STORAGECLASSNAME   CAPACITY\na      pool               10Gi\nb      pool               <unset>\n',
    );
    expect(sim.state.objects.CSIStorageCapacity['default/a']?.metadata.namespace).toBe('default');
    expect(sim.run('kubectl delete csistoragecapacity.storage.k8s.io b').stdout).toBe(
      'csistoragecapacity.storage.k8s.io "b" deleted\n',
    );
  });

  it('strict decoding refuses unknown fields and bad quantities', () => {
    const sim = new SimDriver();
    const unknown = sim.apply(capacity('a', 'spec: {}\n'));
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('unknown field "spec"');
    const badSize = sim.apply(capacity('a', 'capacity: lots\n'));
    expect(badSize.exitCode).toBe(1);
    expect(sim.state.objects.CSIStorageCapacity).toEqual({});
  });
});

describe('inline gcePersistentDisk and awsElasticBlockStore volumes', () => {
  it('the API server requires the disk name, checks the partition and allows one source per volume', () => {
    const sim = new SimDriver();
    // validation.go reports a GCE disk under `persistentDisk`, and words the partition range 1–255
    // though it accepts 0.
    expect(
      sim.apply(diskPod('web', '    gcePersistentDisk:\n      pdName: ""\n      partition: 256')).stderr,
    ).toBe(
      'The Pod "web" is invalid: \n* spec.volumes[0].persistentDisk.pdName: Required value\n* spec.volumes[0].persistentDisk.partition: Invalid value: 256: must be between 1 and 255, inclusive\n',
    );
    expect(sim.apply(diskPod('web', '    awsElasticBlockStore:\n      volumeID: ""')).stderr).toBe(
      'The Pod "web" is invalid: spec.volumes[0].awsElasticBlockStore.volumeID: Required value\n',
    );
    expect(
      sim.apply(diskPod('web', '    emptyDir: {}\n    awsElasticBlockStore:\n      volumeID: ""')).stderr,
    ).toBe(
      'The Pod "web" is invalid: spec.volumes[0].awsElasticBlockStore: Forbidden: may not specify more than 1 volume type\n',
    );
    expect(
      sim.apply(diskPod('web', '    gcePersistentDisk:\n      pdName: d\n      partition: 0')).exitCode,
    ).toBe(0);
  });

  it('kubectl describe pod prints the disk as describe.go does', () => {
    const sim = new SimDriver();
    sim.apply(diskPod('gce', '    gcePersistentDisk:\n      pdName: data-disk\n      fsType: ext4'));
    sim.apply(
      diskPod(
        'ebs',
        '    awsElasticBlockStore:\n      volumeID: vol-0abc\n      partition: 1\n      readOnly: true',
      ),
    );
    const volumes = (pod: string) => {
      const text = sim.run(`kubectl describe pod ${pod}`).stdout;
      return text.slice(text.indexOf('Volumes:'), text.indexOf('QoS Class:'));
    };
    expect(volumes('gce')).toBe(
      [
        'Volumes:',
        '  disk:',
        '    Type:        GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
        '    PDName:      data-disk',
        '    FSType:      ext4',
        '    Partition:   0',
        '    ReadOnly:    false',
        '',
      ].join('\n'),
    );
    expect(volumes('ebs')).toBe(
      [
        'Volumes:',
        '  disk:',
        '    Type:        AWSElasticBlockStore (a Persistent Disk resource in AWS)',
        '    VolumeID:    vol-0abc',
        '    FSType:      ',
        '    Partition:   1',
        '    ReadOnly:    true',
        '',
      ].join('\n'),
    );
  });

  it('the data lives on a network disk named after the cloud disk, read-only when the volume says so', () => {
    const sim = new SimDriver();
    sim.apply(diskPod('gce', '    gcePersistentDisk:\n      pdName: data-disk'));
    sim.apply(diskPod('ebs', '    awsElasticBlockStore:\n      volumeID: vol-0abc\n      readOnly: true'));
    const gce = diskVolume(sim, 'gce');
    expect(locateVolume(sim.state, gce.pod, gce.volume)).toMatchObject({
      disk: { store: 'network', key: 'gce-pd:data-disk', base: '/' },
      readOnly: false,
      filesystem: '/dev/sdb',
    });
    const ebs = diskVolume(sim, 'ebs');
    expect(locateVolume(sim.state, ebs.pod, ebs.volume)).toMatchObject({
      disk: { store: 'network', key: 'aws-ebs:vol-0abc', base: '/' },
      readOnly: true,
    });
  });

  it('files written to an inline disk outlive the pod; a read-only mount can read but not write them', () => {
    const sim = new SimDriver();
    sim.apply(diskPod('writer', '    gcePersistentDisk:\n      pdName: data-disk'));
    sim.sh('writer', 'echo kept > /data/note.txt');
    sim.run('kubectl delete pod writer');
    expect(sim.state.disks.network['gce-pd:data-disk']?.['/note.txt']).toEqual({
      type: 'file',
      content: 'kept\n',
    });
    sim.apply(diskPod('reader', '    gcePersistentDisk:\n      pdName: data-disk\n      readOnly: true'));
    expect(sim.run('kubectl exec reader -- cat /data/note.txt').stdout).toBe('kept\n');
    const refused = sim.run('kubectl exec reader -- sh -c "echo x > /data/other.txt"');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain('Read-only file system');
  });
});
