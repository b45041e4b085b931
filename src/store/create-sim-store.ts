import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type ClusterOptions,
  type ClusterState,
  type CommandResult,
  createCluster,
  parseScript,
  runCommand,
  runScript,
} from '../sim/index.ts';
import { type MoveConsequence, moveConsequence } from './move-consequence.ts';

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
  run: (input: string) => LogEntry[];
  undo: () => void;
  redo: () => void;
  /** Time travel: show any earlier (or later, not yet overwritten) point. */
  jumpTo: (index: number) => void;
  /** Back to the scenario's starting cluster, as a new point (so reset itself can be undone). */
  reset: () => void;
  select: (id: string | undefined) => void;
  setSpeed: (speed: PlaybackSpeed) => void;
  nextStage: () => void;
}

export type SimStore = StoreApi<SimState>;

export interface SimStoreOptions extends ClusterOptions {
  /** A script run once to set the cluster up (a scenario's `setup`). */
  setup?: string;
}

const maxHistory = 200;

/** `sim move POD --to NODE [-n NS]` → its pod, namespace and target, to explain what it did. */
function moveTarget(argv: string[]): { namespace: string; name: string; to: string } | undefined {
  if (argv[0] !== 'sim' || argv[1] !== 'move') return undefined;
  let name: string | undefined;
  let to = '';
  let namespace = 'default';
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--to') to = argv[++i] ?? '';
    else if (arg.startsWith('--to=')) to = arg.slice(5);
    else if (arg === '-n' || arg === '--namespace') namespace = argv[++i] ?? namespace;
    else if (arg.startsWith('--namespace=')) namespace = arg.slice(12);
    else name ??= arg;
  }
  return name && to ? { namespace, name, to } : undefined;
}

/** Runs a script step by step, keeping the consequence of the last pod move in it. */
function runInput(cluster: ClusterState, input: string): Omit<HistoryPoint, 'input'> {
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
    log.push({ command: command.source, result: run.result });
    const move = moveTarget(command.argv);
    if (move)
      consequence = moveConsequence(before, current, move.namespace, move.name, move.to) ?? consequence;
  }
  return { cluster: current, log, ...(consequence ? { consequence } : {}) };
}

/**
 * A store per simulator instance, created from a scenario (no global singleton: two simulators on
 * a page never interfere). History points share structure, so keeping 200 of them is cheap. The
 * view state (selection, playback) lives here too, so one store describes one simulator.
 */
export function createSimStore(options: SimStoreOptions = {}): SimStore {
  const start = (): ClusterState => {
    const cluster = createCluster(options);
    return options.setup ? runScript(cluster, options.setup).state : cluster;
  };
  const stageAfterRun = (speed: PlaybackSpeed) => (speed === 'instant' ? finalStage : 0);
  return createStore<SimState>()((set, get) => {
    const push = (point: HistoryPoint) => {
      const { history, index, speed } = get();
      // A new command drops the redo stack, as any editor's undo does.
      const kept = history.slice(Math.max(0, index + 2 - maxHistory), index + 1);
      set({
        history: [...kept, point],
        index: kept.length,
        stage: point.consequence ? stageAfterRun(speed) : finalStage,
      });
    };
    return {
      history: [{ cluster: start(), log: [] }],
      index: 0,
      selected: undefined,
      speed: 'normal',
      stage: finalStage,
      run(input) {
        const { history, index } = get();
        const point = runInput((history[index] as HistoryPoint).cluster, input);
        push({ ...point, input });
        return point.log;
      },
      undo() {
        const { index } = get();
        if (index > 0) set({ index: index - 1, stage: finalStage });
      },
      redo() {
        const { history, index } = get();
        if (index < history.length - 1) set({ index: index + 1, stage: finalStage });
      },
      jumpTo(target) {
        const { history } = get();
        if (Number.isInteger(target) && target >= 0 && target < history.length)
          set({ index: target, stage: finalStage });
      },
      reset() {
        push({ cluster: start(), input: '# reset', log: [] });
      },
      select(id) {
        set({ selected: id });
      },
      setSpeed(speed) {
        set({ speed, ...(speed === 'instant' ? { stage: finalStage } : {}) });
      },
      nextStage() {
        const { stage } = get();
        if (stage < finalStage) set({ stage: stage + 1 });
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
export const selectLog = (state: SimState): LogEntry[] =>
  state.history.slice(0, state.index + 1).flatMap((point) => point.log);
