import { type ClusterState, type Pod, podFileView, podReady, podStatus } from '../../sim/view.ts';
import type { MountSummary, PodData } from './diagram-types.ts';

function tone(pod: Pod, status: string): PodData['tone'] {
  if (pod.metadata.deletionTimestamp || status === 'Terminating') return 'terminating';
  if (
    status === 'Running' &&
    podReady(pod)
      .split('/')
      .every((n, _, all) => n === all[1])
  )
    return 'ok';
  if (/^(Pending|ContainerCreating|PodInitializing|Running|SchedulingGated|Completed)$/.test(status))
    return 'waiting';
  return 'failed';
}

function mountSummaries(
  cluster: ClusterState,
  pod: Pod,
): { mounts: MountSummary[]; layerFileNames: string[] } {
  const namespace = pod.metadata.namespace ?? 'default';
  const view = pod.spec.nodeName ? podFileView(cluster, namespace, pod.metadata.name) : [];
  const files = new Map<string, string[]>();
  const layerFileNames: string[] = [];
  for (const container of view) {
    layerFileNames.push(...container.layerFiles.map((f) => f.path));
    for (const mount of container.mounts)
      if (!files.has(mount.volume))
        files.set(
          mount.volume,
          mount.files.map((f) => f.path),
        );
  }
  const mountPaths = new Map<string, string>();
  for (const container of pod.spec.containers)
    for (const mount of container.volumeMounts ?? [])
      if (!mountPaths.has(mount.name)) mountPaths.set(mount.name, mount.mountPath);
  const mounts = (pod.spec.volumes ?? []).map((volume): MountSummary => {
    let type: MountSummary['type'] = 'other';
    let source = '';
    if (volume.emptyDir) type = volume.emptyDir.medium === 'Memory' ? 'memory' : 'emptyDir';
    else if (volume.hostPath) {
      type = 'hostPath';
      source = volume.hostPath.path;
    } else if (volume.persistentVolumeClaim) {
      type = 'claim';
      source = volume.persistentVolumeClaim.claimName;
    } else if (volume.gcePersistentDisk || volume.awsElasticBlockStore) {
      type = 'disk';
      source = volume.gcePersistentDisk?.pdName ?? volume.awsElasticBlockStore?.volumeID ?? '';
    }
    return {
      volume: volume.name,
      type,
      source,
      mountPath: mountPaths.get(volume.name) ?? '',
      files: files.get(volume.name)?.length ?? 0,
      fileNames: files.get(volume.name) ?? [],
    };
  });
  return { mounts, layerFileNames };
}

export function podData(cluster: ClusterState, pod: Pod): PodData {
  const status = podStatus(pod);
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  const { mounts, layerFileNames } = mountSummaries(cluster, pod);
  const restarts = (pod.status.containerStatuses ?? []).reduce((sum, s) => sum + s.restartCount, 0);
  const scheduled = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
  return {
    kind: 'pod',
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    node: pod.spec.nodeName ?? '',
    status,
    tone: tone(pod, status),
    ready: podReady(pod),
    restarts,
    containers: pod.spec.containers.map((c) => c.name),
    mounts,
    layerFiles: layerFileNames.length,
    layerFileNames,
    ...(owner ? { owner: `${owner.kind}/${owner.name}` } : {}),
    ...(!pod.spec.nodeName && scheduled?.status === 'False' && scheduled.message
      ? { pendingReason: scheduled.message }
      : {}),
  };
}
