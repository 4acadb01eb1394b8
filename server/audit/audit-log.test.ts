import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { appendAudit, verifyAuditChain, type AuditEntry } from './audit-log';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ tickets: 0 });
});
afterEach(() => server.close());

const entry = (i: number): AuditEntry => ({
  at: 1_800_000_000_000 + i,
  actorId: 'agent-l1',
  action: 'mutation.addWorkNote',
  entityType: 'ticket',
  entityId: `t-${i % 3}`,
  data: { after: { note: `note ${i}` }, reason: null },
});

async function appendMany(n: number) {
  for (let i = 1; i <= n; i += 4) {
    await server.db.transaction().execute((trx) => appendAudit(trx, [i, i + 1, i + 2, i + 3].filter((k) => k <= n).map(entry)));
  }
}

describe('audit log', () => {
  test('chains entries so the whole log verifies', async () => {
    await appendMany(10);
    const report = await verifyAuditChain(server.db, 3);
    // The seed's policy entry comes first.
    expect(report).toMatchObject({ ok: true, entries: 11 });
  });

  test('names the first entry whose content was edited', async () => {
    await appendMany(10);
    await sql`update audit_log set data = ${JSON.stringify({ after: { note: 'tampered' } })} where seq = 6`.execute(server.db);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: false, brokenAt: 6, entries: 5, reason: 'content does not match its hash' });
  });

  test('names a deleted entry', async () => {
    await appendMany(10);
    await sql`delete from audit_log where seq = 4`.execute(server.db);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'entry 4 is missing' });
  });

  test('notices a rewritten entry even when its own hash was recomputed', async () => {
    await appendMany(5);
    const row = await server.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const { hashEntry } = await import('./audit-log');
    const forged = { ...row, actor_id: 'agent-lead' };
    await server.db
      .updateTable('audit_log')
      .set({ actor_id: 'agent-lead', hash: hashEntry(row.prev_hash, forged) })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
