import { checkGoal, type Goal } from '../../scenarios/goal.ts';
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

/**
 * Replays a challenge: from its setup the goal must not hold yet (or the task would be done before
 * it starts), and after its solution, every command of which must succeed, it must hold.
 */
export function checkSolution(
  scenario: { setup: string; goal?: Goal; solution?: string },
  file: string,
): void {
  if (!scenario.goal || scenario.solution === undefined) return;
  const start = scenarioInitialState(scenario.setup, file);
  if (checkGoal(start, scenario.goal).met)
    throw new ContentError(file, 'the goal already holds right after the setup');
  const { state, steps } = engine.runScript(start, scenario.solution);
  const failed = steps.find((step) => step.result.exitCode !== 0);
  if (failed) {
    const output = (failed.result.stderr || failed.result.stdout).trim().split('\n')[0];
    throw new ContentError(
      file,
      `solution command "${failed.command.source.split('\n')[0]}" failed: ${output}`,
    );
  }
  const { results } = checkGoal(state, scenario.goal);
  const missed = results.findIndex((r) => !r.ok);
  if (missed >= 0)
    throw new ContentError(
      file,
      `after the solution, goal check ${missed + 1} does not hold: ${JSON.stringify(results[missed]?.check)}`,
    );
}
