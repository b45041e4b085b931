import { produce } from 'immer';
import { ApiServer } from './api/api-server.ts';
import { type ClusterOptions, createCluster } from './default-cluster.ts';
import { type CommandContext, type CommandResult, failed, ok, Refusal } from './kubectl/command.ts';
import type { FileReader } from './kubectl/commands/apply.ts';
import { simCrashCommand, simNodeCommand } from './kubectl/commands/sim-commands.ts';
import { kubectl } from './kubectl/kubectl.ts';
import { parseDuration } from './lib/duration.ts';
import { advance, reconcile } from './reconcile.ts';
import { parseScript, type ScriptCommand } from './script/parse-script.ts';
import { moveCommand } from './sim-move.ts';
import type { ClusterState } from './state.ts';

export interface RunOptions {
  /** Reads files named by `kubectl apply -f FILE` (the headless runner); absent in the browser. */
  readFile?: FileReader;
}

export interface RunResult {
  state: ClusterState;
  result: CommandResult;
}

/**
 * Runs one command against a cluster state and returns the new state with what the command
 * printed. A refused command returns the very same state. Nothing a user types makes it throw.
 */
export function runCommand(
  state: ClusterState,
  argv: string[],
  stdin?: string,
  options: RunOptions = {},
): RunResult {
  try {
    const [program, ...args] = argv;
    if (program === undefined) return { state, result: ok('') };
    if (program === 'sim') return runSim(state, args, stdin, options);
    if (program !== 'kubectl') return { state, result: failed(`sh: ${program}: not found`, 127) };
    return mutate(state, (ctx) => kubectl(ctx, options.readFile), args, stdin);
  } catch (error) {
    return { state, result: failed(`error: internal simulator error: ${(error as Error).message}`) };
  }
}

/** Applies a handler to a draft; keeps the changes (and reconciles) unless it refused. */
export function mutate(
  state: ClusterState,
  handler: (ctx: CommandContext) => CommandResult,
  args: string[],
  stdin?: string,
): RunResult {
  let result: CommandResult = ok('');
  try {
    const next = produce(state, (draft) => {
      draft.commandSeq += 1;
      result = handler({ api: new ApiServer(draft), args, ...(stdin !== undefined ? { stdin } : {}) });
    });
    // A command that changed nothing but the command counter (get, describe, a no-op) leaves the
    // cluster exactly as it was: reading must not make controllers repeat their events.
    const changed = (Object.keys(next) as Array<keyof ClusterState>).some(
      (key) => key !== 'commandSeq' && next[key] !== state[key],
    );
    return { state: changed ? reconcile(next) : state, result };
  } catch (error) {
    if (error instanceof Refusal) return { state, result: error.result };
    throw error;
  }
}

function runSim(
  state: ClusterState,
  args: string[],
  stdin: string | undefined,
  options: RunOptions,
): RunResult {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'reset':
      return reset(state, rest);
    case 'node':
      return mutate(state, simNodeCommand, rest, stdin);
    case 'crash':
      return mutate(state, simCrashCommand, rest, stdin);
    case 'move':
      return moveCommand(state, rest, options);
    case 'advance': {
      const ms = parseDuration(rest[0] ?? '');
      if (!rest[0] || ms === undefined) {
        return {
          state,
          result: failed(`error: invalid duration "${rest[0] ?? ''}": use a duration like 30s, 5m or 1h`),
        };
      }
      const next = advance(state, ms);
      return {
        state: next,
        result: ok(
          `time advanced by ${rest[0]} (now ${new Date(next.now).toISOString().replace('.000Z', 'Z')})\n`,
        ),
      };
    }
    default:
      return {
        state,
        result: failed(
          `error: unknown command "${verb ?? ''}" for "sim"\nAvailable: sim reset, sim node, sim crash, sim move, sim advance`,
        ),
      };
  }
}

function reset(state: ClusterState, args: string[]): RunResult {
  const options: ClusterOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--no-storageclass') options.noStorageClass = true;
    else if (arg === '--nodes' || arg.startsWith('--nodes=')) {
      const value = arg === '--nodes' ? args[++i] : arg.slice(8);
      const count = Number(value);
      if (!Number.isInteger(count) || count < 1 || count > 50) {
        return {
          state,
          result: failed(`error: --nodes must be a whole number from 1 to 50, not "${value ?? ''}"`),
        };
      }
      options.nodes = count;
    } else
      return {
        state,
        result: failed(`error: unknown flag: ${arg}\nUsage: sim reset [--nodes N] [--no-storageclass]`),
      };
  }
  const next = createCluster(options);
  const workers = Object.keys(next.machines).filter((n) => n !== 'control-plane');
  return {
    state: next,
    result: ok(
      `cluster reset: control-plane, ${workers.join(', ')}${options.noStorageClass ? '' : '; default StorageClass standard'}\n`,
    ),
  };
}

export interface ScriptStep {
  command: ScriptCommand;
  result: CommandResult;
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
      steps.push({ command, result: failed(command.error) });
      continue;
    }
    const run = runCommand(current, command.argv, command.stdin, options);
    current = run.state;
    steps.push({ command, result: run.result });
  }
  return { state: current, steps };
}

export { createCluster };
