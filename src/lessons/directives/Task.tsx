import { scenarioLoaders } from 'virtual:scenarios';
import { Children, isValidElement, useCallback, useEffect, useId, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { progressActions, useProgress } from '../../progress/progress-store.ts';
import { LazySimulator } from '../../simulator/LazySimulator.tsx';
import type { ClusterOrigin } from '../../simulator/Simulator.tsx';
import { useLessonId } from '../lesson-context.tsx';
import { Hint } from './Hint.tsx';
import type { DirectiveProps } from './registry.tsx';

/**
 * "Try it": a challenge on its own live cluster. The goal is checked after every command; hints
 * open one at a time; the solution shows the commands a learner would type on a real cluster.
 */
export function Task({ attributes, children }: DirectiveProps) {
  const { t } = useLocale();
  const lessonId = useLessonId();
  const taskId = attributes.id ?? '';
  const scenario = attributes.scenario ?? '';
  const { progress } = useProgress();
  const doneBefore = progress.lessons[lessonId]?.tasks.includes(taskId) ?? false;
  const [met, setMet] = useState(false);
  // Where the cluster shown comes from, so the status never says it starts afresh when it does not.
  const [origin, setOrigin] = useState<ClusterOrigin>('start');
  const [hintsShown, setHintsShown] = useState(0);
  const [solution, setSolution] = useState<string | undefined>(undefined);
  const [solutionShown, setSolutionShown] = useState(false);
  const solutionId = useId();

  const parts = Children.toArray(children);
  const hints = parts.filter((child) => isValidElement(child) && child.type === Hint);
  const text = parts.filter((child) => !(isValidElement(child) && child.type === Hint));

  useEffect(() => {
    let live = true;
    scenarioLoaders[scenario]?.().then(
      (module) => {
        if (live) setSolution(module.default.solution);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [scenario]);

  const onGoalChange = useCallback(
    (reached: boolean, from: ClusterOrigin) => {
      setMet(reached);
      setOrigin(from);
      if (reached) progressActions.completeTask(lessonId, taskId);
    },
    [lessonId, taskId],
  );

  return (
    <section className={`task${met ? ' is-met' : ''}`} aria-label={`${t.taskLabel}: ${taskId}`}>
      <p className="task-label">
        <span aria-hidden="true">▶ </span>
        {t.taskLabel}
      </p>
      <div className="task-text">{text}</div>
      <LazySimulator scenario={scenario} onGoalChange={onGoalChange} />
      <p className={`task-status${met ? ' is-met' : ''}`} role="status">
        {met ? (
          <>
            <span aria-hidden="true">✔ </span>
            {t.goalMet}
          </>
        ) : (
          <>
            <span aria-hidden="true">○ </span>
            {doneBefore ? t.goalDoneBefore(origin) : t.goalNotYet}
          </>
        )}
      </p>
      <div className="task-help">
        {hints.slice(0, hintsShown).map((hint, index) => (
          <div className="task-hint" key={(isValidElement(hint) && hint.key) || index}>
            <p className="task-hint-label">{t.hintNumber(index + 1, hints.length)}</p>
            {isValidElement<{ children?: React.ReactNode }>(hint) ? hint.props.children : null}
          </div>
        ))}
        {hintsShown < hints.length ? (
          <button type="button" className="button" onClick={() => setHintsShown((n) => n + 1)}>
            {t.showHint(hintsShown + 1, hints.length)}
          </button>
        ) : null}{' '}
        {solution ? (
          <button
            type="button"
            className="button"
            aria-expanded={solutionShown}
            aria-controls={solutionId}
            onClick={() => setSolutionShown((shown) => !shown)}
          >
            {solutionShown ? t.hideSolution : t.showSolution}
          </button>
        ) : null}
        <div id={solutionId} hidden={!solutionShown}>
          <p>{t.solutionIntro}</p>
          <pre className="task-solution">
            <code>{solution}</code>
          </pre>
        </div>
      </div>
    </section>
  );
}
