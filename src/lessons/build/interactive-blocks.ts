import type { ContainerDirective } from 'mdast-util-directive';
import type { Parent } from 'unist';

/**
 * The structure rules of the interactive blocks, checked at build time so a lesson never ships a
 * task without a challenge, a quiz question without its answer, or a prediction without its
 * explanation. Returns the problems found (empty when the block is well formed).
 *
 * - `::::task{id scenario}`: text and `:::hint` blocks (shown one at a time); the scenario must be
 *   a challenge (goal + solution).
 * - `::::predict{answer}` and `::::question{answer}` (inside `:::::quiz`): a prompt, one list of
 *   options (answer = the 1-based number of the right one), and one `:::explain`.
 * - `:::::quiz`: 2 to 4 questions and nothing else.
 */
export interface InteractiveContext {
  isChallenge: (scenario: string) => boolean;
  /** Task ids seen so far in this lesson (to refuse duplicates); filled in as tasks are checked. */
  taskIds: string[];
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const directiveChildren = (node: ContainerDirective, name?: string) =>
  node.children.filter(
    (child): child is ContainerDirective =>
      child.type === 'containerDirective' && (name === undefined || child.name === name),
  );

function checkChoice(node: ContainerDirective): string[] {
  const problems: string[] = [];
  const lists = node.children.filter((child) => child.type === 'list');
  const options = lists[0]?.type === 'list' ? lists[0].children.length : 0;
  if (lists.length !== 1)
    problems.push(`"${node.name}" needs exactly one list of options, found ${lists.length}`);
  else if (options < 2) problems.push(`"${node.name}" needs at least two options`);
  const answer = Number(node.attributes?.answer);
  if (!Number.isInteger(answer) || answer < 1 || answer > options)
    problems.push(
      `"${node.name}" answer="${node.attributes?.answer ?? ''}" must be the number of one of its ${options} options`,
    );
  if (directiveChildren(node, 'explain').length !== 1)
    problems.push(`"${node.name}" needs exactly one :::explain block`);
  return problems;
}

export function checkInteractive(
  node: ContainerDirective | { type: string; name?: string },
  parent: Parent | undefined,
  context: InteractiveContext,
): string[] {
  if (node.type !== 'containerDirective') return [];
  const directive = node as ContainerDirective;
  const parentName = parent?.type === 'containerDirective' ? (parent as ContainerDirective).name : undefined;
  switch (directive.name) {
    case 'task': {
      const id = directive.attributes?.id ?? '';
      const scenario = directive.attributes?.scenario ?? '';
      const problems: string[] = [];
      if (!kebab.test(id)) problems.push(`task id="${id}" must be kebab-case`);
      else if (context.taskIds.includes(id)) problems.push(`task id="${id}" is used twice in this lesson`);
      else context.taskIds.push(id);
      if (!context.isChallenge(scenario))
        problems.push(`task scenario="${scenario}" must be a scenario with a goal and a solution`);
      if (parentName) problems.push('a task cannot sit inside another block');
      return problems;
    }
    case 'predict':
      return checkChoice(directive);
    case 'question':
      return parentName === 'quiz' ? checkChoice(directive) : ['a :::question belongs inside a :::::quiz'];
    case 'explain':
      return parentName === 'predict' || parentName === 'question'
        ? []
        : ['an :::explain belongs inside a predict or a question'];
    case 'quiz': {
      const questions = directiveChildren(directive, 'question').length;
      const others = directive.children.filter(
        (child) => !(child.type === 'containerDirective' && child.name === 'question'),
      ).length;
      const problems: string[] = [];
      if (questions < 2 || questions > 4)
        problems.push(`a quiz has 2 to 4 questions, this one has ${questions}`);
      if (others > 0) problems.push('a quiz holds only ::::question blocks');
      return problems;
    }
    default:
      return [];
  }
}
