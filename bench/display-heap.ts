/**
 * Does the wall display run a whole day without growing? A real server (in-memory demo hall,
 * every window open) makes N calls through the REST API — a ticket issued, then the window's
 * "next" — while Chromium shows /display with sound on (the kiosk flag, so the announcement
 * queue is really playing). At checkpoints the page's JS heap is measured after a forced GC
 * (Chrome DevTools Protocol), with its DOM node and event-listener counts.
 *
 *   npx tsx bench/display-heap.ts              # 10,000 calls
 *   npx tsx bench/display-heap.ts --calls 2000
 *
 * Exits 1 if the heap grew by more than 5 MB between the warm-up and the end, or DOM nodes by
 * more than 200: a leak, not noise.
 */
import type { CDPSession } from 'playwright-core';
import type { Snapshot, Ticket } from '../shared/schemas';
import { api, login, startTestServer } from '../test/support/server';
import { ensureDisplayBuilt, launchChromium } from '../test/e2e/display/support';

const args = process.argv.slice(2);
const CALLS = Number(args[args.indexOf('--calls') + 1]) || 10_000;
const WARM_UP = Math.min(200, CALLS);
const MAX_HEAP_GROWTH_MB = 5;
const MAX_NODE_GROWTH = 200;

interface Sample {
  calls: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  seconds: number;
}

async function measure(cdp: CDPSession, calls: number, startedAt: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    calls,
    heapMB: heap.usedSize / 1024 / 1024,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    seconds: (Date.now() - startedAt) / 1000,
  };
}

async function main(): Promise<void> {
  await ensureDisplayBuilt();
  const server = await startTestServer();
  const browser = await launchChromium({ autoplay: true });
  let exitCode = 0;
  try {
    const snapshot = (await api<Snapshot>(server.url, 'GET', '/api/snapshot')).body;
    // Every window open; each queue called by the windows that have it as primary, in turn.
    const tokens = new Map<number, string>();
    const windowsOf = new Map<string, number[]>();
    for (const w of snapshot.windows) {
      const token = await login(server.url, `c${String(w.no).padStart(2, '0')}`, '1234');
      await api(server.url, 'POST', `/api/windows/${w.no}/session`, { token });
      tokens.set(w.no, token);
      for (const m of w.mapping) if (m.role === 'primary') windowsOf.set(m.queue, [...(windowsOf.get(m.queue) ?? []), w.no]);
    }
    const queues = snapshot.queues.map((q) => q.code).filter((q) => windowsOf.has(q));
    const perQueue = Math.ceil(CALLS / queues.length);
    if (perQueue > 999) throw new Error(`${CALLS} calls need ${perQueue} numbers per queue; the demo queues have 999`);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    let audioRequests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/audio/call/')) audioRequests++;
    });
    await page.goto(`${server.url}/display`);
    await page.locator('.wall[data-status="live"]').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const checkpoints = new Set([WARM_UP, ...[0.25, 0.5, 0.75, 1].map((f) => Math.round(CALLS * f))]);
    const samples: Sample[] = [];
    const startedAt = Date.now();
    let last: Ticket | null = null;
    for (let i = 1; i <= CALLS; i++) {
      const queue = queues[i % queues.length]!;
      const windows = windowsOf.get(queue)!;
      const no = windows[Math.floor(i / queues.length) % windows.length]!;
      const issued = await api<Ticket>(server.url, 'POST', '/api/tickets', { body: { queue } });
      if (issued.status !== 201) throw new Error(`issue ${queue}: ${issued.status} ${JSON.stringify(issued.body)}`);
      const called = await api<Ticket>(server.url, 'POST', `/api/windows/${no}/next`, { token: tokens.get(no)!, body: {} });
      if (called.status !== 200) throw new Error(`next at ${no}: ${called.status} ${JSON.stringify(called.body)}`);
      last = called.body;
      server.clock.advance(2000); // 10,000 calls = five and a half hours of hall time
      if (checkpoints.has(i)) {
        // Let the page catch up with the last call before measuring.
        const expected = last.number;
        await page.waitForFunction(`document.querySelector('[data-testid="hero-number"]')?.textContent === ${JSON.stringify(expected)}`);
        const sample = await measure(cdp, i, startedAt);
        samples.push(sample);
        console.log(
          `${String(sample.calls).padStart(6)} calls  heap ${sample.heapMB.toFixed(2)} MB  nodes ${sample.nodes}  listeners ${sample.listeners}  (${sample.seconds.toFixed(0)} s)`,
        );
      }
    }
    const first = samples[0]!;
    const end = samples[samples.length - 1]!;
    const growth = end.heapMB - first.heapMB;
    console.log(
      `\nafter ${end.calls} calls: heap ${end.heapMB.toFixed(2)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB since ${first.calls}), ` +
        `DOM nodes ${first.nodes} → ${end.nodes}, listeners ${first.listeners} → ${end.listeners}, announcements fetched ${audioRequests}`,
    );
    if (growth > MAX_HEAP_GROWTH_MB || end.nodes - first.nodes > MAX_NODE_GROWTH) {
      console.error('FAIL: the page grows with the number of calls');
      exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(exitCode);
}

await main();
