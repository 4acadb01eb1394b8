import 'fake-indexeddb/auto';
import autocannon from 'autocannon';
import type { Browser, Page } from 'playwright-core';
import { TierdeskDb } from '../../renderer/src/db/db';
import { ApiClient } from '../../renderer/src/sync/api-client';
import { mutate } from '../../renderer/src/sync/mutate';
import { pullAll } from '../../renderer/src/sync/puller';
import { pushOutbox } from '../../renderer/src/sync/pusher';
import { startStaticHost, type StaticHost } from '../../scripts/lib/static-host';
import { freePort, launchChromium } from '../e2e/support';
import { buildBenchPage } from './browser/build';
import { quantile, timeItAsync, type Benchmark, type BenchRow } from './harness';
import { startBenchServer, type BenchServer } from './support';
import { FIRST_WORK_PER_LIST } from '../../server/sync/first-work';

const BOOTSTRAP_TICKETS = Number(process.env.BENCH_BOOTSTRAP_TICKETS ?? 100_000);

async function chromiumPage(server: BenchServer, port: number): Promise<{ browser: Browser; page: Page; host: StaticHost }> {
  const host = await startStaticHost({ root: await buildBenchPage(), port, config: {} });
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${host.url}/index.html`);
  await page.waitForFunction(() => 'tierdeskBench' in window);
  void server;
  return { browser, page, host };
}

const pullInPage = (page: Page, server: BenchServer, dbName: string, count = true) =>
  page.evaluate(([url, token, name, agent, c]) => window.tierdeskBench.pull(url, token, name, agent, c), [server.api.url, server.token, dbName, server.agent, count] as const);

/** Open service-desk tickets from the first pull page (enough to write notes on; no local copy of 100k tickets). */
async function deskTicketIds(server: BenchServer, token: string): Promise<string[]> {
  const res = await fetch(`${server.api.url}/v1/pull?limit=2000`, { headers: { authorization: `Bearer ${token}` } });
  const page = (await res.json()) as { changes: Array<{ kind: string; value: { id: string; group: string; status: string } }> };
  return page.changes
    .filter((c) => c.kind === 'ticket' && c.value.group === 'service-desk' && c.value.status !== 'resolved' && c.value.status !== 'closed')
    .map((c) => c.value.id);
}

/** Someone else's desk at work: `count` notes on open desk tickets, pushed over the API like any client. */
async function otherDeskWrites(server: BenchServer, ids: readonly string[], count: number, round: number): Promise<void> {
  const token = await server.login('dana.fox@demo.test');
  const res = await fetch(`${server.api.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      version: 1,
      clientId: `bench-writer-${round}-${Math.random().toString(36).slice(2, 8)}`,
      mutations: Array.from({ length: count }, (_, i) => ({
        id: i + 1,
        name: 'addWorkNote',
        args: { ticketId: ids[i % ids.length], noteId: `bench-${round}-${i}`, body: `Round ${round} note ${i}`, visibility: 'internal' },
        clientTime: Date.now(),
      })),
    }),
  });
  if (!res.ok) throw new Error(`writer push failed: ${res.status} ${await res.text()}`);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'sync-bootstrap-chromium',
    async run() {
      const port = await freePort();
      const server = await startBenchServer(BOOTSTRAP_TICKETS, [`http://127.0.0.1:${port}`]);
      const { browser, host, page } = await chromiumPage(server, port);
      try {
        const result = await pullInPage(page, server, 'bootstrap');
        const rows: BenchRow[] = [
          { benchmark: 'bootstrap → IndexedDB (Chromium)', metric: `${result.stored} tickets`, value: result.ms, unit: 'ms', target: '≤ 10000 ms', met: result.ms <= 10_000 },
          { benchmark: 'bootstrap → IndexedDB (Chromium)', metric: 'throughput', value: Math.round((result.stored / result.ms) * 1000), unit: 'tickets/s', notes: `${result.changes} changes incl. ${result.events} log entries, ${result.pages} pages` },
        ];
        if (result.firstWork) {
          rows.push({
            benchmark: 'bootstrap → IndexedDB (Chromium)',
            metric: 'own most urgent work stored',
            value: result.firstWork.ms,
            unit: 'ms',
            notes: `${result.firstWork.tickets} tickets with their logs (mine, pending my acceptance, my groups' queues: the ${FIRST_WORK_PER_LIST} most urgent of each), before any page`,
          });
        }
        // Reports read the whole local desk (offline): on the desk just bootstrapped, with every log.
        const reports = await page.evaluate((name) => window.tierdeskBench.reports(name), 'bootstrap');
        rows.push(
          {
            benchmark: 'Reports over the whole local desk (Chromium)',
            metric: `${reports.tickets} tickets`,
            value: reports.ms,
            unit: 'ms',
            notes: `read ${Math.round(reports.readMs)} ms; ${reports.longTasks} long tasks, longest ${Math.round(reports.longestTaskMs)} ms`,
          },
        );
        // Delta pulls: 100 changes made elsewhere, then one pull; repeated.
        const samples: number[] = [];
        // Read once: a ticket that gets a note moves to the end of the change log, out of the first page.
        const ids = await deskTicketIds(server, await server.login('dana.fox@demo.test'));
        for (let round = 0; round < 15; round++) {
          await otherDeskWrites(server, ids, 50, round);
          const delta = await pullInPage(page, server, 'bootstrap', false);
          samples.push(delta.ms);
        }
        samples.sort((a, b) => a - b);
        const p95 = quantile(samples, 0.95);
        rows.push(
          { benchmark: 'delta pull (~100 changes, Chromium)', metric: 'p50', value: quantile(samples, 0.5), unit: 'ms' },
          { benchmark: 'delta pull (~100 changes, Chromium)', metric: 'p95', value: p95, unit: 'ms', target: '< 100 ms', met: p95 < 100, notes: '50 notes = 50 log entries + 50 ticket rows' },
        );
        return rows;
      } finally {
        await browser.close();
        await host.close();
        await server.close();
      }
    },
  },
  {
    name: 'sync-push-1000',
    async run() {
      const server = await startBenchServer(2000);
      try {
        const api = new ApiClient(server.api.url, await server.login('l1.agent@demo.test'));
        const { body } = await api.login('l1.agent@demo.test', 'demo');
        const db = new TierdeskDb(`push-${Math.random()}`);
        await pullAll(api, db, body.agent);
        const tickets = await db.tickets.where('[open+group+nextDueAt]').between([1, 'service-desk', -Infinity], [1, 'service-desk', Infinity]).toArray();
        for (let i = 0; i < 1000; i++) {
          await mutate(db, body.agent, 'addWorkNote', { ticketId: tickets[i % tickets.length]!.id, noteId: `offline-${i}`, body: `Offline note ${i}`, visibility: 'internal' });
        }
        const { ms } = await timeItAsync(async () => {
          while ((await pushOutbox(api, db)).sent > 0) await pullAll(api, db, body.agent);
        });
        return [{ benchmark: 'push 1,000 offline mutations', metric: 'until all applied and confirmed', value: ms, unit: 'ms', target: '< 2000 ms', met: ms < 2000 }];
      } finally {
        await server.close();
      }
    },
  },
  ...(['sqlite', 'postgres'] as const).map(
    (dialect): Benchmark => ({
      name: `sync-rps-${dialect}`,
      async run() {
        const url = process.env.TIERDESK_TEST_PG_URL;
        if (dialect === 'postgres' && !url) {
          return [{ benchmark: 'requests/s (postgres)', metric: 'skipped', value: NaN, unit: '', notes: 'set TIERDESK_TEST_PG_URL (scripts/ci/start-postgres.sh prints it)' }];
        }
        let dbUrl: string | undefined;
        let drop: (() => Promise<void>) | undefined;
        if (dialect === 'postgres') {
          const { createPgTestDatabase } = await import('../../server/testing/pg-test-db');
          const created = await createPgTestDatabase();
          dbUrl = created.url;
          drop = created.drop;
        }
        const server = await startBenchServer(2000, [], dbUrl);
        try {
          const token = await server.login('l1.agent@demo.test');
          const head = (await (await fetch(`${server.api.url}/v1/pull?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { cursor: string };
          const ids = (await (await fetch(`${server.api.url}/v1/pull?limit=2000`, { headers: { authorization: `Bearer ${token}` } })).json()) as { changes: Array<{ kind: string; value: { id: string; group: string; status: string } }> };
          const deskTickets = ids.changes.filter((c) => c.kind === 'ticket' && c.value.group === 'service-desk' && c.value.status !== 'resolved' && c.value.status !== 'closed').map((c) => c.value.id);
          void head;
          const pull = await autocannon({
            url: `${server.api.url}/v1/pull?cursor=${Math.max(0, 2000)}&limit=100`,
            headers: { authorization: `Bearer ${token}` },
            connections: 10,
            duration: 8,
          });
          let n = 0;
          const push = await autocannon({
            url: `${server.api.url}/v1/push`,
            connections: 10,
            duration: 8,
            requests: [
              {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                setupRequest: (req) => {
                  n++;
                  const ticketId = deskTickets[n % deskTickets.length]!;
                  return {
                    ...req,
                    body: JSON.stringify({
                      version: 1,
                      clientId: `bench-${dialect}-${n}-${Math.random().toString(36).slice(2, 8)}`,
                      mutations: [{ id: 1, name: 'addWorkNote', args: { ticketId, noteId: `rps-${n}-${Math.random()}`, body: 'Load test note', visibility: 'internal' }, clientTime: Date.now() }],
                    }),
                  };
                },
              },
            ],
          });
          return [
            { benchmark: `pull requests/s (${dialect})`, metric: 'delta page of 100, 10 connections', value: pull.requests.average, unit: 'req/s', notes: `p50 ${pull.latency.p50} ms, p99 ${pull.latency.p99} ms, errors ${pull.errors + pull.non2xx}` },
            { benchmark: `push requests/s (${dialect})`, metric: '1 new note per request, 10 connections', value: push.requests.average, unit: 'req/s', notes: `p50 ${push.latency.p50} ms, p99 ${push.latency.p99} ms, errors ${push.errors + push.non2xx}` },
          ];
        } finally {
          await server.close();
          await drop?.();
        }
      },
    }),
  ),
];
