import { engine } from '../../sim/engine.ts';
import type { ClusterState } from '../../sim/view.ts';
import { ContentError } from './content-error.ts';

/**
 * Runs a scenario's setup at build time, so the browser receives the ready cluster (a few KB of
 * JSON) instead of running the engine before it can draw. A setup command that fails is a content
 * error: a scenario must start from the cluster its author meant.
 */
export function scenarioInitialState(setup: string, file: string): ClusterState {
  const { state, steps } = engine.runScript(engine.createCluster(), setup);
  const failed = steps.find((step) => step.result.exitCode !== 0);
  if (failed) {
    const output = (failed.result.stderr || failed.result.stdout).trim().split('\n')[0];
    throw new ContentError(file, `setup command "${failed.command.source.split('\n')[0]}" failed: ${output}`);
  }
  return state;
}

/** The default cluster of the command language, for the sandbox. */
export const defaultClusterState = (): ClusterState => engine.createCluster();
