// npm run bench: the JavaScript a first visit downloads, per page type, gzip-compressed.
// A report, not a timed test: it loads each page of the production build (already built by the
// npm script) in the system Chromium, records every script response, and gzips each body (-9).
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = Number(process.env.PORT ?? 4173) + 7;
const base = `http://127.0.0.1:${port}`;
// A simulator page draws its cluster without the engine (it loads on the first interaction),
// so its budget covers the app, React Flow, the diagram and the scenario's built cluster.
const budgets = { 'text lesson': 90 * 1024, 'simulator lesson': 170 * 1024, sandbox: 170 * 1024 };
const pageTypes = [
  ['text lesson', '/en/what-is-kubernetes'],
  ['text lesson (Korean)', '/ko/what-is-kubernetes'],
  ['simulator lesson', '/en/cluster-and-nodes'],
  ['simulator lesson (Korean)', '/ko/cluster-and-nodes'],
  ['sandbox', '/en/sandbox'],
  ['not-found page', '/en/no-such-page'],
];

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
let failed = false;
try {
  await waitForServer(`${base}/`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  console.log('page type                  | scripts | JS raw     | JS gzip   | budget');
  console.log('---------------------------|---------|------------|-----------|-------');
  for (const [name, path] of pageTypes) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.locator('h1').waitFor();
    if (name.startsWith('simulator') || name === 'sandbox')
      await page.locator('.react-flow__node').first().waitFor();
    const bodies = await Promise.all(scripts);
    const raw = bodies.reduce((sum, body) => sum + body.length, 0);
    const gzip = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const budget = budgets[name.replace(/ \(.*\)$/, '')];
    const verdict = budget === undefined ? '—' : gzip <= budget ? `✓ ≤ ${kb(budget)}` : `✗ > ${kb(budget)}`;
    if (budget !== undefined && gzip > budget) failed = true;
    console.log(
      `${name.padEnd(27)}| ${String(bodies.length).padStart(7)} | ${kb(raw).padStart(10)} | ${kb(gzip).padStart(9)} | ${verdict}`,
    );
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function waitForServer(url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not start at ${url}`);
}
