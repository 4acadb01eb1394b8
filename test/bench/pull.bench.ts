import 'fake-indexeddb/auto';
import { TierdeskDb } from '../../renderer/src/db/db';
import { ApiClient } from '../../renderer/src/sync/api-client';
import { pullAll } from '../../renderer/src/sync/puller';
import { startStaticHost } from '../../scripts/lib/static-host';
import { freePort, launchChromium } from '../e2e/support';
import { buildBenchPage } from './browser/build';
import { timeItAsync, type Benchmark, type BenchRow } from './harness';
import { startBenchServer } from './support';

const SIZES = [10_000, 50_000];

async function pullInNode(n: number): Promise<BenchRow[]> {
  const server = await startBenchServer(n);
  try {
    const db = new TierdeskDb(`bench-pull-${n}-${Date.now()}`);
    const { ms, result } = await timeItAsync(() => pullAll(new ApiClient(server.api.url, server.token), db, server.agent));
    const stored = await db.tickets.count();
    db.close();
    return [
      { benchmark: 'pull → Dexie (fake-indexeddb, Node)', metric: `N=${n} time`, value: ms, unit: 'ms' },
      {
        benchmark: 'pull → Dexie (fake-indexeddb, Node)',
        metric: `N=${n} throughput`,
        value: Math.round((stored / ms) * 1000),
        unit: 'tickets/s',
        notes: `${result.pages} pages`,
      },
    ];
  } finally {
    await server.close();
  }
}

async function pullInChromium(n: number): Promise<BenchRow[]> {
  const root = await buildBenchPage();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startBenchServer(n, [origin]);
  const host = await startStaticHost({ root, port, config: {} });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${host.url}/index.html`);
    await page.waitForFunction(() => 'tierdeskBench' in window);
    const result = await page.evaluate(
      ([url, token, name, agent]) => window.tierdeskBench.pull(url, token, name, agent),
      [server.api.url, server.token, `bench-${n}`, server.agent] as const,
    );
    return [
      { benchmark: 'pull → Dexie (IndexedDB, Chromium)', metric: `N=${n} time`, value: result.ms, unit: 'ms' },
      {
        benchmark: 'pull → Dexie (IndexedDB, Chromium)',
        metric: `N=${n} throughput`,
        value: Math.round((result.stored / result.ms) * 1000),
        unit: 'tickets/s',
      },
    ];
  } finally {
    await browser.close();
    await host.close();
    await server.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'pull-node',
    async run() {
      const rows: BenchRow[] = [];
      for (const n of SIZES) rows.push(...(await pullInNode(n)));
      return rows;
    },
  },
  {
    name: 'pull-chromium',
    async run() {
      const rows: BenchRow[] = [];
      for (const n of SIZES) rows.push(...(await pullInChromium(n)));
      return rows;
    },
  },
];
