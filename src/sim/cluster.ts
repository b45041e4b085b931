import { changesBetween, noChanges } from './changes.ts';
import { createCluster } from './default-cluster.ts';
import { failed, ok } from './kubectl/command.ts';
import { kubectl } from './kubectl/kubectl.ts';
import type { ChangeSet, MoveRecord, Outcome, RunOptions, RunResult } from './run-result.ts';
import { mutate } from './run-result.ts';
import { parseScript, type ScriptCommand } from './script/parse-script.ts';
import { runSim } from './sim-verbs/sim.ts';
import type { ClusterState } from './state.ts';

export type { ChangeSet, MoveRecord, ObjectRef, RunOptions, RunResult } from './run-result.ts';

/**
 * Runs one command against a cluster state and returns the new state, what the command printed,
 * and what it changed. A refused command returns the very same state (and no changes). Nothing a
 * user types makes it throw.
 */
export function runCommand(
  state: ClusterState,
  argv: string[],
  stdin?: string,
  options: RunOptions = {},
): RunResult {
  let outcome: Outcome;
  try {
    outcome = dispatch(state, argv, stdin, options);
  } catch (error) {
    return {
      state,
      result: failed(`error: internal simulator error: ${(error as Error).message}`),
      changes: noChanges(),
    };
  }
  return { ...outcome, changes: changesBetween(state, outcome.state) };
}

function dispatch(
  state: ClusterState,
  argv: string[],
  stdin: string | undefined,
  options: RunOptions,
): Outcome {
  const [program, ...args] = argv;
  if (program === undefined) return { state, result: ok('') };
  if (program === 'sim') return runSim(state, args, stdin);
  if (program !== 'kubectl') return { state, result: failed(`sh: ${program}: not found`, 127) };
  return mutate(state, (ctx) => kubectl(ctx, options.readFile), args, stdin);
}

export interface ScriptStep {
  command: ScriptCommand;
  result: RunResult['result'];
  changes: ChangeSet;
  move?: MoveRecord;
}

/** Runs a whole script; a command that cannot be parsed reports its error and changes nothing. */
export function runScript(
  state: ClusterState,
  text: string,
  options: RunOptions = {},
): { state: ClusterState; steps: ScriptStep[] } {
  const steps: ScriptStep[] = [];
  let current = state;
  for (const command of parseScript(text)) {
    if (command.error) {
      steps.push({ command, result: failed(command.error), changes: noChanges() });
      continue;
    }
    const { state: next, ...run } = runCommand(current, command.argv, command.stdin, options);
    current = next;
    steps.push({ command, ...run });
  }
  return { state: current, steps };
}

export { createCluster };
