import AxeBuilder from '@axe-core/playwright';
import { lessonPaths } from './course-pages.ts';
import { expect, test } from './fixtures.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const pages = [...lessonPaths(), '/en/no-such-page', '/ko/no-such-page'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of pages) {
      test(`${path} has no serious or critical violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The lesson text, and every live simulator on the page (each loads as it is scrolled to).
        const loading = page.locator('.loading');
        for (let before = await loading.count(); before > 0; before = await loading.count()) {
          // It may turn into its simulator while scrolling (what we wait for anyway): a short
          // timeout, since a detached placeholder would leave the locator waiting for another.
          await loading
            .first()
            .scrollIntoViewIfNeeded({ timeout: 2_000 })
            .catch(() => {});
          await expect.poll(() => loading.count()).toBeLessThan(before);
        }
        // Open every hint so the scan covers its content too.
        const closed = page.locator('details:not([open]) > summary');
        while ((await closed.count()) > 0) await closed.first().click();
        const results = await new AxeBuilder({ page }).withTags(tags).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        ).toEqual([]);
      });
    }
  });
}

test('the phone layout has no serious violations with the outline open', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/ko/what-is-kubernetes');
  await page.getByRole('button', { name: '코스 목차 보기' }).click();
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});
