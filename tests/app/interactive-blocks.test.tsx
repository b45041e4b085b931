import { render, screen } from '@testing-library/react';
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
