import type { PersistentVolume, Volume } from '../../api/types.ts';

/** A pod volume's source, as describe prints it under `Volumes:`. */
export function describePodVolume(volume: Volume): string[] {
  const lines = [`  ${volume.name}:`];
  if (volume.emptyDir) {
    lines.push(
      "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
      `    Medium:\t${volume.emptyDir.medium ?? ''}`,
      `    SizeLimit:\t${volume.emptyDir.sizeLimit ?? '<unset>'}`,
    );
  } else if (volume.hostPath) {
    lines.push(
      '    Type:\tHostPath (bare host directory volume)',
      `    Path:\t${volume.hostPath.path}`,
      `    HostPathType:\t${volume.hostPath.type ?? ''}`,
    );
  } else if (volume.gcePersistentDisk) {
    // describe.go printGCEPersistentDiskVolumeSource / printAWSElasticBlockStoreVolumeSource.
    const gce = volume.gcePersistentDisk;
    lines.push(
      '    Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
      `    PDName:\t${gce.pdName}`,
      `    FSType:\t${gce.fsType ?? ''}`,
      `    Partition:\t${gce.partition ?? 0}`,
      `    ReadOnly:\t${gce.readOnly ?? false}`,
    );
  } else if (volume.awsElasticBlockStore) {
    const ebs = volume.awsElasticBlockStore;
    lines.push(
      '    Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)',
      `    VolumeID:\t${ebs.volumeID}`,
      `    FSType:\t${ebs.fsType ?? ''}`,
      `    Partition:\t${ebs.partition ?? 0}`,
      `    ReadOnly:\t${ebs.readOnly ?? false}`,
    );
  } else if (volume.persistentVolumeClaim) {
    lines.push(
      '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      `    ClaimName:\t${volume.persistentVolumeClaim.claimName}`,
      `    ReadOnly:\t${volume.persistentVolumeClaim.readOnly ?? false}`,
    );
  } else {
    lines.push('    Type:\t<unknown>');
  }
  return lines;
}

/** A PersistentVolume's source, under `Source:`. */
export function describeVolumeSource(pv: PersistentVolume): string[] {
  const spec = pv.spec;
  if (spec.csi) {
    return [
      '    Type:\tCSI (a Container Storage Interface (CSI) volume source)',
      `    Driver:\t${spec.csi.driver}`,
      `    FSType:\t${spec.csi.fsType ?? ''}`,
      `    VolumeHandle:\t${spec.csi.volumeHandle}`,
      `    ReadOnly:\t${spec.csi.readOnly ?? false}`,
      '    VolumeAttributes:\t<none>',
    ];
  }
  if (spec.hostPath) {
    return [
      '    Type:\tHostPath (bare host directory volume)',
      `    Path:\t${spec.hostPath.path}`,
      `    HostPathType:\t${spec.hostPath.type ?? ''}`,
    ];
  }
  if (spec.local)
    return [
      '    Type:\tLocalVolume (a persistent volume backed by local storage on a node)',
      `    Path:\t${spec.local.path}`,
    ];
  if (spec.nfs) {
    return [
      '    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)',
      `    Server:\t${spec.nfs.server}`,
      `    Path:\t${spec.nfs.path}`,
      `    ReadOnly:\t${spec.nfs.readOnly ?? false}`,
    ];
  }
  return ['    Type:\t<unknown>'];
}
