import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProgressTools } from '../../src/app/layout/ProgressTools.tsx';
import { LocaleProvider } from '../../src/i18n/locale-context.tsx';
import type { RenderNode } from '../../src/lessons/course-types.ts';
import { LessonIdContext } from '../../src/lessons/lesson-context.tsx';
import { RenderTree } from '../../src/lessons/RenderTree.tsx';
import { progressActions, reloadProgressForTests } from '../../src/progress/progress-store.ts';

const choice = (name: 'predict' | 'question', answer: string): RenderNode => [
  `:${name}`,
  { answer },
  ['p', null, 'Where does the file go?'],
  ['ul', null, ['li', null, 'It follows the pod'], ['li', null, 'It is lost']],
  [':explain', null, ['p', null, 'The emptyDir is deleted with its pod.']],
];

const renderLesson = (nodes: RenderNode[]) =>
  render(
    <LocaleProvider locale="en">
      <LessonIdContext value="empty-dir">
        <RenderTree nodes={nodes} />
      </LessonIdContext>
    </LocaleProvider>,
  );

beforeEach(() => reloadProgressForTests());

describe('predict, then see', () => {
  it('hides the explanation until the learner commits to a guess, then keeps the guess', async () => {
    const user = userEvent.setup();
    renderLesson([choice('predict', '2')]);
    expect(screen.queryByText('The emptyDir is deleted with its pod.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect(screen.queryByText('The emptyDir is deleted with its pod.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'It follows the pod' }));
    await user.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not what happens. Here is why:');
    expect(screen.getByText('The emptyDir is deleted with its pod.')).toBeVisible();
    expect(screen.getByRole('radio', { name: /^It is lost/ })).toBeDisabled();
    expect(screen.getByText('right answer')).toBeInTheDocument();
  });
});

describe('a quiz', () => {
  it('numbers its questions, explains each answer, lets a wrong one be retried, and saves right answers', async () => {
    const user = userEvent.setup();
    renderLesson([[':quiz', null, choice('question', '2'), choice('question', '1')]]);
    expect(screen.getByText('Question 1 of 2')).toBeInTheDocument();
    const [first] = screen.getAllByRole('radiogroup');
    const firstOptions = first?.querySelectorAll('input') ?? [];
    await user.click(firstOptions[0] as HTMLInputElement);
    await user.click(screen.getAllByRole('button', { name: 'Check' })[0] as HTMLElement);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Not quite');
    // A wrong answer is not given away: no explanation, no "right answer" mark yet.
    expect(screen.queryByText('The emptyDir is deleted with its pod.')).not.toBeInTheDocument();
    expect(screen.queryByText('right answer')).not.toBeInTheDocument();
    await user.click(firstOptions[1] as HTMLInputElement);
    await user.click(screen.getAllByRole('button', { name: 'Check' })[0] as HTMLElement);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Correct.');
    expect(JSON.parse(progressActions.export()).lessons['empty-dir'].quiz).toEqual([0]);
  });
});

describe('a wrong quiz answer gives nothing away', () => {
  const marked = (option: Element) =>
    [...option.classList].some((name) => /answer|correct|right/i.test(name)) ||
    [...option.attributes].some(
      (a) => a.name !== 'class' && /answer|correct|right/i.test(`${a.name}=${a.value}`),
    );

  it('marks only the chosen option, never the right one, until it is found', async () => {
    const user = userEvent.setup();
    // The right answer is the first option: a wrong pick of the second must not hint at it.
    renderLesson([[':quiz', null, choice('question', '1')]]);
    const options = [...document.querySelectorAll('.choice-option')];
    await user.click(screen.getByRole('radio', { name: 'It is lost' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('status')).toHaveTextContent('Not quite');
    const [right, wrong] = options as [Element, Element];
    expect(wrong).toHaveClass('is-wrong');
    expect(marked(right)).toBe(false);
    expect(right.className).toBe(wrong.className.replace(' is-wrong', ''));
    // The Check button stays, focused, disabled until another option is picked.
    const check = screen.getByRole('button', { name: 'Check' });
    expect(check).toHaveFocus();
    expect(check).toHaveAttribute('aria-disabled', 'true');
    // Focus on the right option (keyboard, as after Tab) changes nothing about it either.
    screen.getByRole('radio', { name: 'It follows the pod' }).focus();
    expect(marked(right)).toBe(false);
    expect(right).toHaveClass('choice-option', { exact: true });
    await user.click(screen.getByRole('radio', { name: 'It follows the pod' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('status')).toHaveTextContent('Correct.');
    expect(right).toHaveClass('is-answer');
    expect(wrong).not.toHaveClass('is-wrong');
  });

  it('draws focus the same neutral way on every option, unlike the answer and wrong marks', () => {
    const css = readFileSync(resolve(process.cwd(), 'src/styles/interactive.css'), 'utf8');
    const rule = (selector: string) => {
      const at = css.indexOf(`${selector} {`);
      expect(at, selector).toBeGreaterThan(-1);
      return css.slice(at, css.indexOf('}', at));
    };
    const focus = rule('.choice-option:has(input:focus-visible)');
    expect(focus).toMatch(/outline: 3px dotted var\(--focus\)/);
    expect(focus).not.toMatch(/--learn|--warning/);
    // The right answer is a solid green border, a wrong pick a dashed one: focus is neither.
    expect(rule('.choice-option.is-answer')).toMatch(/border-color: var\(--learn\)/);
    expect(rule('.choice-option.is-wrong')).toMatch(/border-style: dashed/);
    // No focus rule depends on which option is right or was picked.
    expect(css).not.toMatch(/(is-answer|is-wrong)[^{]*focus|focus[^{]*(is-answer|is-wrong)/);
  });
});

describe('a task done before', () => {
  it('says what is true of the cluster shown: its start, a change (an undo included), a reset', async () => {
    progressActions.completeTask('empty-dir', 'scale-up');
    const user = userEvent.setup();
    renderLesson([[':task', { id: 'scale-up', scenario: 'intro-hello' }, ['p', null, 'Run three copies.']]]);
    const task = screen.getByRole('region', { name: 'Try it: scale-up' });
    const statusText = () => task.querySelector('.task-status')?.textContent ?? '';
    expect(statusText()).toContain('This is the task’s starting cluster, so you can do it again.');
    const command = await within(task).findByRole('textbox', { name: /^Command/ }, { timeout: 5000 });
    await user.click(command);
    await user.keyboard('kubectl get pods{Enter}');
    await user.keyboard('kubectl scale deployment/hello --replicas=3{Enter}');
    await waitFor(() => expect(statusText()).toContain('Done! The goal is reached.'), { timeout: 5000 });
    const undo = within(task).getByRole('button', { name: 'Undo' });
    await user.click(undo);
    // Undone, not fresh: the cluster is the one after `kubectl get pods`.
    await waitFor(() => expect(statusText()).toContain('The goal is not reached in this cluster yet'));
    expect(statusText()).not.toMatch(/fresh|start|reset/i);
    await user.click(undo);
    await waitFor(() => expect(statusText()).toContain('This is the task’s starting cluster'));
    await user.click(within(task).getByRole('button', { name: 'Redo' }));
    await user.click(within(task).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(statusText()).toContain('The cluster was reset to its start'));
  });
});

describe('progress tools', () => {
  const renderTools = () =>
    render(
      <LocaleProvider locale="en">
        <ProgressTools />
      </LocaleProvider>,
    );

  it('refuses a file that is not progress and keeps what was there', async () => {
    const user = userEvent.setup();
    progressActions.completeTask('volumes', 'survive');
    const before = progressActions.export();
    renderTools();
    const input = screen.getByLabelText('Import', { selector: 'input' });
    await user.upload(input, new File(['{"hello": 1}'], 'x.json', { type: 'application/json' }));
    expect(
      await screen.findByText('Nothing imported: the file is not Kube Volume Lab progress.'),
    ).toBeInTheDocument();
    expect(progressActions.export()).toBe(before);
  });

  it('imports an exported file and resets after a confirmation', async () => {
    const user = userEvent.setup();
    renderTools();
    const file = '{"version":1,"lessons":{"volumes":{"tasks":["survive"],"quiz":[0]}}}';
    await user.upload(screen.getByLabelText('Import', { selector: 'input' }), new File([file], 'p.json'));
    expect(await screen.findByText('Progress imported.')).toBeInTheDocument();
    expect(JSON.parse(progressActions.export()).lessons.volumes.tasks).toEqual(['survive']);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await user.click(screen.getByRole('button', { name: 'Yes, erase my progress' }));
    expect(JSON.parse(progressActions.export()).lessons).toEqual({});
  });

  it('starts afresh with a notice when saved progress is unreadable', () => {
    localStorage.setItem('kube-volume-lab:progress', '{broken');
    reloadProgressForTests();
    renderTools();
    expect(screen.getByRole('alert')).toHaveTextContent('could not be read');
    expect(localStorage.getItem('kube-volume-lab:progress:unreadable')).toBe('{broken');
  });
});
