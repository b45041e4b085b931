import { type ClusterOptions, createCluster } from '../default-cluster.ts';
import { failed, ok } from '../kubectl/command.ts';
import { parseDuration } from '../lib/duration.ts';
import { advance } from '../reconcile.ts';
import type { Outcome } from '../run-result.ts';
import type { ClusterState } from '../state.ts';

/** `sim reset [--nodes N] [--no-storageclass]`: a fresh default cluster. */
export function resetCommand(state: ClusterState, args: string[]): Outcome {
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

/** `sim advance DURATION`: simulated time passes, and the timers due in it fire in order. */
export function advanceCommand(state: ClusterState, args: string[]): Outcome {
  const ms = parseDuration(args[0] ?? '');
  if (!args[0] || ms === undefined) {
    return {
      state,
      result: failed(`error: invalid duration "${args[0] ?? ''}": use a duration like 30s, 5m or 1h`),
    };
  }
  const next = advance(state, ms);
  return {
    state: next,
    result: ok(
      `time advanced by ${args[0]} (now ${new Date(next.now).toISOString().replace('.000Z', 'Z')})\n`,
    ),
  };
}
