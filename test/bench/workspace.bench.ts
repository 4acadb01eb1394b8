import type { Page } from 'playwright-core';
import { startStaticHost } from '../../scripts/lib/static-host';
import { freePort, launchChromium } from '../e2e/support';
import { quantile, type Benchmark, type BenchRow } from './harness';
import { buildWorkspacePage } from './workspace/build';

/** The workspace's search debounce (use-ticket-list.ts). */
const SEARCH_DEBOUNCE_MS = 150;

const TICKETS = Number(process.env.BENCH_WORKSPACE_TICKETS ?? 100_000);
const NAME = 'workspace (Chromium, real IndexedDB)';
const NOTES = `${TICKETS.toLocaleString('en')} generated tickets written straight into IndexedDB in the page (not through the server); the real AgentWorkspace, signed in as the demo L1 agent`;

const p = (values: number[], q: number) => quantile([...values].sort((a, b) => a - b), q);
const row = (metric: string, value: number, unit: string, target?: string, met?: boolean, notes?: string): BenchRow => ({
  benchmark: NAME,
  metric,
  value,
  unit,
  ...(target ? { target } : {}),
  ...(met !== undefined ? { met } : {}),
  ...(notes ? { notes } : {}),
});

async function reloadInto(page: Page, url: string, view: string): Promise<{ ms: number; rows: number }> {
  await page.goto(`${url}/index.html?view=${encodeURIComponent(view)}`);
  await page.waitForFunction(() => 'workspaceBench' in window);
  return page.evaluate(() => window.workspaceBench.firstPaint());
}

async function run(): Promise<BenchRow[]> {
  const root = await buildWorkspacePage();
  const host = await startStaticHost({ root, port: await freePort(), config: {} });
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.on('pageerror', (e) => console.error(`[bench page] ${e.message}`));
    await page.goto(`${host.url}/index.html`);
    await page.waitForFunction(() => 'workspaceBench' in window);
    const seeded = await page.evaluate((n) => window.workspaceBench.seed(n), TICKETS);
    rows.push(row('seed (generate + write)', seeded.ms, 'ms', undefined, undefined, `${seeded.stored} tickets stored; ${NOTES}`));

    // Reload → first painted row, for a small view and for the biggest one (every open ticket).
    for (const [view, label] of [['mine', 'My work'], ['all', 'All open']] as const) {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) samples.push((await reloadInto(page, host.url, view)).ms);
      rows.push(row(`reload → first list paint, ${label} (p50)`, p(samples, 0.5), 'ms', '≤ 300 ms', p(samples, 0.5) <= 300, `from navigation start, JS load included; 5 reloads, max ${Math.round(Math.max(...samples))} ms`));
    }

    // View switches: the first visit reads the view's ids from an index (cold), a later one reuses them (warm).
    await reloadInto(page, host.url, 'mine');
    // The forecast sweep (every 5 min, first 8 s after start) reads many records; measure beside it, not during it.
    await page.evaluate(() => window.workspaceBench.forecastDone());
    // What the open workspace holds: the tickets' index fields and indexes in memory (db/buckets), caches, the React tree.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    rows.push(row('JS heap after start, settled', Math.round(heap.usedSize / 2 ** 20), 'MB', undefined, undefined, `after a forced GC, My work shown, forecast swept; ${TICKETS} tickets`));
    await cdp.detach();
    const views = ['pending', 'risk', 'breached', 'paused', 'group:service-desk', 'tier:L2', 'all', 'mine'];
    const cold: number[] = [];
    const warm: number[] = [];
    for (const view of views) cold.push((await page.evaluate((v) => window.workspaceBench.switchView(v as never), view)).ms);
    for (const view of views) warm.push((await page.evaluate((v) => window.workspaceBench.switchView(v as never), view)).ms);
    const each = views.map((v, i) => `${v} ${Math.round(cold[i]!)}`).join(', ');
    rows.push(row('view switch, first visit (p50)', p(cold, 0.5), 'ms', '≤ 50 ms', p(cold, 0.5) <= 50, `ms per view: ${each}`));
    rows.push(row('view switch, revisit (p50)', p(warm, 0.5), 'ms', '≤ 50 ms', p(warm, 0.5) <= 50, `ms per view: ${views.map((v, i) => `${v} ${Math.round(warm[i]!)}`).join(', ')}`));

    // Filter and search switches on All open (every open ticket).
    await page.evaluate(() => window.workspaceBench.switchView('all'));
    const filters: Array<Record<string, unknown> | null> = [
      { category: 'network' },
      { priority: 'P1' },
      { vip: true },
      null,
      { text: 'vpn' },
      { text: 'vpn drops' },
      { requester: 'zoe' },
      null,
      { severity: 'S1', category: 'payments' },
      null,
    ];
    const filterMs: number[] = [];
    const searchMs: number[] = [];
    const engineMs: number[] = [];
    for (const f of filters) {
      const typed = f !== null && ('text' in f || 'requester' in f);
      const { ms } = await page.evaluate((x) => window.workspaceBench.filter(x), f);
      // Typed filters wait for a pause in typing first (by design); that wait is not the answer time.
      if (typed) searchMs.push(ms - SEARCH_DEBOUNCE_MS);
      else filterMs.push(ms);
      if (f) engineMs.push((await page.evaluate((x) => window.workspaceBench.query('all', x), f)).ms);
    }
    rows.push(row('filter switch on All open (p50)', p(filterMs, 0.5), 'ms', '≤ 50 ms', p(filterMs, 0.5) <= 50, `p95 ${Math.round(p(filterMs, 0.95))} ms; category, priority, VIP, severity+category, clear`));
    rows.push(row('search on All open, after the typing pause (p50)', p(searchMs, 0.5), 'ms', '≤ 50 ms', p(searchMs, 0.5) <= 50, `"vpn", "vpn drops", requester "zoe": ${searchMs.map((ms) => Math.round(ms)).join(', ')} ms; the ${SEARCH_DEBOUNCE_MS} ms debounce is subtracted`));
    rows.push(row('query engine alone, view + filters → ids (p50)', p(engineMs, 0.5), 'ms', undefined, undefined, `p95 ${Math.round(p(engineMs, 0.95))} ms; index lookups and id-set intersection, no rendering`));

    // Recently resolved: a search there reads the resolved tickets' records (they carry no search words in the index).
    await page.evaluate(() => window.workspaceBench.switchView('resolved'));
    const resolvedMs: number[] = [];
    const resolvedEngineMs: number[] = [];
    let resolvedLongest = 0;
    for (const f of [{ text: 'vpn' }, null, { requester: 'zoe' }, null, { text: 'vpn drops' }, null, { text: 'printer' }]) {
      const { ms, longestTaskMs } = await page.evaluate((x) => window.workspaceBench.filter(x), f);
      resolvedLongest = Math.max(resolvedLongest, longestTaskMs);
      if (!f) continue;
      resolvedMs.push(ms - SEARCH_DEBOUNCE_MS);
      resolvedEngineMs.push((await page.evaluate((x) => window.workspaceBench.query('resolved', x), f)).ms);
    }
    await page.evaluate(() => window.workspaceBench.filter(null));
    const [firstResolved, ...laterResolved] = resolvedMs;
    rows.push(row('search in Recently resolved, after the typing pause (p50)', p(laterResolved, 0.5), 'ms', undefined, undefined, `the first search ${Math.round(firstResolved!)} ms (reads every resolved ticket once); engine alone p50 ${Math.round(p(resolvedEngineMs, 0.5))} ms; matched in memory; longest task ${Math.round(resolvedLongest)} ms`));
    await page.evaluate(() => window.workspaceBench.switchView('all'));

    // Scrolling All open with the ticker running.
    const scroll = await page.evaluate(() => window.workspaceBench.scroll(5000, 120));
    const worst = Math.max(0, ...scroll.longTasks);
    rows.push(row('scroll 5 s, long tasks > 50 ms', scroll.longTasks.filter((d) => d > 50).length, 'tasks', '0', scroll.longTasks.every((d) => d <= 50), `longest task ${Math.round(worst)} ms; ${scroll.frames} frames; ${scroll.placeholdersPerFrame.toFixed(1)} loading rows per frame on average`));
    rows.push(row('scroll 5 s, most rows mounted', scroll.maxRows, 'rows', '≤ ~30', scroll.maxRows <= 32));

    // Local write (real mutate: outbox + optimistic view) → its row shows the new title.
    await page.evaluate(() => window.workspaceBench.switchView('mine'));
    // One write every 1.1 s (past the counts' 1 s recount): faster than any agent acts, slow enough for the last write's live reads to settle.
    const writes = await page.evaluate(() => window.workspaceBench.writes(40, 1100));
    // The row's DOM is what the app controls; the frame that paints it then comes at the display's next refresh (every 16.7 ms at 60 Hz), which no app can hurry.
    rows.push(row('local write → row updated (p95)', p(writes.rendered, 0.95), 'ms', 'p95 < 16 ms', p(writes.rendered, 0.95) < 16, `p50 ${p(writes.rendered, 0.5).toFixed(1)} ms; from the call until the row's DOM has the new title, ready for the next frame (the row echoes the write while it commits); a write every 1.1 s`));
    rows.push(row('local write → frame painting it (p95)', p(writes.painted, 0.95), 'ms', undefined, undefined, `p50 ${p(writes.painted, 0.5).toFixed(1)} ms; adds the wait for the display's next frame (0–16.7 ms at 60 Hz)`));
    rows.push(row('local write → durable commit (p95)', p(writes.commit, 0.95), 'ms', undefined, undefined, `p50 ${p(writes.commit, 0.5).toFixed(1)} ms: outbox + view in one strict-durability transaction; the dialog closes after this`));
    const burst = await page.evaluate(() => window.workspaceBench.writes(30, 0));
    rows.push(row('local writes back to back → row updated (p95)', p(burst.rendered, 0.95), 'ms', undefined, undefined, `p50 ${p(burst.rendered, 0.5).toFixed(1)} ms, commit p95 ${p(burst.commit, 0.95).toFixed(1)} ms: each write waits behind the live re-reads the previous one caused`));
  } finally {
    await browser.close();
    await host.close();
  }
  return rows;
}

export const benchmarks: Benchmark[] = [{ name: 'workspace-chromium', run }];
