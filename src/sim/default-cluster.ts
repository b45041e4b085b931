import { produce } from 'immer';
import { admitOnCreate } from './api/admission.ts';
import { ApiServer } from './api/api-server.ts';
import { defaultClassAnnotation } from './api/storage-classes.ts';
import type { StorageClass } from './api/types.ts';
import { reconcile } from './reconcile.ts';
import { type ClusterState, emptyObjects } from './state.ts';
import { diskDriver } from './storage/csi-drivers.ts';

export interface ClusterOptions {
  /** Worker nodes `node-1`…`node-N` (default 3). */
  nodes?: number;
  /** Leave out the default StorageClass `standard`. */
  noStorageClass?: boolean;
  /** Seed of the generator behind names and UIDs (default 1). */
  seed?: number;
}

/** Simulated time starts here, so transcripts are the same on every run. */
export const clusterEpoch = Date.parse('2026-01-05T09:00:00Z');

/**
 * The default cluster of the command language: a control-plane node (tainted NoSchedule), worker
 * nodes node-1…node-N, and the default StorageClass `standard` (network block disks, Delete,
 * WaitForFirstConsumer).
 */
export function createCluster(options: ClusterOptions = {}): ClusterState {
  const workers = Math.max(0, Math.min(options.nodes ?? 3, 50));
  const empty: ClusterState = {
    now: clusterEpoch,
    rng: options.seed ?? 1,
    resourceVersion: 1000,
    objects: emptyObjects(),
    disks: { nodes: {}, layers: {}, memory: {}, network: {} },
    kubelet: {},
    machines: {},
    steer: {},
    commandSeq: 0,
    eventSeen: {},
  };
  const names = ['control-plane', ...Array.from({ length: workers }, (_, i) => `node-${i + 1}`)];
  const seeded = produce(empty, (draft) => {
    names.forEach((name, index) => {
      draft.machines[name] = { up: true, registered: true, index };
      draft.disks.nodes[name] = { '/': { type: 'dir' } };
    });
    if (!options.noStorageClass) {
      const api = new ApiServer(draft);
      const standard: StorageClass = {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: {
          name: 'standard',
          uid: '',
          creationTimestamp: '',
          annotations: { [defaultClassAnnotation]: 'true' },
        },
        provisioner: diskDriver.name,
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowVolumeExpansion: true,
      };
      admitOnCreate(api, standard);
      api.create(standard);
    }
  });
  return reconcile(seeded);
}
