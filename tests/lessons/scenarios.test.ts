import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/build/load-course.ts';
import { checkSolution, scenarioInitialState } from '../../src/lessons/build/scenario-state.ts';

// The content checks CI relies on: every scenario starts cleanly, every challenge's solution still
// reaches its goal, and both languages ask the same of the learner.
const root = join(import.meta.dirname, '..', '..');
const course = loadCourse(join(root, 'content'), root);

describe('scenarios', () => {
  const scenarios = Object.entries(course.scenarios);

  it('exist', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios)('%s: the setup runs without a failing command', (id, scenario) => {
    expect(() => scenarioInitialState(scenario.setup, `content/scenarios/${id}.yaml`)).not.toThrow();
  });

  it.each(scenarios.filter(([, s]) => s.goal))('%s: the solution replays to the goal', (id, scenario) => {
    expect(() =>
      checkSolution(
        { setup: scenario.setup, goal: scenario.goal, solution: scenario.solution ?? '' },
        `content/scenarios/${id}.yaml`,
      ),
    ).not.toThrow();
  });

  it('are all used by some lesson', () => {
    const used = new Set(Object.values(course.manifest.lessons).flatMap((l) => l.simulators ?? []));
    for (const lesson of Object.values(course.manifest.lessons))
      if (lesson.scenario) used.add(lesson.scenario);
    for (const id of Object.keys(course.scenarios)) expect(used.has(id), id).toBe(true);
  });
});

describe('translations', () => {
  it('cover every lesson in Korean with the same tasks and quiz size (checked by the loader)', () => {
    for (const lesson of Object.values(course.manifest.lessons)) {
      expect(lesson.translated.ko, lesson.id).toBe(true);
    }
  });
});
