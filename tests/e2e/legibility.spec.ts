import type { Page } from '@playwright/test';
import { lessonPaths } from './course-pages.ts';
import { expect, test } from './fixtures.ts';
import { openSimulator } from './simulator-helpers.ts';

/**
 * Diagram text as drawn (font size × the zoom it is drawn at) on every simulator of every lesson
 * and the sandbox: at least 12 px on desktops and projectors, 11 px on a phone.
 */
const sizes = [
  { width: 390, height: 844, floor: 11 },
  { width: 1440, height: 900, floor: 12 },
  { width: 1920, height: 1080, floor: 12 },
];

/** Brings every simulator of the page into view once (they load as they come near). */
async function loadAllSimulators(page: Page): Promise<number> {
  const placeholders = page.locator('.simulator-placeholder');
  for (let guard = 0; guard < 20 && (await placeholders.count()) > 0; guard++)
    await placeholders
      .first()
      .scrollIntoViewIfNeeded({ timeout: 2_000 })
      .catch(() => {});
  await expect(placeholders).toHaveCount(0);
  const diagrams = page.locator('.kvl-diagram');
  const count = await diagrams.count();
  for (let i = 0; i < count; i++)
    await expect(
      diagrams
        .nth(i)
        .getByRole('group', { name: /^Node / })
        .first(),
    ).toBeVisible();
  return count;
}

/** The smallest drawn text size in each diagram, with the text that has it. */
function smallestText(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.kvl-diagram')].map((diagram) => {
      const viewport = diagram.querySelector('.react-flow__viewport');
      const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
      let size = Number.POSITIVE_INFINITY;
      let text = '';
      for (const element of diagram.querySelectorAll('.react-flow__node *')) {
        const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (!ownText) continue;
        const drawn = Number.parseFloat(getComputedStyle(element).fontSize) * zoom;
        if (drawn < size) {
          size = drawn;
          text = element.textContent?.trim().slice(0, 40) ?? '';
        }
      }
      return { size: Math.round(size * 100) / 100, text };
    }),
  );
}

const pages = [...new Set([...lessonPaths().filter((path) => path.startsWith('/en/')), '/en/sandbox'])];

for (const { width, height, floor } of sizes) {
  test.describe(`diagram text at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });
    for (const path of pages) {
      test(`${path}: every diagram's text is at least ${floor} px as drawn`, async ({ page }) => {
        await page.goto(path);
        const count = await loadAllSimulators(page);
        test.skip(count === 0, 'no simulator on this page');
        for (const { size, text } of await smallestText(page))
          expect(size, `smallest text: "${text}"`).toBeGreaterThanOrEqual(floor);
      });
    }
  });
}

test.describe('cooperative gestures', () => {
  test('a mouse wheel over the diagram scrolls the page and says how to zoom', async ({ page }) => {
    const simulator = await openSimulator(page, '/en/sandbox');
    const diagram = simulator.locator('.kvl-diagram');
    const box = await diagram.boundingBox();
    if (!box) throw new Error('no diagram');
    const before = await page.evaluate(() => window.scrollY);
    const zoomBefore = await diagram.locator('.react-flow__viewport').getAttribute('style');
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    await expect(simulator.getByRole('status').filter({ hasText: 'hold Ctrl' })).toBeVisible();
    expect(await diagram.locator('.react-flow__viewport').getAttribute('style')).toBe(zoomBefore);
  });

  test('Ctrl + wheel zooms the diagram, and Reset view brings it back', async ({ page }) => {
    const simulator = await openSimulator(page, '/en/sandbox');
    const viewport = simulator.locator('.react-flow__viewport');
    const zoom = async () =>
      viewport.evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    const box = await simulator.locator('.kvl-diagram').boundingBox();
    if (!box) throw new Error('no diagram');
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(zoom).toBeGreaterThan(1);
    await simulator.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(zoom).toBe(1);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    test('a one-finger swipe on the empty canvas scrolls the page', async ({ page }) => {
      const simulator = await openSimulator(page, '/en/sandbox');
      const node = simulator.getByRole('group', { name: /^Node node-2/ });
      const box = await node.boundingBox();
      if (!box) throw new Error('no node');
      // Beside the node box, on the canvas itself.
      const paneBox = await simulator.locator('.react-flow__pane').boundingBox();
      if (!paneBox) throw new Error('no pane');
      const x = paneBox.x + 6;
      const y = box.y + box.height / 2;
      const before = await page.evaluate(() => window.scrollY);
      expect(
        await page.evaluate(({ px, py }) => document.elementFromPoint(px, py)?.className, { px: x, py: y }),
      ).toContain('react-flow__pane');
      // A finger swipe upwards, through the DevTools protocol's touch events.
      const client = await page.context().newCDPSession(page);
      await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let step = 1; step <= 10; step++)
        await client.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x, y: y - step * 25 }],
        });
      await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
    });
  });
});
