// npm run bench: the JavaScript a first visit downloads, per page type, gzip-compressed.
// A report, not a timed test: it loads each page of the production build (already built by the
// npm script) in the system Chromium, records every script response, and gzips each body (-9).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = Number(process.env.PORT ?? 4173) + 7;
const base = `http://127.0.0.1:${port}`;
// A lesson's first visit loads its text; its simulators load as the learner scrolls to them
// ("lesson + simulator": after scrolling to the first one). A simulator draws its cluster without
// the engine (which loads on the first interaction), so that budget covers the app, React Flow,
// the diagram and the scenario's built cluster.
const budgets = { lesson: 100 * 1024, 'lesson + simulator': 170 * 1024, sandbox: 170 * 1024 };
const pageTypes = [
  ['lesson', '/en/what-is-kubernetes'],
  ['lesson (Korean)', '/ko/what-is-kubernetes'],
  ['lesson + simulator', '/en/cluster-and-nodes'],
  ['lesson + simulator (Korean)', '/ko/cluster-and-nodes'],
  ['sandbox', '/en/sandbox'],
  ['not-found page', '/en/no-such-page'],
];
// Every other lesson page too, scrolled to its first simulator: the heaviest is reported.
const otherLessons = readdirSync('dist/en')
  .filter((file) => file.endsWith('.html') && file !== 'sandbox.html')
  .map((file) => `/en/${file.replace(/\.html$/, '')}`)
  .filter((path) => !pageTypes.some(([, known]) => known === path));

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
  const measured = [];
  for (const [name, path] of [...pageTypes, ...otherLessons.map((path) => [`lesson ${path}`, path])]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.locator('h1').waitFor();
    if (name.includes('simulator') || name.startsWith('lesson /') || name === 'sandbox') {
      await page.locator('.simulator-placeholder, .kvl-simulator').first().scrollIntoViewIfNeeded();
      await page.locator('.react-flow__node').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    const bodies = await Promise.all(scripts);
    const raw = bodies.reduce((sum, body) => sum + body.length, 0);
    const gzip = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    if (name.startsWith('lesson /')) {
      measured.push({ path, count: bodies.length, raw, gzip });
      await context.close();
      continue;
    }
    const budget = budgets[name.replace(/ \(.*\)$/, '')];
    const verdict = budget === undefined ? '—' : gzip <= budget ? `✓ ≤ ${kb(budget)}` : `✗ > ${kb(budget)}`;
    if (budget !== undefined && gzip > budget) failed = true;
    console.log(
      `${name.padEnd(27)}| ${String(bodies.length).padStart(7)} | ${kb(raw).padStart(10)} | ${kb(gzip).padStart(9)} | ${verdict}`,
    );
    await context.close();
  }
  const heaviest = measured.sort((a, b) => b.gzip - a.gzip)[0];
  if (heaviest) {
    const budget = budgets['lesson + simulator'];
    if (heaviest.gzip > budget) failed = true;
    console.log(
      `${`heaviest ${heaviest.path}`.padEnd(27)}| ${String(heaviest.count).padStart(7)} | ${kb(heaviest.raw).padStart(10)} | ${kb(heaviest.gzip).padStart(9)} | ${heaviest.gzip <= budget ? '✓' : '✗ >'} ${kb(budget)}`,
    );
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
