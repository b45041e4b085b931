// npm run bench:diagram: how the diagram feels with 10, 20, 100 and 300 pods, without and with 4×
// CPU throttling (DevTools protocol). A report, not a timed test. For each size it opens the
// sandbox from a share link whose setup creates a Deployment of that many pods, and measures:
//   - usable: ms from navigation until every pod is drawn and the engine is ready to act;
//   - during a 2-second drag (mouse moves fired at 60 Hz without waiting for each, as a real
//     mouse does), the frames per second in which the dragged pod visibly moved, and the p95 gap
//     between such frames.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const port = Number(process.env.PORT ?? 4173) + 9;
const base = `http://127.0.0.1:${port}`;
const sizes = (process.env.SIZES ?? '10,20,100,300').split(',').map(Number);
const throttles = [1, 4];

const setupFor = (pods) => `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${pods}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts:
        - name: cache
          mountPath: /cache
      volumes:
      - name: cache
        emptyDir: {}
EOF
`;

function encodeSetup(script) {
  return Buffer.from(script, 'utf8').toString('base64url');
}

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
const rows = [];
const lessonRows = [];
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
  for (const throttle of throttles) {
    for (const pods of sizes) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(`${base}/en/sandbox?setup=${encodeSetup(setupFor(pods))}`);
      const usable = await page.waitForFunction(
        (count) => {
          const drawn = document.querySelectorAll('.react-flow__node[data-id^="pod:"]').length;
          const viewport = document.querySelector('.react-flow__viewport');
          return drawn >= count &&
            viewport &&
            !/translate\(0px, 0px\) scale\(1\)/.test(viewport.style.transform)
            ? performance.now()
            : false;
        },
        pods,
        { timeout: 120_000, polling: 'raf' },
      );
      const usableMs = await usable.jsonValue();
      const drag = await measureDrag(page, cdp);
      rows.push({ throttle, pods, usableMs, ...drag });
      console.error(`measured ${pods} pods at ${throttle}×`);
      await context.close();
    }
  }
  // A lesson page: its scenario's cluster was built at build time, so the diagram draws without
  // the engine (which loads on the first hover, touch or focus). Timed from navigation, with the
  // page scrolled to the simulator at once.
  for (const throttle of throttles) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${base}/en/cluster-and-nodes`);
    // Its simulator loads as it nears the viewport: go straight to it, as a learner following a link would.
    await page
      .locator('.simulator-placeholder')
      .first()
      .scrollIntoViewIfNeeded({ timeout: 10_000 })
      .catch(() => {});
    const drawn = await page.waitForFunction(
      () => {
        const viewport = document.querySelector('.react-flow__viewport');
        return document.querySelectorAll('.react-flow__node[data-id^="pod:"]').length >= 3 &&
          viewport &&
          !/translate\(0px, 0px\) scale\(1\)/.test(viewport.style.transform)
          ? performance.now()
          : false;
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    lessonRows.push({ throttle, drawnMs: await drawn.jsonValue() });
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}

console.log('| CPU | pods | usable after | visible drag updates/s | p95 gap between updates |');
console.log('|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.throttle}× | ${row.pods} | ${Math.round(row.usableMs)} ms | ${row.updatesPerSecond.toFixed(1)} | ${row.p95Gap.toFixed(1)} ms |`,
  );
}

/** Drags the first pod for 2 s in a zigzag and back to where it started (so nothing moves). */
async function measureDrag(page, cdp) {
  const pod = page.locator('.react-flow__node[data-id^="pod:"]').first();
  await pod.scrollIntoViewIfNeeded();
  const box = await pod.boundingBox();
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(() => {
    const element = document.querySelector('.react-flow__node[data-id^="pod:"]');
    const state = { changes: [], stop: false };
    window.__dragSamples = state;
    let last = element.style.transform;
    const tick = (time) => {
      const now = element.style.transform;
      if (now !== last) {
        state.changes.push(time);
        last = now;
      }
      if (!state.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const send = (type, point) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x: point.x,
      y: point.y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: 1,
    });
  await send('mousePressed', start);
  const moves = 120; // 2 s at 60 Hz
  const sent = [];
  const began = Date.now();
  for (let i = 1; i <= moves; i++) {
    const phase = (i / moves) * Math.PI * 4;
    const point = { x: start.x + Math.sin(phase) * 160 + 10, y: start.y + Math.sin(phase * 2) * 40 };
    sent.push(send('mouseMoved', point)); // not awaited: a real mouse does not wait either
    const due = began + (i * 1000) / 60;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  }
  await Promise.all(sent);
  await send('mouseReleased', start);
  const changes = await page.evaluate(() => {
    window.__dragSamples.stop = true;
    return window.__dragSamples.changes;
  });
  const gaps = changes
    .slice(1)
    .map((t, i) => t - changes[i])
    .sort((a, b) => a - b);
  const span = changes.length > 1 ? (changes.at(-1) - changes[0]) / 1000 : 1;
  return {
    updatesPerSecond: changes.length / Math.max(span, 0.001),
    p95Gap: gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] : Number.NaN,
  };
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

console.log('');
console.log('| CPU | lesson page with a simulator (3 pods, cluster built at build time) |');
console.log('|---|---|');
for (const row of lessonRows)
  console.log(`| ${row.throttle}× | diagram drawn after ${Math.round(row.drawnMs)} ms |`);
