import { chromium } from 'playwright-core';

const [, , url, out, w, scheme, ...ys] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: +w, height: 900 }, colorScheme: scheme });
await page.goto(url);
await page.locator('h1').first().waitFor();
const height = await page.evaluate(() => document.documentElement.scrollHeight);
console.log('height', height);
for (const y of ys)
  await page.screenshot({
    path: `${out}-${y}.png`,
    fullPage: true,
    clip: { x: 0, y: +y, width: +w, height: Math.min(1000, height - y) },
  });
await browser.close();
