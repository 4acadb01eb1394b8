import type { Agent } from '../../../shared/model/agent';
import { TierdeskDb } from '../../../renderer/src/db/db';
import { ApiClient } from '../../../renderer/src/sync/api-client';
import { pullAll } from '../../../renderer/src/sync/puller';

/** Entry points the Chromium benchmarks call with page.evaluate, running the real renderer code on real IndexedDB. */
const bench = {
  async pull(apiBaseUrl: string, token: string, dbName: string, agent: Agent) {
    const db = new TierdeskDb(dbName);
    const start = performance.now();
    const progress = await pullAll(new ApiClient(apiBaseUrl, token), db, agent);
    const ms = performance.now() - start;
    const stored = await db.tickets.count();
    db.close();
    return { ms, changes: progress.changes, stored };
  },
};

declare global {
  interface Window {
    tierdeskBench: typeof bench;
  }
}
window.tierdeskBench = bench;
