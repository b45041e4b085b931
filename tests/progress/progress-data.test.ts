import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  lessonDone,
  readProgress,
  withQuizAnswer,
  withTask,
  writeProgress,
} from '../../src/progress/progress-data.ts';

const lesson = { id: 'empty-dir', tasks: ['share', 'lose'], quizQuestions: 2 };

describe('saved progress', () => {
  it('round-trips through its saved form', () => {
    const progress = withQuizAnswer(withTask(emptyProgress(), 'empty-dir', 'share'), 'empty-dir', 1, true);
    expect(readProgress(writeProgress(progress))).toEqual({ ok: true, progress, migrated: false });
  });

  it('marks a lesson done only when every task and every question is done', () => {
    let progress = emptyProgress();
    expect(lessonDone(progress, lesson)).toBe(false);
    progress = withTask(withTask(progress, 'empty-dir', 'share'), 'empty-dir', 'lose');
    progress = withQuizAnswer(progress, 'empty-dir', 0, true);
    expect(lessonDone(progress, lesson)).toBe(false);
    progress = withQuizAnswer(progress, 'empty-dir', 1, true);
    expect(lessonDone(progress, lesson)).toBe(true);
    // A later wrong answer takes the question back.
    expect(lessonDone(withQuizAnswer(progress, 'empty-dir', 1, false), lesson)).toBe(false);
  });

  it('keeps the same object when nothing changes', () => {
    const progress = withTask(emptyProgress(), 'volumes', 'a');
    expect(withTask(progress, 'volumes', 'a')).toBe(progress);
    expect(withQuizAnswer(progress, 'volumes', 0, false)).toBe(progress);
  });

  it('migrates the unversioned format', () => {
    const read = readProgress('{"done":["volumes","empty-dir"]}');
    expect(read).toEqual({
      ok: true,
      migrated: true,
      progress: {
        version: 1,
        lessons: { volumes: { tasks: [], quiz: [] }, 'empty-dir': { tasks: [], quiz: [] } },
      },
    });
  });

  it.each([
    ['not JSON', '{oops', 'not-json'],
    ['an array', '[]', 'not-progress'],
    ['a wrong version', '{"version":0,"lessons":{}}', 'not-progress'],
    ['a newer version', '{"version":9,"lessons":{}}', 'newer-version'],
    ['bad lesson ids', '{"version":1,"lessons":{"../x":{"tasks":[],"quiz":[]}}}', 'not-progress'],
    ['bad tasks', '{"version":1,"lessons":{"volumes":{"tasks":[1],"quiz":[]}}}', 'not-progress'],
    ['bad quiz answers', '{"version":1,"lessons":{"volumes":{"tasks":[],"quiz":[-1]}}}', 'not-progress'],
  ])('refuses %s', (_what, text, reason) => {
    expect(readProgress(text)).toEqual({ ok: false, reason });
  });
});
