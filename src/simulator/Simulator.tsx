import '@xyflow/react/dist/style.css';
import './simulator.css';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkGoal, type Goal } from '../scenarios/goal.ts';
import type { Engine } from '../sim/engine.ts';
import type { ClusterState } from '../sim/view.ts';
import {
  createSimStoreWith,
  type HistoryPoint,
  resetInput,
  type SimStore,
  selectCluster,
  selectPoint,
} from '../store/sim-store.ts';
import { ActionsDialog } from './ActionsDialog.tsx';
import { Console } from './Console.tsx';
import { ClusterDiagram } from './diagram/ClusterDiagram.tsx';
import { DiagramItemsProvider, useDiagramItem } from './diagram-items.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import { useFocusKeeper } from './focus-keeper.ts';
import { Inspector } from './Inspector.tsx';
import { simulatorKeyDown } from './keyboard-shortcuts.ts';
import { describePoint } from './model/announce.ts';
import { actionsTitle, hasActions } from './model/item-actions.ts';
import { PlaybackBar } from './PlaybackBar.tsx';
import { SimStoreProvider, useSim, useSimStore, useSimText } from './sim-context.tsx';
import { Toolbar } from './Toolbar.tsx';

export interface SimulatorProps {
  /** The starting cluster, built at build time from a scenario's setup (or the default cluster). */
  initial?: ClusterState;
  /** A setup script to run at start instead (a shared link); needs `engine`. */
  setup?: string;
  /** The engine, when the page had to load it at once. */
  engine?: Engine;
  /** The script behind `initial` (for share links). */
  setupText?: string;
  /**
   * A task's goal, checked after every change; `onGoalChange` hears whether it holds, and where
   * the cluster shown comes from.
   */
  goal?: Goal;
  onGoalChange?: GoalListener;
  /** `page` fills the sandbox; `embedded` sits in a lesson. */
  variant?: 'page' | 'embedded';
}

/**
 * Where the cluster a simulator shows comes from: its starting point (as it loaded, or undone back
 * to it), a reset, or anything else (commands, moves, undo and redo between them).
 */
export type ClusterOrigin = 'start' | 'reset' | 'changed';
export type GoalListener = (met: boolean, origin: ClusterOrigin) => void;

export function clusterOrigin(index: number, point: HistoryPoint): ClusterOrigin {
  if (index === 0) return 'start';
  return point.input === resetInput ? 'reset' : 'changed';
}

const stageDelay = { normal: 900, slow: 2200 } as const;

/**
 * Plays a move's stages on a timer (or waits for the learner, step by step: each stage's caption is
 * then announced too); announces what each command did.
 */
function usePlaybackAndAnnouncements(store: SimStore, announce: (text: string) => void) {
  const t = useSimText();
  const stage = useSim((s) => s.stage);
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  // Each stage gets its own turn on the timer: `stage` restarts it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stage is the timer's trigger
  useEffect(() => {
    if (!playing || (speed !== 'normal' && speed !== 'slow')) return;
    const timer = setTimeout(() => store.getState().nextStage(), stageDelay[speed]);
    return () => clearTimeout(timer);
  }, [stage, playing, speed, store]);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const stepped = state.stage !== previous.stage && state.playing && state.speed === 'step';
        if (stepped && state.history === previous.history) announce(t.stageCaptions[state.stage] ?? '');
        if (state.history === previous.history && state.index === previous.index) return;
        if (state.history !== previous.history && state.index === state.history.length - 1)
          announce(describePoint(selectPoint(state), t));
        else if (state.index < previous.index) announce(t.undone);
        else if (state.index > previous.index) announce(t.redone);
      }),
    [store, announce, t],
  );
}

/** The actions dialog of the item with this id, while the diagram shows that item. */
function ItemActionsDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const item = useDiagramItem(id);
  if (!hasActions(item)) return null;
  return <ActionsDialog id={id} data={item} title={actionsTitle(item)} onClose={onClose} />;
}

function SimulatorBody({ variant }: { variant: 'page' | 'embedded' }) {
  const t = useSimText();
  const store = useSimStore();
  const [message, setMessage] = useState('');
  const [actionsFor, setActionsFor] = useState<string | undefined>(undefined);
  const opener = useRef<HTMLElement | null>(null);
  // A changed message re-announces even when the words repeat (a zero-width toggle).
  const flip = useRef(false);
  const announce = useCallback((text: string) => {
    flip.current = !flip.current;
    setMessage(text ? `${text}${flip.current ? '\u200b' : ''}` : '');
  }, []);
  usePlaybackAndAnnouncements(store, announce);
  const warmUp = useCallback(() => store.getState().warmUp(), [store]);

  const openActions = useCallback((id: string) => {
    opener.current = document.activeElement as HTMLElement | null;
    setActionsFor(id);
  }, []);
  // After an action the item that opened the dialog may be replaced (a moved pod is hidden until
  // its replacement appears, a ReplicaSet's gets a new name): focus then follows it there.
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<string | undefined>(undefined);
  const closeActions = useCallback(() => {
    setActionsFor(undefined);
    const element = opener.current;
    focusAfter.current = element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (element?.isConnected) element.focus();
  }, []);
  useFocusKeeper(store, root, focusAfter);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => simulatorKeyDown(event, store);

  return (
    // Focusable (not in the tab order) so that a click anywhere inside keeps focus here, where the
    // shortcuts (undo, redo, the step keys) are heard, whatever inside had focus.
    // biome-ignore lint/a11y/noStaticElementInteractions: shortcuts for everything inside
    <div
      ref={root}
      className={`kvl-simulator is-${variant}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerEnter={warmUp}
      onPointerDown={warmUp}
      onFocus={warmUp}
    >
      <Toolbar onAnnounce={announce} />
      <p className="kvl-diagram-help">{t.diagramHelp}</p>
      <div className="kvl-stage">
        <div className="kvl-diagram-area">
          <ClusterDiagram onOpenActions={openActions} onAnnounce={announce} />
          <PlaybackBar />
          {actionsFor ? <ItemActionsDialog id={actionsFor} onClose={closeActions} /> : null}
        </div>
        <Inspector onOpenActions={openActions} />
      </div>
      <div className="kvl-announcer" aria-live="polite" role="status">
        {message}
      </div>
      <Console />
      <EventsPanel />
    </div>
  );
}

/** Tells a task whether its goal holds (and where the cluster comes from), whenever that changes. */
function GoalWatcher({ goal, onGoalChange }: { goal: Goal; onGoalChange: GoalListener }) {
  const cluster = useSim(selectCluster);
  const origin = useSim((s) => clusterOrigin(s.index, selectPoint(s)));
  const met = useMemo(() => checkGoal(cluster, goal).met, [cluster, goal]);
  useEffect(() => {
    onGoalChange(met, origin);
  }, [met, origin, onGoalChange]);
  return null;
}

const loadEngine = () => import('../sim/engine.ts').then((module) => module.engine);

/**
 * A live cluster: diagram, inspector, console and events, with its own store. It draws the
 * starting cluster at once; the engine loads when the learner first hovers, touches or focuses it.
 */
export default function Simulator({
  initial,
  setup,
  setupText,
  engine,
  goal,
  onGoalChange,
  variant = 'embedded',
}: SimulatorProps) {
  const [store] = useState(() =>
    createSimStoreWith({
      ...(initial ? { initial } : {}),
      ...(setup ? { setup } : {}),
      ...(setupText ? { setupText } : {}),
      ...(engine ? { engine } : {}),
      loadEngine,
    }),
  );
  return (
    <SimStoreProvider store={store}>
      <DiagramItemsProvider>
        <SimulatorBody variant={variant} />
      </DiagramItemsProvider>
      {goal && onGoalChange ? <GoalWatcher goal={goal} onGoalChange={onGoalChange} /> : null}
    </SimStoreProvider>
  );
}
