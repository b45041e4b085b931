import { loadDefaultCluster, scenarioLoaders } from 'virtual:scenarios';
import { type ComponentType, useCallback, useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale-context.tsx';
import type { SimulatorProps } from './Simulator.tsx';

/**
 * Whether an element is within about a screen of the viewport: a lesson's simulators (React Flow,
 * the diagram, their scenarios) download only as the learner scrolls towards them, so the first
 * visit of a lesson costs its text alone. Without IntersectionObserver, at once.
 */
function useNearViewport(immediately: boolean): [boolean, (element: HTMLElement | null) => void] {
  const [near, setNear] = useState(immediately || typeof IntersectionObserver === 'undefined');
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (!element || near) return;
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            setNear(true);
            observer.disconnect();
          }
        },
        { rootMargin: '100% 0px' },
      );
      observer.observe(element);
      return () => observer.disconnect();
    },
    [near],
  );
  return [near, ref];
}

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; Simulator: ComponentType<SimulatorProps>; props: SimulatorProps }
  | { status: 'error' };

/**
 * Loads the simulator (React Flow, the engine, the panels) only where a page shows one, together
 * with its scenario; a text-only lesson never downloads any of it.
 */
export function LazySimulator({
  scenario,
  setup,
  variant,
  onGoalChange,
}: {
  scenario?: string;
  /** A setup script to run at start (a shared link): the engine then loads at once. */
  setup?: string;
  variant?: SimulatorProps['variant'];
  /** For a task: told whether the scenario's goal holds (and where the cluster comes from), after each change. */
  onGoalChange?: SimulatorProps['onGoalChange'];
}) {
  const { t } = useLocale();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [near, placeholder] = useNearViewport(variant === 'page');
  // `attempt` re-runs the load after a failure (the retry button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    if (!near) return;
    let live = true;
    const loadScenario = scenario ? scenarioLoaders[scenario] : undefined;
    const start: Promise<SimulatorProps> = loadScenario
      ? loadScenario().then((module) => ({
          initial: module.default.initial,
          setupText: module.default.setup,
          ...(module.default.goal ? { goal: module.default.goal } : {}),
        }))
      : setup
        ? import('../sim/engine.ts').then((module) => ({ setup, engine: module.engine }))
        : loadDefaultCluster().then((module) => ({ initial: module.default }));
    Promise.all([import('./Simulator.tsx'), start])
      .then(([module, props]) => {
        if (live)
          setState({
            status: 'ready',
            Simulator: module.default,
            props: { ...props, ...(variant ? { variant } : {}) },
          });
      })
      .catch(() => {
        if (live) setState({ status: 'error' });
      });
    return () => {
      live = false;
    };
  }, [scenario, setup, variant, attempt, near]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  if (state.status === 'ready') {
    const { Simulator, props } = state;
    return <Simulator {...props} {...(onGoalChange ? { onGoalChange } : {})} />;
  }
  if (state.status === 'error')
    return (
      <div className="notice notice-error" role="alert">
        <p>{t.simulatorLoadFailed}</p>
        <button type="button" className="button" onClick={retry}>
          {t.retry}
        </button>
      </div>
    );
  return (
    <p ref={placeholder} className="loading simulator-placeholder" role="status">
      {t.simulatorLoading}
    </p>
  );
}
