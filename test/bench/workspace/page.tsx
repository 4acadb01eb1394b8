import { createRoot } from 'react-dom/client';
import { DEMO_AGENTS, DEMO_GROUPS } from '../../../server/seed/catalog';
import { AgentWorkspace } from '../../../renderer/src/app/AgentWorkspace';
import { DbProvider } from '../../../renderer/src/app/db-context';
import { useAppStore } from '../../../renderer/src/app/store';
import '../../../renderer/src/app/styles.css';
import { TierdeskDb } from '../../../renderer/src/db/db';
import { toRecord } from '../../../renderer/src/db/ticket-record';
import { ActionsProvider } from '../../../renderer/src/features/actions/actions-context';
import type { ViewKey } from '../../../renderer/src/features/queue/views';
import { mutate } from '../../../renderer/src/sync/mutate';
import { NO_FILTERS } from '../../../renderer/src/features/queue/query/filter-ids';
import { runTicketQuery } from '../../../renderer/src/features/queue/query/ticket-query';
import { forecastComputedAt } from '../../../renderer/src/features/queue/forecast/forecast-store';
import { generateTickets } from './generate-tickets';

/**
 * The real workspace (AgentWorkspace and everything under it) on real
 * IndexedDB in Chromium, driven by test/bench/workspace.bench.ts. Tickets are
 * generated and written straight into IndexedDB (seeding 100k through the
 * server takes minutes); the sync engine is not running.
 */
const agent = DEMO_AGENTS.find((a) => a.id === 'agent-l1')!;
const db = new TierdeskDb('bench-workspace');
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Resolves with the time of the first frame at which `ready()` holds. */
async function until(ready: () => boolean, what: () => string, timeoutMs = 30_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    const at = await frame();
    if (ready()) return at;
    if (at - start > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
  }
}

const heading = () => document.getElementById('queue-heading')?.textContent ?? '';
const rows = () => document.querySelectorAll('[data-ticket]');
/** The list shows a finished count and at least one row (or the empty text). */
const settled = (before: string) => () => heading() !== before && /\(\d[\d,]*\)/.test(heading()) && (rows().length > 0 || !!document.querySelector('.empty:not(.loading)'));

function mount(view: ViewKey) {
  useAppStore.getState().setView(view);
  createRoot(document.getElementById('root')!).render(
    <DbProvider db={db}>
      <ActionsProvider actions={{ agent, mutate: (name, args) => mutate(db, agent, name, args) }}>
        <div className="workspace">
          <AgentWorkspace agent={agent} onSyncNow={() => {}} />
        </div>
      </ActionsProvider>
    </DbProvider>,
  );
}

const bench = {
  async seed(count: number) {
    const start = performance.now();
    await db.groups.bulkPut(DEMO_GROUPS);
    await db.agents.bulkPut(DEMO_AGENTS);
    const now = Date.now();
    // Written in the order a snapshot brings them (the end of the id, then the id): each bucket of the store is written once (db/buckets).
    const records = [];
    for (let from = 0; from < count; from += 5000) records.push(...generateTickets(Math.min(5000, count - from), now, from + 1, from).map((t) => toRecord(t)));
    const order = (id: string) => `${id.slice(-3)}${id}`;
    records.sort((a, b) => (order(a.id) < order(b.id) ? -1 : order(a.id) > order(b.id) ? 1 : 0));
    for (let from = 0; from < count; from += 5000) await db.tickets.bulkPut(records.slice(from, from + 5000));
    return { ms: performance.now() - start, stored: await db.tickets.count() };
  },

  /** Time from navigation start to the first painted row (the page mounts itself when loaded with ?view=). */
  async firstPaint() {
    const at = await until(() => rows().length > 0, () => 'the first row');
    return { ms: at, rows: rows().length };
  },

  async switchView(view: ViewKey) {
    const before = heading();
    const start = performance.now();
    useAppStore.getState().setView(view);
    const at = await until(settled(before), () => `the list after "${before}" (now "${heading()}")`);
    return { ms: at - start, heading: heading() };
  },

  async filter(patch: Record<string, unknown> | null) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const before = heading();
    const start = performance.now();
    if (patch) useAppStore.getState().setFilters(patch);
    else useAppStore.getState().clearFilters();
    const at = await until(settled(before), () => `the list after "${before}" (now "${heading()}")`);
    await frame();
    observer.disconnect();
    return { ms: at - start, heading: heading(), longestTaskMs: Math.max(0, ...longTasks) };
  },

  /** Waits for the background forecast sweep's first run (it starts 8 s after mounting and reads many records). */
  async forecastDone() {
    await until(() => forecastComputedAt() !== null, () => 'the forecast sweep', 120_000);
  },

  /** The query engine alone (ids of a view with filters, no rendering), for comparison with the on-screen switch. */
  async query(view: ViewKey, filters: Record<string, unknown>) {
    const start = performance.now();
    const ids = await runTicketQuery(db, { view, sort: 'due', filters: { ...NO_FILTERS, ...filters } }, { agent, groups: DEMO_GROUPS, nowMs: Date.now(), forecastRisk: new Set() });
    return { ms: performance.now() - start, count: ids.length };
  },

  /** Scrolls the list for `ms` with the 1 Hz ticker running; long tasks from a PerformanceObserver. */
  async scroll(ms: number, stepPx: number) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const scroller = document.querySelector('.queue-scroll')!;
    let maxRows = 0;
    let frames = 0;
    let placeholders = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      scroller.scrollTop += stepPx;
      await frame();
      frames++;
      maxRows = Math.max(maxRows, rows().length);
      placeholders += document.querySelectorAll('.queue-row--loading').length;
    }
    await frame();
    observer.disconnect();
    return { frames, maxRows, longTasks, scrolledTo: scroller.scrollTop, placeholdersPerFrame: placeholders / frames };
  },

  /**
   * A local edit of a visible ticket's title through the real mutate (outbox
   * + optimistic view), until its row shows it: when the row's DOM has the
   * new title (ready for the next frame), and the frame that paints it.
   */
  /** `settleMs` between writes: an agent acts every few seconds at most, so the previous write's live queries (list, counts) have settled; 0 measures writes back to back. */
  async writes(n: number, settleMs: number) {
    const rendered: number[] = [];
    const painted: number[] = [];
    const commit: number[] = [];
    for (let i = 0; i < n; i++) {
      if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
      const row = rows()[i % Math.min(10, rows().length)] as HTMLElement;
      const ticket = (await db.tickets.where('number').equals(row.dataset.ticket!).first())!;
      const title = `Edited ${i} ${ticket.title.replace(/^Edited \d+ /, '')}`.slice(0, 200);
      const shown = () => document.querySelector(`[data-ticket="${ticket.number}"] .title`)?.textContent;
      // The moment React puts the new title into the row: a MutationObserver's callback runs right after that DOM change.
      let inDom = NaN;
      const observer = new MutationObserver(() => {
        if (Number.isNaN(inDom) && shown() === title) inDom = performance.now();
      });
      observer.observe(document.getElementById('root')!, { subtree: true, childList: true, characterData: true });
      const start = performance.now();
      // Watched from the moment of the write, as the agent sees it: the row may show it before the commit is durable.
      const write = mutate(db, agent, 'updateFields', { ticketId: ticket.id, baseVersion: ticket.version, fields: { title } });
      let committed = NaN;
      void write.then(() => (committed = performance.now()));
      const at = await until(() => shown() === title, () => `${ticket.number} to show "${title}" (shows "${shown()}")`);
      await write;
      observer.disconnect();
      rendered.push(inDom - start);
      painted.push(at - start);
      commit.push(committed - start);
    }
    return { rendered, painted, commit };
  },
};

declare global {
  interface Window {
    workspaceBench: typeof bench;
  }
}
window.workspaceBench = bench;
const view = new URLSearchParams(location.search).get('view');
if (view) mount(view as ViewKey);
