/**
 * The simulator's one public surface. Everything the UI, the lessons and the runner need goes
 * through here; the engine imports nothing from them.
 */
export type { KubeObject, Pod, PersistentVolume, PersistentVolumeClaim, ClusterNode, StorageClass } from './api/types.ts';
export { createCluster, type ClusterOptions } from './default-cluster.ts';
export { runCommand, runScript, type RunOptions, type RunResult, type ScriptStep } from './cluster.ts';
export type { CommandResult } from './kubectl/command.ts';
export { parseScript, parseCommandLine, type ScriptCommand } from './script/parse-script.ts';
export { advance, reconcile } from './reconcile.ts';
export { serializeCluster, deserializeCluster } from './persistence.ts';
export { podFileView, nodeDiskFiles, networkDiskFiles, type ContainerView, type MountView, type StorageLocation, type FileInfo } from './data-view.ts';
export { podStatus } from './kubectl/printers/pod-columns.ts';
export type { ClusterState } from './state.ts';
