import type { Agent } from '../../../shared/model/agent';
import { TierdeskDb } from '../../../renderer/src/db/db';
import { countLogEntries } from '../../../renderer/src/db/ticket-log';
import { ApiClient } from '../../../renderer/src/sync/api-client';
import { pullAll } from '../../../renderer/src/sync/puller';
import { getActivePolicy } from '../../../renderer/src/app/policy';
import { readReportFacts } from '../../../renderer/src/features/reports/report-facts';
import { deskMetrics } from '../../../shared/metrics/desk-metrics';

const open = new Map<string, TierdeskDb>();
const dbNamed = (name: string) => {
  let db = open.get(name);
  if (!db) open.set(name, (db = new TierdeskDb(name)));
  return db;
};

/** Entry points the Chromium benchmarks call with page.evaluate, running the real renderer code on real IndexedDB. */
const bench = {
  /** Pulls everything after the database's cursor (a bootstrap the first time, a delta after); `count` the entries stored after (a full read). */
  async pull(apiBaseUrl: string, token: string, dbName: string, agent: Agent, count = true) {
    const db = dbNamed(dbName);
    const start = performance.now();
    // A bootstrap stores the agent's most urgent work first: when that was in, and how much.
    let firstWork = null as { ms: number; tickets: number } | null;
    const progress = await pullAll(new ApiClient(apiBaseUrl, token), db, agent, (p) => {
      if (p.firstWork !== undefined && !firstWork) firstWork = { ms: performance.now() - start, tickets: p.firstWork };
    });
    const ms = performance.now() - start;
    return { ms, firstWork, changes: progress.changes, pages: progress.pages, stored: await db.tickets.count(), events: count ? await countLogEntries(db) : null };
  },

  /** Reports over the whole local desk (what the Reports dialog reads and computes), with the long tasks on the way. */
  async reports(dbName: string) {
    const db = dbNamed(dbName);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const facts = await readReportFacts(db, Date.now(), getActivePolicy().policy);
    const readMs = performance.now() - start;
    const { total } = deskMetrics(facts, 'priority', -Infinity, Infinity);
    const ms = performance.now() - start;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { ms, readMs, tickets: facts.length, counted: total.tickets, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) };
  },
};

declare global {
  interface Window {
    tierdeskBench: typeof bench;
  }
}
window.tierdeskBench = bench;
