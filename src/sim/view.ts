/**
 * The simulator's read-only surface: what the diagram and inspector need to draw a cluster state
 * (statuses, files and where they live) and what goal checks read (objects by key, label
 * selectors, files as a container sees them). Small on purpose: a page draws the diagram with only this
 * and loads the engine (`engine.ts`: kubectl, controllers, shell, YAML) when the learner acts.
 */

export { objectKey } from './api/object-keys.ts';
export type {
  ClusterNode,
  KubeEvent,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from './api/types.ts';
export { accessModesString, annDynamicallyProvisioned } from './api/volume-helpers.ts';
export {
  type ContainerView,
  type FileInfo,
  type MountView,
  networkDiskFiles,
  nodeDiskFiles,
  podFileView,
  readContainerFile,
  type StorageLocation,
} from './data-view.ts';
export type { CommandResult } from './kubectl/command.ts';
export { nodeStatus } from './kubectl/printers/node-columns.ts';
export { podReady, podStatus } from './kubectl/printers/pod-columns.ts';
export { matchesRequirements, parseSelector } from './lib/label-selector.ts';
export { type LostData, type MoveConsequence, moveConsequence } from './move-consequence.ts';
export type { ChangeSet, MoveRecord, ObjectRef } from './run-result.ts';
export type { ClusterState } from './state.ts';
export { networkDiskKey } from './storage/csi-drivers.ts';
