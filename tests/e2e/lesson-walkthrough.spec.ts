import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';

// A learner's walk through a lesson, in each language: read it, solve every "Try it" task on its
// live cluster (typing the scenario's solution into the console), commit to each prediction,
// answer the quiz right, and see the lesson marked done in the outline.
const root = join(import.meta.dirname, '..', '..');
const walked = ['pods-are-ephemeral', 'empty-dir', 'persistent-volumes'];
const words = {
  en: { done: 'Done! The goal is reached.', correct: 'Correct.', lock: 'Lock in my guess', check: 'Check' },
  ko: {
    done: '완료! 목표에 도달했습니다.',
    correct: '정답입니다.',
    lock: '이 답으로 예측하기',
    check: '정답 확인',
  },
} as const;

function lessonFile(locale: string, id: string): string {
  for (const chapter of readdirSync(join(root, 'content', locale))) {
    const dir = join(root, 'content', locale, chapter);
    if (!chapter.match(/^\d\d-/)) continue;
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.md') || file.startsWith('_')) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      if (new RegExp(`^id: ${id}$`, 'm').test(text)) return text;
    }
  }
  throw new Error(`no lesson ${id} in ${locale}`);
}

function blocks(text: string) {
  const tasks = [...text.matchAll(/^::::task\{[^}]*scenario="([^"]+)"[^}]*\}/gm)].map((m) => m[1] ?? '');
  const predictions = [...text.matchAll(/^::::predict\{answer="(\d+)"\}/gm)].map((m) => Number(m[1]));
  const questions = [...text.matchAll(/^::::question\{answer="(\d+)"\}/gm)].map((m) => Number(m[1]));
  return { tasks, predictions, questions };
}

for (const locale of ['en', 'ko'] as const) {
  for (const id of walked) {
    test(`${locale}/${id}: read, try, succeed, quiz`, async ({ page }) => {
      test.setTimeout(90_000);
      const { tasks, predictions, questions } = blocks(lessonFile(locale, id));
      expect(tasks.length).toBeGreaterThan(0);
      await page.goto(`/${locale}/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

      for (const [index, scenario] of tasks.entries()) {
        const task = page.locator('section.task').nth(index);
        await task.scrollIntoViewIfNeeded();
        const solution = parse(
          readFileSync(join(root, 'content', 'scenarios', `${scenario}.yaml`), 'utf8'),
        ).solution;
        const command = task.getByRole('textbox', { name: /^Command/ });
        await command.fill(String(solution).trimEnd());
        await command.press('Enter');
        await expect(task.locator('.task-status')).toHaveText(
          new RegExp(words[locale].done.replace(/[.!?]/g, '.')),
          {
            timeout: 20_000,
          },
        );
      }

      for (const [index, answer] of predictions.entries()) {
        const block = page.locator('section.choice-predict').nth(index);
        await block
          .getByRole('radio')
          .nth(answer - 1)
          .check();
        await block.getByRole('button', { name: words[locale].lock }).click();
        await expect(block.locator('.explain')).toBeVisible();
      }

      for (const [index, answer] of questions.entries()) {
        const block = page.locator('.quiz section.choice-question').nth(index);
        await block
          .getByRole('radio')
          .nth(answer - 1)
          .check();
        await block.getByRole('button', { name: words[locale].check }).click();
        await expect(block.locator('.choice-result')).toContainText(words[locale].correct);
      }

      await expect(page.locator('.outline a[aria-current="page"] .outline-done')).toBeAttached();
    });
  }
}
