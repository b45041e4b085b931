import { failed, ok } from '../kubectl/command.ts';
import { asksForHelp, simUsage } from '../kubectl/help.ts';
import { mutate, type Outcome } from '../run-result.ts';
import type { ClusterState } from '../state.ts';
import { moveCommand } from './move.ts';
import { simCrashCommand, simNodeCommand } from './node-and-crash.ts';
import { advanceCommand, resetCommand } from './reset-and-advance.ts';

/** The `sim` program: what a real cluster does by itself, and what a learner does on the diagram. */
export function runSim(state: ClusterState, args: string[], stdin: string | undefined): Outcome {
  const [verb, ...rest] = args;
  // `sim VERB --help` answers with the verbs' usage, as kubectl does for its own.
  if (asksForHelp(rest)) return { state, result: ok(simUsage) };
  switch (verb) {
    case 'reset':
      return resetCommand(state, rest);
    case 'node':
      return mutate(state, simNodeCommand, rest, stdin);
    case 'crash':
      return mutate(state, simCrashCommand, rest, stdin);
    case 'move':
      return moveCommand(state, rest);
    case 'advance':
      return advanceCommand(state, rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { state, result: ok(simUsage) };
    default:
      return {
        state,
        result: failed(
          `error: unknown command "${verb}" for "sim"\nAvailable: sim reset, sim node, sim crash, sim move, sim advance, sim help`,
        ),
      };
  }
}
