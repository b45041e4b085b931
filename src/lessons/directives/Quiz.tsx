import { Children, createContext, isValidElement, useContext } from 'react';
import { useLocale } from '../../i18n/locale-context.tsx';
import { progressActions } from '../../progress/progress-store.ts';
import { useLessonId } from '../lesson-context.tsx';
import { ChoiceBlock } from './ChoiceBlock.tsx';
import type { DirectiveProps } from './registry.tsx';

const QuestionIndex = createContext({ index: 0, total: 0 });

/** A short quiz: its questions, numbered; each right answer is saved with the lesson's progress. */
export function Quiz({ children }: DirectiveProps) {
  const { t } = useLocale();
  const questions = Children.toArray(children).filter(isValidElement);
  return (
    <section className="quiz" aria-label={t.quizLabel}>
      <p className="quiz-title">{t.quizLabel}</p>
      {questions.map((question, index) => (
        <QuestionIndex key={question.key ?? index} value={{ index, total: questions.length }}>
          {question}
        </QuestionIndex>
      ))}
    </section>
  );
}

export function Question({ attributes, children }: DirectiveProps) {
  const { t } = useLocale();
  const lessonId = useLessonId();
  const { index, total } = useContext(QuestionIndex);
  return (
    <ChoiceBlock
      answer={Number(attributes.answer)}
      mode="question"
      label={t.questionLabel(index + 1, total)}
      onAnswered={(correct) => progressActions.answerQuestion(lessonId, index, correct)}
    >
      {children}
    </ChoiceBlock>
  );
}
