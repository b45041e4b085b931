import { addFinalizer, pvProtectionFinalizer } from '../../api/admission.ts';
import type { ApiServer } from '../../api/api-server.ts';
import { claimClass } from '../../api/storage-classes.ts';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types.ts';
import {
  annBetaStorageProvisioner,
  annBoundByController,
  annDynamicallyProvisioned,
  annSelectedNode,
  annStorageProvisioner,
  claimRefTo,
} from '../../api/volume-helpers.ts';
import { csiDrivers } from '../../storage/csi-drivers.ts';
import { setAnnotation } from './bind.ts';

export const externalProvisionerFinalizer = 'external-provisioner.volume.kubernetes.io/finalizer';

/** In-tree provisioner names whose volumes CSI migration hands to a CSI driver (csi-translation-lib). */
const csiMigratedProvisioners: Record<string, string> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
};
const controllerSource = { component: 'persistentvolume-controller' };

/**
 * provisionClaim for CSI drivers (external provisioning): the PV controller annotates the claim
 * for the driver and says it is waiting; the driver's external-provisioner sidecar (simulated
 * here for the drivers this cluster runs) creates the disk and a PV pre-bound to the claim, which
 * the PV controller then binds. A provisioner nobody runs leaves the claim Pending, as in a real
 * cluster.
 */
export function provisionClaim(api: ApiServer, pvc: PersistentVolumeClaim): void {
  const className = claimClass(pvc);
  const sc = api.get('StorageClass', className);
  if (!sc) {
    api.recordEvent(
      pvc,
      'Warning',
      'ProvisioningFailed',
      `storageclass.storage.k8s.io "${className}" not found`,
      controllerSource,
    );
    return;
  }
  // findProvisionablePlugin: a `kubernetes.io/` name is an in-tree plugin (none can provision in
  // this cluster: `kubernetes.io/no-provisioner` never can); in-tree names migrated to CSI are
  // handed to their CSI driver; any other name belongs to an external provisioner.
  const provisioner = csiMigratedProvisioners[sc.provisioner] ?? sc.provisioner;
  if (provisioner.startsWith('kubernetes.io/')) {
    const message = `no volume plugin matched name: ${provisioner}`;
    api.recordEvent(pvc, 'Warning', 'ProvisioningFailed', message, controllerSource);
    return;
  }
  setAnnotation(pvc, annStorageProvisioner, provisioner);
  setAnnotation(pvc, annBetaStorageProvisioner, provisioner);
  api.recordEvent(
    pvc,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    controllerSource,
  );
  const driver = csiDrivers[provisioner];
  if (!driver) return;
  const pvName = `pvc-${pvc.metadata.uid}`;
  if (api.get('PersistentVolume', pvName)) return;
  const sidecar = { component: `${driver.name}_csi-provisioner` };
  const claimName = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
  api.recordEvent(
    pvc,
    'Normal',
    'Provisioning',
    `External provisioner is provisioning volume for claim "${claimName}"`,
    sidecar,
  );
  if (pvc.spec.selector) {
    const message = `failed to provision volume with StorageClass "${className}": claim Selector is not supported`;
    api.recordEvent(pvc, 'Warning', 'ProvisioningFailed', message, sidecar);
    return;
  }
  const unsupported = (pvc.spec.accessModes ?? []).filter((mode) => !driver.supportedModes.includes(mode));
  if (unsupported.length > 0) {
    const message = `failed to provision volume with StorageClass "${className}": rpc error: code = InvalidArgument desc = access mode ${unsupported[0]} is not supported by ${driver.name}`;
    api.recordEvent(pvc, 'Warning', 'ProvisioningFailed', message, sidecar);
    return;
  }
  const handle =
    driver.name === 'nfs.csi.k8s.io'
      ? `nfs-server.storage.svc.cluster.local#share#${pvName}`
      : `vol-${api.suffix(8)}`;
  const pv: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: pvName,
      uid: '',
      creationTimestamp: '',
      annotations: {
        [annDynamicallyProvisioned]: driver.name,
        'volume.kubernetes.io/provisioner-deletion-secret-name': '',
        'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
      },
      finalizers: [externalProvisionerFinalizer],
    },
    spec: {
      accessModes: [...(pvc.spec.accessModes ?? [])],
      capacity: { storage: pvc.spec.resources?.requests?.storage ?? '1Gi' },
      claimRef: claimRefTo(pvc),
      csi: { driver: driver.name, volumeHandle: handle, fsType: driver.attachable ? 'ext4' : undefined },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: className,
      volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
    },
    status: { phase: 'Pending' },
  };
  if (!driver.attachable) delete pv.spec.csi?.fsType;
  // A driver that publishes capacity per node is topology-aware: the volume it creates for a
  // WaitForFirstConsumer claim lives where the scheduler chose, and says so in its node affinity.
  const selectedNode = pvc.metadata.annotations?.[annSelectedNode];
  if (driver.storageCapacity && selectedNode) {
    pv.spec.nodeAffinity = {
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [selectedNode] }] },
        ],
      },
    };
  }
  setAnnotation(pv, annBoundByController, 'yes');
  addFinalizer(pv, pvProtectionFinalizer);
  api.create(pv);
  api.state.disks.network[`csi:${driver.name}/${handle}`] = { '/': { type: 'dir' } };
  api.recordEvent(
    pvc,
    'Normal',
    'ProvisioningSucceeded',
    `Successfully provisioned volume ${pvName}`,
    sidecar,
  );
}
