import { chromium } from 'playwright-core';

const [url, out, width = '1440', height = '1000', theme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: theme,
});
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector('.react-flow__node', { timeout: 10000 }).catch(() => console.log('no nodes'));
await page.waitForTimeout(500);
if (process.env.ACTION) await eval(`(async () => { ${process.env.ACTION} })()`);
if (process.env.SEL) await page.locator(process.env.SEL).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
