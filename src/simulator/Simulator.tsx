import '@xyflow/react/dist/style.css';
import './simulator.css';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkGoal, type Goal } from '../scenarios/goal.ts';
import type { Engine } from '../sim/engine.ts';
import type { ClusterState } from '../sim/view.ts';
import {
  createSimStoreWith,
  finalStage,
  type SimStore,
  selectCluster,
  selectPoint,
} from '../store/sim-store.ts';
import { ActionsDialog } from './ActionsDialog.tsx';
import { Console } from './Console.tsx';
import { ClusterDiagram } from './diagram/ClusterDiagram.tsx';
import { DiagramItemsProvider, useDiagramItem } from './diagram-items.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { describePoint } from './model/announce.ts';
import { podId } from './model/ids.ts';
import { actionsTitle, hasActions } from './model/item-actions.ts';
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
  /** A task's goal, checked after every change; `onGoalChange` hears whether it holds. */
  goal?: Goal;
  onGoalChange?: (met: boolean) => void;
  /** `page` fills the sandbox; `embedded` sits in a lesson. */
  variant?: 'page' | 'embedded';
}

const stageDelay = { normal: 900, slow: 2200 } as const;

/** Plays a move's stages on a timer (or waits for "Next step"); announces what each command did. */
function usePlaybackAndAnnouncements(store: SimStore, announce: (text: string) => void) {
  const t = useSimText();
  const stage = useSim((s) => s.stage);
  const speed = useSim((s) => s.speed);
  useEffect(() => {
    if (stage >= finalStage || (speed !== 'normal' && speed !== 'slow')) return;
    const timer = setTimeout(() => store.getState().nextStage(), stageDelay[speed]);
    return () => clearTimeout(timer);
  }, [stage, speed, store]);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.history === previous.history && state.index === previous.index) return;
        if (state.history !== previous.history && state.index === state.history.length - 1)
          announce(describePoint(selectPoint(state), t));
        else if (state.index < previous.index) announce(t.undone);
        else if (state.index > previous.index) announce(t.redone);
      }),
    [store, announce, t],
  );
}

/**
 * Keeps keyboard focus with a diagram item across the changes an action makes: when focus fell to
 * the page (its element went away), it goes to the item again — or to a moved pod's replacement —
 * as soon as that is drawn.
 */
function useFocusFollowsItem(
  store: SimStore,
  root: React.RefObject<HTMLDivElement | null>,
  target: React.RefObject<string | undefined>,
) {
  useEffect(() => {
    let frame = 0;
    const restore = () => {
      const id = target.current;
      const container = root.current;
      if (!id || !container) return;
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) {
        // Focus is somewhere real: on the item itself (done) or the learner moved on.
        if (
          !container.contains(active) ||
          active.closest('.react-flow__node')?.getAttribute('data-id') !== id
        ) {
          if (active.closest('.react-flow__node') || !container.contains(active)) target.current = undefined;
        }
        return;
      }
      const consequence = selectPoint(store.getState()).consequence;
      const replacement =
        consequence?.replacement && id === podId(consequence.namespace, consequence.pod)
          ? podId(consequence.namespace, consequence.replacement)
          : id;
      const element = container.querySelector<HTMLElement>(
        `.react-flow__node[data-id="${CSS.escape(replacement)}"]`,
      );
      if (element) {
        element.focus();
        target.current = undefined;
      }
    };
    const unsubscribe = store.subscribe(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(restore);
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [store, root, target]);
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
  const stage = useSim((s) => s.stage);
  const hasConsequence = useSim((s) => selectPoint(s).consequence !== undefined);
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
  useFocusFollowsItem(store, root, focusAfter);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const mod = event.ctrlKey || event.metaKey;
    if (!mod) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) store.getState().undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
    else return;
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: undo/redo shortcuts for everything inside
    <div
      ref={root}
      className={`kvl-simulator is-${variant}`}
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
          {hasConsequence && stage < finalStage ? (
            <p className="kvl-stage-caption" aria-hidden="true">
              {t.stageCaptions[stage]}
            </p>
          ) : null}
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

/** Tells a task whether its goal holds, whenever the shown cluster changes. */
function GoalWatcher({ goal, onGoalChange }: { goal: Goal; onGoalChange: (met: boolean) => void }) {
  const cluster = useSim(selectCluster);
  const met = useMemo(() => checkGoal(cluster, goal).met, [cluster, goal]);
  useEffect(() => onGoalChange(met), [met, onGoalChange]);
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
