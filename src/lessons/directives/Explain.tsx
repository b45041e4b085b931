import type { DirectiveProps } from './registry.tsx';

/** Why an answer is right: rendered by its predict or question block once the learner answered. */
export function Explain({ children }: DirectiveProps) {
  return <div className="explain">{children}</div>;
}
