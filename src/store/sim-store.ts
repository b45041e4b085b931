import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterOptions } from '../sim/default-cluster.ts';
import type { Engine } from '../sim/engine.ts';
import {
  type ChangeSet,
  type ClusterState,
  type CommandResult,
  type MoveConsequence,
  moveConsequence,
} from '../sim/view.ts';

/** One command as the console shows it: what was typed and what the cluster answered. */
export interface LogEntry {
  command: string;
  result: CommandResult;
  /** The objects the command created, updated and deleted (reconciliation included). */
  changes?: ChangeSet;
}

/** A point in the simulator's history: the cluster after some commands, and how it got there. */
export interface HistoryPoint {
  cluster: ClusterState;
  /** What produced this point (`undefined` for the starting cluster). */
  input?: string;
  log: LogEntry[];
  /** When this point came from moving a pod: what happened to its data. */
  consequence?: MoveConsequence;
}

/**
 * How a move's consequence is revealed: `normal` and `slow` play its stages on a timer, `step`
 * waits for the learner at each stage (teaching), `instant` shows the end at once.
 */
export type PlaybackSpeed = 'normal' | 'slow' | 'step' | 'instant';

/** The stages of a move: 0 old pod terminating, 1 replacement appears, 2 data outcome shown. */
export const finalStage = 2;

export interface SimState {
  /** Every point so far; `index` is the one shown. Later points are the redo stack. */
  history: HistoryPoint[];
  index: number;
  /** The diagram item selected for the inspector (an id of the diagram projection). */
  selected: string | undefined;
  speed: PlaybackSpeed;
  /** How far the shown point's move consequence has been revealed. */
  stage: number;
  /**
   * Whether the shown point's move is being played, its stage captions shown: from the move until
   * the last stage has had its turn (on a timer, or when the learner steps past it). Undo, redo, a
   * jump and the instant speed end it.
   */
  playing: boolean;
  run: (input: string) => LogEntry[];
  undo: () => void;
  redo: () => void;
  /** Time travel: show any earlier (or later, not yet overwritten) point. */
  jumpTo: (index: number) => void;
  /** Back to the scenario's starting cluster, as a new point (so reset itself can be undone). */
  reset: () => void;
  select: (id: string | undefined) => void;
  setSpeed: (speed: PlaybackSpeed) => void;
  /** The next stage of the move being played; past the last one, the playback ends. */
  nextStage: () => void;
  /** Whether the engine is here (commands run at once) or still loading (they wait in line). */
  engineReady: boolean;
  /** Inputs typed or dropped before the engine arrived, run in order when it does. */
  pending: string[];
  /** Starts loading the engine (on the learner's first sign of acting: hover, focus, drag). */
  warmUp: () => void;
  /** Set when the engine could not be loaded. */
  engineError: boolean;
  /** A script that rebuilds the shown cluster from the default one: the setup, then the inputs since the last reset. */
  shareScript: () => string;
  /** Runs a reading command (`kubectl get events`) on the shown cluster; undefined until the engine is here. */
  peek: (argv: string[]) => string | undefined;
}

export type SimStore = StoreApi<SimState>;

export interface SimStoreOptions extends ClusterOptions {
  /** A script run once to set the cluster up (a scenario's `setup`); needs `engine`. */
  setup?: string;
  /** The starting cluster, already set up (the build runs scenario setups). */
  initial?: ClusterState;
  /** The script behind `initial`, for share links. */
  setupText?: string;
  /** The engine, when it is already loaded. */
  engine?: Engine;
  /** Loads the engine on demand; required without `engine`. */
  loadEngine?: () => Promise<Engine>;
}

const maxHistory = 200;
/** The input recorded for a reset point. */
export const resetInput = '# reset';

/** Runs a script step by step, keeping the consequence of the last pod move in it. */
function runInput(engine: Engine, cluster: ClusterState, input: string): Omit<HistoryPoint, 'input'> {
  const { parseScript, runCommand } = engine;
  let current = cluster;
  const log: LogEntry[] = [];
  let consequence: MoveConsequence | undefined;
  for (const command of parseScript(input)) {
    if (command.error) {
      log.push({
        command: command.source,
        result: { stdout: '', stderr: `${command.error}\n`, exitCode: 1 },
      });
      continue;
    }
    const before = current;
    const run = runCommand(before, command.argv, command.stdin);
    current = run.state;
    log.push({ command: command.source, result: run.result, changes: run.changes });
    if (run.move) consequence = moveConsequence(before, current, run.move) ?? consequence;
  }
  return { cluster: current, log, ...(consequence ? { consequence } : {}) };
}

/**
 * A store per simulator instance, created from a scenario (no global singleton: two simulators on
 * a page never interfere). History points share structure, so keeping 200 of them is cheap. The
 * view state (selection, playback) lives here too, so one store describes one simulator. Without
 * an engine the store shows its `initial` cluster and loads the engine when first needed.
 */
export function createSimStoreWith(options: SimStoreOptions): SimStore {
  let engine = options.engine;
  const start = (): HistoryPoint => {
    if (options.initial) return { cluster: options.initial, log: [] };
    if (!engine) throw new Error('createSimStoreWith needs an initial cluster or an engine');
    const cluster = engine.createCluster(options);
    // A setup typed by someone (a shared link) shows in the console; a scenario's does not.
    return options.setup ? runInput(engine, cluster, options.setup) : { cluster, log: [] };
  };
  return createStore<SimState>()((set, get) => {
    const push = (point: HistoryPoint) => {
      const { history, index, speed } = get();
      // A new command drops the redo stack, as any editor's undo does.
      const kept = history.slice(Math.max(0, index + 2 - maxHistory), index + 1);
      const played = point.consequence !== undefined && speed !== 'instant';
      set({
        history: [...kept, point],
        index: kept.length,
        stage: played ? 0 : finalStage,
        playing: played,
      });
    };
    const runNow = (loaded: Engine, input: string): LogEntry[] => {
      const { history, index } = get();
      const point = runInput(loaded, (history[index] as HistoryPoint).cluster, input);
      push({ ...point, input });
      return point.log;
    };
    let loading: Promise<void> | undefined;
    const warmUp = () => {
      if (engine || loading || !options.loadEngine) return;
      loading = options.loadEngine().then(
        (loaded) => {
          engine = loaded;
          const queued = get().pending;
          set({ engineReady: true, pending: [] });
          for (const input of queued) runNow(loaded, input);
        },
        () => {
          loading = undefined;
          set({ engineError: true });
        },
      );
    };
    return {
      history: [start()],
      index: 0,
      selected: undefined,
      speed: 'normal',
      stage: finalStage,
      playing: false,
      engineReady: engine !== undefined,
      engineError: false,
      pending: [],
      warmUp,
      shareScript() {
        const { history, index } = get();
        const inputs: string[] = [];
        for (const point of history.slice(1, index + 1)) {
          if (point.input === resetInput) inputs.length = 0;
          else if (point.input) inputs.push(point.input);
        }
        const setup = options.setup ?? options.setupText ?? '';
        return [setup.trimEnd(), ...inputs].filter((part) => part !== '').join('\n');
      },
      peek(argv) {
        if (!engine) return undefined;
        const { history, index } = get();
        return engine.runCommand((history[index] as HistoryPoint).cluster, argv).result.stdout;
      },
      run(input) {
        if (engine) return runNow(engine, input);
        set({ pending: [...get().pending, input], engineError: false });
        warmUp();
        return [];
      },
      undo() {
        const { index } = get();
        if (index > 0) set({ index: index - 1, stage: finalStage, playing: false });
      },
      redo() {
        const { history, index } = get();
        if (index < history.length - 1) set({ index: index + 1, stage: finalStage, playing: false });
      },
      jumpTo(target) {
        const { history } = get();
        if (Number.isInteger(target) && target >= 0 && target < history.length)
          set({ index: target, stage: finalStage, playing: false });
      },
      reset() {
        push({ cluster: start().cluster, input: resetInput, log: [] });
      },
      select(id) {
        set({ selected: id });
      },
      setSpeed(speed) {
        set({ speed, ...(speed === 'instant' ? { stage: finalStage, playing: false } : {}) });
      },
      nextStage() {
        const { stage, playing } = get();
        if (stage < finalStage) set({ stage: stage + 1 });
        else if (playing) set({ playing: false });
      },
    };
  });
}

/** Narrow selectors, so components re-render only for what they show. */
export const selectPoint = (state: SimState): HistoryPoint => state.history[state.index] as HistoryPoint;
export const selectCluster = (state: SimState): ClusterState => selectPoint(state).cluster;
export const selectConsequence = (state: SimState): MoveConsequence | undefined =>
  selectPoint(state).consequence;
export const canUndo = (state: SimState): boolean => state.index > 0;
export const canRedo = (state: SimState): boolean => state.index < state.history.length - 1;
/** The console's transcript up to the point shown. */
export const selectLog = (state: Pick<SimState, 'history' | 'index'>): LogEntry[] =>
  state.history.slice(0, state.index + 1).flatMap((point) => point.log);
