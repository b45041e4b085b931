import { produce } from 'immer';
import { ApiServer } from './api/api-server.ts';
import type { Kind } from './api/types.ts';
import { type CommandContext, type CommandResult, ok, Refusal } from './kubectl/command.ts';
import type { FileReader } from './kubectl/commands/apply.ts';
import { reconcile } from './reconcile.ts';
import type { ClusterState } from './state.ts';

export interface RunOptions {
  /** Reads files named by `kubectl apply -f FILE` (the headless runner); absent in the browser. */
  readFile?: FileReader;
}

/** One API object, by kind and name (namespace only for namespaced kinds). */
export interface ObjectRef {
  kind: Kind;
  name: string;
  namespace?: string;
}

/**
 * What a command changed in the API, reconciliation included: what the command wrote and what the
 * controllers wrote in answer (the PV controller binding a claim, a ReplicaSet's new pod). An
 * object deleted and created again under the same name (a StatefulSet pod, a recreated bare pod)
 * is a new object: it appears in both `deleted` and `created`, never in `updated`. Events are not
 * listed: they are the record of what happened, not cluster state.
 */
export interface ChangeSet {
  created: ObjectRef[];
  updated: ObjectRef[];
  deleted: ObjectRef[];
}

/** What `sim move` did: which pod was deleted, where its replacement was steered, and its name. */
export interface MoveRecord {
  namespace: string;
  /** The pod that was deleted. */
  pod: string;
  /** The node it ran on (empty when it was not scheduled). */
  from: string;
  /** The node the replacement is steered to. */
  to: string;
  /** The replacement's name (a ReplicaSet pod gets a new one); absent when none exists yet. */
  replacement?: string;
}

/** The result of one command: the new state, what it printed, and what it changed. */
export interface RunResult {
  state: ClusterState;
  result: CommandResult;
  changes: ChangeSet;
  /** Present when the command was a `sim move` that deleted its pod. */
  move?: MoveRecord;
}

/** What a verb returns before the engine works out the change set (runCommand adds it). */
export interface Outcome {
  state: ClusterState;
  result: CommandResult;
  move?: MoveRecord;
}

/** Applies a handler to a draft; keeps the changes (and reconciles) unless it refused. */
export function mutate(
  state: ClusterState,
  handler: (ctx: CommandContext) => CommandResult,
  args: string[],
  stdin?: string,
): Outcome {
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
