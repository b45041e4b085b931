import { type ReactNode, useId, useState } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { splitChoice } from './choice.ts';

interface ChoiceBlockProps {
  /** 1-based number of the right option. */
  answer: number;
  children: ReactNode;
  /** `predict`: one guess, then the explanation; `question`: check, see why, try again. */
  mode: 'predict' | 'question';
  label: string;
  onAnswered?: (correct: boolean) => void;
}

/**
 * A multiple-choice block: radio buttons (keyboard and screen-reader native), a button to commit,
 * then right or wrong said in words and with a shape, and the explanation.
 */
export function ChoiceBlock({ answer, children, mode, label, onAnswered }: ChoiceBlockProps) {
  const { t } = useLocale();
  const { prompt, options, explain } = splitChoice(children);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [committed, setCommitted] = useState<number | undefined>(undefined);
  const name = useId();
  const promptId = `${name}-prompt`;
  const correct = committed === answer;
  // A prediction reveals the answer whatever the guess; a quiz question only once answered right
  // (a wrong answer is retried without being given the answer).
  const revealed = committed !== undefined && (mode === 'predict' || correct);
  const commit = () => {
    // Checking the same wrong answer again says nothing new.
    if (chosen === undefined || chosen === committed) return;
    setCommitted(chosen);
    onAnswered?.(chosen === answer);
  };
  return (
    <section className={`choice choice-${mode}`} aria-labelledby={promptId}>
      <p className="choice-label">{label}</p>
      <div className="choice-prompt" id={promptId}>
        {prompt}
      </div>
      <div role="radiogroup" aria-labelledby={promptId} className="choice-options">
        {options.map((option, index) => {
          const value = index + 1;
          // Only the chosen option is marked until the answer is revealed: nothing hints at it.
          const state =
            revealed && value === answer ? ' is-answer' : value === committed && !correct ? ' is-wrong' : '';
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: options never reorder
            <label key={index} className={`choice-option${state}`}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={chosen === value}
                disabled={committed !== undefined && mode === 'predict'}
                onChange={() => setChosen(value)}
              />
              <span>{option}</span>
              {revealed && value === answer ? (
                <span className="choice-mark">
                  <span aria-hidden="true"> ✔ </span>
                  {t.rightAnswer}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
      {/* After a wrong answer the button stays (disabled until another option is picked), so focus
          on it is never dropped to the page. */}
      {committed === undefined || (mode === 'question' && !correct) ? (
        <button
          type="button"
          className="button"
          onClick={commit}
          aria-disabled={chosen === undefined || chosen === committed}
        >
          {mode === 'predict' ? t.lockInGuess : t.checkAnswer}
        </button>
      ) : null}
      <div role="status" className="choice-result">
        {committed !== undefined ? (
          <>
            <p className={correct ? 'result-right' : 'result-wrong'}>
              <span aria-hidden="true">{correct ? '✔ ' : '✖ '}</span>
              {mode === 'predict'
                ? correct
                  ? t.guessRight
                  : t.guessWrong
                : correct
                  ? t.answerRight
                  : t.answerWrong}
            </p>
            {revealed ? explain : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
