import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type ClusterOptions,
  type ClusterState,
  type CommandResult,
  createCluster,
  runScript,
} from '../sim/index.ts';

/** One command as the console shows it: what was typed and what the cluster answered. */
export interface LogEntry {
  command: string;
  result: CommandResult;
}

/** A point in the simulator's history: the cluster after some commands, and how it got there. */
export interface HistoryPoint {
  cluster: ClusterState;
  /** What produced this point (`undefined` for the starting cluster). */
  input?: string;
  log: LogEntry[];
}

export interface SimState {
  /** Every point so far; `index` is the one shown. Later points are the redo stack. */
  history: HistoryPoint[];
  index: number;
  run: (input: string) => LogEntry[];
  undo: () => void;
  redo: () => void;
  /** Time travel: show any earlier (or later, not yet overwritten) point. */
  jumpTo: (index: number) => void;
  reset: () => void;
}

export type SimStore = StoreApi<SimState>;

export interface SimStoreOptions extends ClusterOptions {
  /** A script run once to set the cluster up (a scenario's `setup`). */
  setup?: string;
}

const maxHistory = 200;

/**
 * A store per simulator instance, created from a scenario (no global singleton: two simulators on
 * a page never interfere). History points share structure, so keeping 200 of them is cheap.
 */
export function createSimStore(options: SimStoreOptions = {}): SimStore {
  const start = (): HistoryPoint => {
    const cluster = createCluster(options);
    if (!options.setup) return { cluster, log: [] };
    return { cluster: runScript(cluster, options.setup).state, log: [] };
  };
  return createStore<SimState>()((set, get) => ({
    history: [start()],
    index: 0,
    run(input) {
      const { history, index } = get();
      const current = history[index] as HistoryPoint;
      const { state, steps } = runScript(current.cluster, input);
      const log = steps.map((step) => ({ command: step.command.source, result: step.result }));
      // A new command drops the redo stack, as any editor's undo does.
      const kept = history.slice(Math.max(0, index + 2 - maxHistory), index + 1);
      set({ history: [...kept, { cluster: state, input, log }], index: kept.length });
      return log;
    },
    undo() {
      const { index } = get();
      if (index > 0) set({ index: index - 1 });
    },
    redo() {
      const { history, index } = get();
      if (index < history.length - 1) set({ index: index + 1 });
    },
    jumpTo(target) {
      const { history } = get();
      if (Number.isInteger(target) && target >= 0 && target < history.length) set({ index: target });
    },
    reset() {
      set({ history: [start()], index: 0 });
    },
  }));
}

/** Narrow selectors, so components re-render only for what they show. */
export const selectCluster = (state: SimState): ClusterState =>
  (state.history[state.index] as HistoryPoint).cluster;
export const canUndo = (state: SimState): boolean => state.index > 0;
export const canRedo = (state: SimState): boolean => state.index < state.history.length - 1;
/** The console's transcript up to the point shown. */
export const selectLog = (state: SimState): LogEntry[] =>
  state.history.slice(0, state.index + 1).flatMap((point) => point.log);
