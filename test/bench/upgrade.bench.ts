import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticHost } from '../../scripts/lib/static-host';
import { freePort, launchChromium } from '../e2e/support';
import { buildPage } from './browser/build';
import type { Benchmark, BenchRow } from './harness';

const TICKETS = Number(process.env.BENCH_UPGRADE_TICKETS ?? 100_000);
const NAME = 'upgrade to buckets (Chromium, real IndexedDB)';

/** A desk stored by schema version 6 (a record per ticket and per log) opened by this version: the one-time move into buckets (db.ts v7). */
async function run(): Promise<BenchRow[]> {
  const root = await buildPage(path.join(path.dirname(fileURLToPath(import.meta.url)), 'upgrade'), 'bench-upgrade');
  const host = await startStaticHost({ root, port: await freePort(), config: {} });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[bench page] ${e.message}`));
    await page.goto(`${host.url}/index.html`);
    await page.waitForFunction(() => 'upgradeBench' in window);
    const r = await page.evaluate((n) => window.upgradeBench.run(n), TICKETS);
    const notes = `${r.stored.tickets} tickets and ${r.stored.logs} logs (8 entries each) moved; written as version 6 stored them in ${Math.round(r.seedMs)} ms`;
    return [
      { benchmark: NAME, metric: `first start after the update, ${TICKETS} tickets`, value: Math.round(r.upgradeMs), unit: 'ms', notes },
      { benchmark: NAME, metric: 'the start after it (heads read)', value: Math.round(r.nextMs), unit: 'ms', notes: `${r.open} open tickets counted` },
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}

export const benchmarks: Benchmark[] = [{ name: 'upgrade-chromium', optIn: true, run }];
