import { runCommand, runScript } from './cluster.ts';
import { createCluster } from './default-cluster.ts';
import { deserializeCluster, serializeCluster } from './persistence.ts';
import { advance } from './reconcile.ts';
import { parseScript } from './script/parse-script.ts';

/**
 * The engine as one object, for code that loads it on demand: the browser draws a cluster with
 * `view.ts` alone and loads this (kubectl, controllers, kubelets, shell, YAML) when the learner
 * first acts.
 */
export const engine = {
  createCluster,
  runCommand,
  runScript,
  parseScript,
  advance,
  serializeCluster,
  deserializeCluster,
};
export type Engine = typeof engine;
