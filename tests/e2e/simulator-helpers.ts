import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The first simulator on the page, once its diagram has drawn. */
export async function openSimulator(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  // A lesson's simulator loads as it comes near the viewport.
  // (The placeholder may be replaced by the simulator while scrolling: then it has loaded anyway.)
  await page
    .locator('.simulator-placeholder, .kvl-simulator')
    .first()
    .scrollIntoViewIfNeeded({ timeout: 2_000 })
    .catch(() => {});
  const simulator = page.locator('.kvl-simulator').first();
  await expect(simulator.getByRole('group', { name: /^Node / }).first()).toBeVisible();
  await simulator.locator('.kvl-diagram').scrollIntoViewIfNeeded();
  return simulator;
}

export const pod = (simulator: Locator, name: string) =>
  simulator.getByRole('button', { name: new RegExp(`^Pod ${name}\\b`) });
export const node = (simulator: Locator, name: string) =>
  simulator.getByRole('group', { name: new RegExp(`^Node ${name}\\b`) });
export const announcer = (simulator: Locator) => simulator.locator('[aria-live="polite"]');

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A mouse drag, in steps (React Flow starts a drag only after the pointer has moved). */
export async function dragTo(
  page: Page,
  from: Locator,
  to: Locator | { x: number; y: number },
): Promise<void> {
  const start = await centre(from);
  const end = 'x' in to ? to : await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

/** The same drag with a finger, through the DevTools protocol's touch events. */
export async function touchDragTo(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await centre(from);
  const end = await centre(to);
  const client = await page.context().newCDPSession(page);
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
  for (let i = 1; i <= 12; i++) {
    const point = { x: start.x + ((end.x - start.x) * i) / 12, y: start.y + ((end.y - start.y) * i) / 12 };
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await client.detach();
}
