import type { ComponentType, ReactNode } from 'react';
import { Callout } from './Callout.tsx';
import type { DirectiveName } from './directive-specs.ts';
import { Explain } from './Explain.tsx';
import { Hint } from './Hint.tsx';
import { Predict } from './Predict.tsx';
import { Question, Quiz } from './Quiz.tsx';
import { SimulatorBlock } from './SimulatorBlock.tsx';
import { Task } from './Task.tsx';

export interface DirectiveProps {
  /** Which directive this is (`explain`, `hint` …), so a parent block can find its parts. */
  directive?: DirectiveName;
  attributes: Record<string, string>;
  children?: ReactNode;
}

/**
 * The one place that maps a directive to its component. Interactive blocks (the live simulator,
 * quizzes, challenges) arrive as new entries here and in `directive-specs.ts`.
 */
export const directiveRegistry: Record<DirectiveName, ComponentType<DirectiveProps>> = {
  learn: (props) => <Callout variant="learn" {...props} />,
  note: (props) => <Callout variant="note" {...props} />,
  warning: (props) => <Callout variant="warning" {...props} />,
  recap: (props) => <Callout variant="recap" {...props} />,
  hint: Hint,
  simulator: SimulatorBlock,
  task: Task,
  predict: Predict,
  quiz: Quiz,
  question: Question,
  explain: Explain,
};
