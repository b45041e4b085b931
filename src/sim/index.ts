/**
 * The simulator's one public surface. Everything the UI, the lessons and the runner need goes
 * through here; the engine imports nothing from them. The read-only part (`view.ts`) is also
 * importable alone, for code that must not pull in the engine.
 */

export { type RunOptions, type RunResult, runCommand, runScript, type ScriptStep } from './cluster.ts';
export { type ClusterOptions, createCluster } from './default-cluster.ts';
export { deserializeCluster, serializeCluster } from './persistence.ts';
export { advance, reconcile } from './reconcile.ts';
export { parseCommandLine, parseScript, type ScriptCommand } from './script/parse-script.ts';
export * from './view.ts';
