import { loadDefaultCluster, scenarioLoaders } from 'virtual:scenarios';
import { type ComponentType, useCallback, useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale-context.tsx';
import type { Goal } from '../scenarios/goal.ts';
import type { SimulatorProps } from './Simulator.tsx';

/**
 * Starts downloading a lesson's simulators (the diagram code and their scenarios) together with
 * the lesson text, instead of after it has rendered. Repeated calls cost nothing: the browser
 * keeps each module once.
 */
export function preloadSimulators(scenarios: readonly string[]): void {
  const ignore = () => {};
  import('./Simulator.tsx').catch(ignore);
  for (const scenario of scenarios)
    (scenario ? scenarioLoaders[scenario]?.() : loadDefaultCluster())?.catch(ignore);
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
  /** For a task: told whether the scenario's goal holds, after each change. */
  onGoalChange?: (met: boolean) => void;
}) {
  const { t } = useLocale();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // `attempt` re-runs the load after a failure (the retry button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    let live = true;
    const loadScenario = scenario ? scenarioLoaders[scenario] : undefined;
    const start: Promise<SimulatorProps> = loadScenario
      ? loadScenario().then((module) => ({
          initial: module.default.initial,
          setupText: module.default.setup,
          ...(module.default.goal ? { goal: module.default.goal as Goal } : {}),
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
  }, [scenario, setup, variant, attempt]);
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
    <p className="loading simulator-placeholder" role="status">
      {t.simulatorLoading}
    </p>
  );
}
