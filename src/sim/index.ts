/**
 * The simulator's one public surface. Everything the UI, the lessons and the runner need goes
 * through here; the engine imports nothing from them.
 */
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
export { type RunOptions, type RunResult, runCommand, runScript, type ScriptStep } from './cluster.ts';
export {
  type ContainerView,
  type FileInfo,
  type MountView,
  networkDiskFiles,
  nodeDiskFiles,
  podFileView,
  type StorageLocation,
} from './data-view.ts';
export { type ClusterOptions, createCluster } from './default-cluster.ts';
export type { CommandResult } from './kubectl/command.ts';
export { podReady, podStatus } from './kubectl/printers/pod-columns.ts';
export { nodeStatus } from './kubectl/printers/tables.ts';
export { deserializeCluster, serializeCluster } from './persistence.ts';
export { advance, reconcile } from './reconcile.ts';
export { parseCommandLine, parseScript, type ScriptCommand } from './script/parse-script.ts';
export type { ClusterState } from './state.ts';
export { networkDiskKey } from './storage/csi-drivers.ts';
