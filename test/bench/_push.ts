import 'fake-indexeddb/auto';
import { TierdeskDb } from '../../renderer/src/db/db';
import { ApiClient } from '../../renderer/src/sync/api-client';
import { mutate } from '../../renderer/src/sync/mutate';
import { pullAll } from '../../renderer/src/sync/puller';
import { startBenchServer } from './support';
import { readClientState } from '../../renderer/src/sync/sync-state';
const server = await startBenchServer(2000);
try {
  const api = new ApiClient(server.api.url, await server.login('l1.agent@demo.test'));
  const { body } = await api.login('l1.agent@demo.test', 'demo');
  const db = new TierdeskDb(`push-${Math.random()}`);
  await pullAll(api, db, body.agent);
  const tickets = await db.tickets.where('[open+group+nextDueAt]').between([1, 'service-desk', -Infinity], [1, 'service-desk', Infinity]).toArray();
  for (let i = 0; i < 1000; i++) await mutate(db, body.agent, 'addWorkNote', { ticketId: tickets[i % tickets.length]!.id, noteId: `offline-${i}`, body: `Offline note ${i}`, visibility: 'internal' });
  let read = 0, http = 0, pull = 0; const t0 = performance.now();
  for (;;) {
    let a = performance.now();
    const rows = await db.outbox.orderBy('id').limit(500).toArray();
    const { clientId } = await db.transaction('rw', db.syncState, () => readClientState(db));
    read += performance.now() - a;
    if (!rows.length) break;
    a = performance.now();
    await api.push({ version: 1, clientId, mutations: rows.map((r) => ({ id: r.id, name: r.name, args: r.args, clientTime: r.clientTime })) });
    http += performance.now() - a;
    a = performance.now(); await pullAll(api, db, body.agent); pull += performance.now() - a;
  }
  console.log('total', (performance.now() - t0).toFixed(0), 'read', read.toFixed(0), 'http', http.toFixed(0), 'pull', pull.toFixed(0));
} finally { await server.close(); }
