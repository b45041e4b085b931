import { describe, expect, it } from 'vitest';
import { makeNodeDir } from '../../helpers/cluster.ts';
import {
  claimVolume,
  emptyDirVolume,
  hostPathSource,
  hostPathVolume,
  localClassYaml,
  localSource,
  nfsSource,
  type PvOptions,
  podYaml,
  pvcYaml,
  pvYaml,
  statefulSetYaml,
  workloadYaml,
} from '../../helpers/manifests.ts';
import { eventsFrom } from '../../helpers/readers.ts';
import { SimDriver } from '../../helpers/sim-driver.ts';

const noClass = { storageClassName: '' };
/** A Retain NFS volume of no class. */
const nfsPv = (name: string, o: PvOptions = {}) =>
  pvYaml(name, { ...noClass, policy: 'Retain', source: nfsSource(`/exports/${name}`, 'nfs.example'), ...o });

interface Row {
  reason: string;
  /** Builds the situation; returns the name of the object the event is about. */
  setup: (sim: SimDriver) => string;
  /** `component: Type Reason: message`, or a pattern where names are generated. */
  event: string | RegExp;
}

const catalog: Row[] = [
  {
    reason: 'Normal FailedBinding (no storage class)',
    setup: (sim) => {
      sim.apply(pvcYaml('c', noClass));
      return 'c';
    },
    event:
      'persistentvolume-controller: Normal FailedBinding: no persistent volumes available for this claim and no storage class is set',
  },
  {
    reason: 'Warning FailedBinding (already bound)',
    setup: (sim) => {
      sim.apply(nfsPv('v'));
      sim.apply(pvcYaml('first', noClass));
      sim.apply(pvcYaml('second', { ...noClass, volumeName: 'v' }));
      return 'second';
    },
    event:
      'persistentvolume-controller: Warning FailedBinding: volume "v" already bound to a different claim.',
  },
  {
    reason: 'Warning VolumeMismatch',
    setup: (sim) => {
      sim.apply(nfsPv('tiny', { size: '100Mi' }));
      sim.apply(pvcYaml('c', { ...noClass, volumeName: 'tiny' }));
      return 'c';
    },
    event:
      'persistentvolume-controller: Warning VolumeMismatch: Cannot bind to requested volume "tiny": requested PV is too small',
  },
  {
    reason: 'Normal WaitForFirstConsumer',
    setup: (sim) => {
      sim.apply(pvcYaml('c'));
      return 'c';
    },
    event:
      'persistentvolume-controller: Normal WaitForFirstConsumer: waiting for first consumer to be created before binding',
  },
  {
    reason: 'Normal WaitForPodScheduled',
    setup: (sim) => {
      sim.apply(pvcYaml('c'));
      sim.apply(podYaml('user', claimVolume('c')));
      return 'c';
    },
    event: 'persistentvolume-controller: Normal WaitForPodScheduled: waiting for pod user to be scheduled',
  },
  {
    reason: 'Normal ExternalProvisioning',
    setup: (sim) => {
      sim.apply(pvcYaml('c'));
      sim.apply(podYaml('user', claimVolume('c')));
      return 'c';
    },
    event:
      "persistentvolume-controller: Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'disk.csi.volumelab.dev' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
  },
  {
    reason: 'Normal ProvisioningSucceeded',
    setup: (sim) => {
      sim.apply(pvcYaml('c'));
      sim.apply(podYaml('user', claimVolume('c')));
      return 'c';
    },
    event: /: Normal ProvisioningSucceeded: Successfully provisioned volume pvc-[0-9a-f-]{36}$/,
  },
  {
    reason: 'Warning ProvisioningFailed',
    setup: (sim) => {
      sim.apply(pvcYaml('c', { storageClassName: 'fast' }));
      return 'c';
    },
    event:
      'persistentvolume-controller: Warning ProvisioningFailed: storageclass.storage.k8s.io "fast" not found',
  },
  {
    reason: 'Warning ClaimLost',
    setup: (sim) => {
      sim.apply(nfsPv('v'));
      sim.apply(pvcYaml('c', noClass));
      sim.run('kubectl delete pv v --wait=false');
      sim.run(`kubectl patch pv v --type merge -p '{"metadata":{"finalizers":null}}'`);
      return 'c';
    },
    event:
      'persistentvolume-controller: Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!',
  },
  {
    reason: 'Warning ClaimMisbound',
    setup: (sim) => {
      sim.apply(nfsPv('v'));
      sim.apply(pvcYaml('c', noClass));
      sim.run(
        `kubectl patch pv v --type merge -p '{"spec":{"claimRef":{"uid":"00000000-0000-4000-8000-000000000000"}}}'`,
      );
      return 'c';
    },
    event:
      'persistentvolume-controller: Warning ClaimMisbound: Two claims are bound to the same volume, this one is bound incorrectly',
  },
  {
    reason: 'Warning VolumeFailedDelete',
    setup: (sim) => {
      sim.apply(pvYaml('v', { ...noClass, policy: 'Delete', source: hostPathSource('/data/v') }));
      sim.apply(pvcYaml('c', noClass));
      sim.run('kubectl delete pvc c');
      return 'v';
    },
    event:
      'persistentvolume-controller: Warning VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /data/v',
  },
  {
    reason: 'Normal VolumeRecycled',
    setup: (sim) => {
      sim.apply(nfsPv('v', { policy: 'Recycle' }));
      sim.apply(pvcYaml('c', noClass));
      sim.run('kubectl delete pvc c');
      return 'v';
    },
    event: 'persistentvolume-controller: Normal VolumeRecycled: Volume recycled',
  },
  {
    reason: 'Warning FailedScheduling',
    setup: (sim) => {
      sim.apply(podYaml('user', claimVolume('missing')));
      return 'user';
    },
    event:
      'default-scheduler: Warning FailedScheduling: 0/4 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
  },
  {
    reason: 'Normal Scheduled',
    setup: (sim) => {
      sim.apply(podYaml('user', { node: 'node-2' }));
      return 'user';
    },
    event: 'default-scheduler: Normal Scheduled: Successfully assigned default/user to node-2',
  },
  {
    reason: 'Warning FailedMount (hostPath type)',
    setup: (sim) => {
      sim.apply(podYaml('user', hostPathVolume('/srv/none', { type: 'Directory' })));
      return 'user';
    },
    event:
      /^kubelet: Warning FailedMount: MountVolume\.SetUp failed for volume "data" : hostPath type check failed: \/srv\/none is not a directory$|^kubelet: Warning FailedMount: MountVolume\.SetUp failed for volume "data" : hostPath \/srv\/none doesn't exist$/,
  },
  {
    reason: 'Warning FailedMount (node affinity)',
    setup: (sim) => {
      sim.apply(localClassYaml('local'));
      sim.apply(
        pvYaml('local-1', {
          storageClassName: 'local',
          policy: 'Retain',
          node: 'node-1',
          source: localSource('/mnt/disks/local-1'),
        }),
      );
      makeNodeDir(sim, 'node-1', '/mnt/disks/local-1');
      sim.apply(pvcYaml('c', { storageClassName: 'local', volumeName: 'local-1' }));
      sim.apply(podYaml('user', { ...claimVolume('c'), nodeName: 'node-2' }));
      return 'user';
    },
    event:
      'kubelet: Warning FailedMount: MountVolume.NodeAffinity check failed for volume "local-1" : no matching NodeSelectorTerms',
  },
  {
    reason: 'Warning FailedMount (timed out)',
    setup: (sim) => {
      sim.apply(pvcYaml('c'));
      sim.apply(podYaml('a', { ...claimVolume('c'), node: 'node-1' }));
      sim.apply(podYaml('b', { ...claimVolume('c'), node: 'node-2' }));
      sim.run('sim advance 2m');
      return 'b';
    },
    event:
      'kubelet: Warning FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data]: timed out waiting for the condition',
  },
  {
    reason: 'Warning FailedAttachVolume',
    setup: (sim) => {
      sim.apply(pvcYaml('c'));
      sim.apply(podYaml('a', { ...claimVolume('c'), node: 'node-1' }));
      sim.apply(podYaml('b', { ...claimVolume('c'), node: 'node-2' }));
      return 'b';
    },
    event:
      /^attachdetach-controller: Warning FailedAttachVolume: Multi-Attach error for volume "pvc-[0-9a-f-]{36}" Volume is already used by pod\(s\) a$/,
  },
  {
    reason: 'Warning Evicted',
    setup: (sim) => {
      sim.apply(podYaml('user', emptyDirVolume({ sizeLimit: '1Ki' })));
      sim.run(`kubectl exec user -- sh -c "echo ${'x'.repeat(2000)} > /data/big"`);
      return 'user';
    },
    event: 'kubelet: Warning Evicted: Usage of EmptyDir volume "data" exceeds the limit "1Ki". ',
  },
  {
    reason: 'Normal Killing',
    setup: (sim) => {
      sim.apply(podYaml('user'));
      sim.run('kubectl delete pod user');
      return 'user';
    },
    event: 'kubelet: Normal Killing: Stopping container app',
  },
  {
    reason: 'Normal SuccessfulCreate (ReplicaSet)',
    setup: (sim) => {
      sim.apply(workloadYaml('ReplicaSet', 'web', 1));
      return 'web';
    },
    event: /^replicaset-controller: Normal SuccessfulCreate: Created pod: web-[a-z0-9]{5}$/,
  },
  {
    reason: 'Normal SuccessfulCreate (StatefulSet claim)',
    setup: (sim) => {
      sim.apply(statefulSetYaml('db'));
      return 'db';
    },
    event:
      'statefulset-controller: Normal SuccessfulCreate: create Claim data-db-0 Pod db-0 in StatefulSet db success',
  },
  {
    reason: 'Warning FailedCreate (StatefulSet claim being deleted)',
    setup: (sim) => {
      sim.apply(statefulSetYaml('db'));
      sim.run('kubectl delete pvc data-db-0');
      sim.run('kubectl delete pod db-0');
      return 'db';
    },
    event:
      'statefulset-controller: Warning FailedCreate: create Pod db-0 in StatefulSet db failed error: pvc data-db-0 is being deleted',
  },
  {
    reason: 'Normal TaintManagerEviction',
    setup: (sim) => {
      sim.apply(podYaml('user', { node: 'node-3' }));
      sim.run('sim node fail node-3');
      sim.run('sim advance 5m');
      return 'user';
    },
    event: 'taint-eviction-controller: Normal TaintManagerEviction: Marking for deletion Pod default/user',
  },
];

describe('O7. The event catalog', () => {
  it.each(catalog)('O7: $reason', ({ setup, event }) => {
    const sim = new SimDriver();
    const about = setup(sim);
    const seen = eventsFrom(sim, about);
    if (typeof event === 'string') expect(seen).toContain(event);
    else
      expect(
        seen.some((e) => event.test(e)),
        seen.join('\n'),
      ).toBe(true);
  });
});
