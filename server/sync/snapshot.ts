import { sql, type Kysely } from 'kysely';
import type { Agent } from '../../shared/model/agent';
import { parseKbArticle } from '../../shared/model/kb-article';
import { parseTicket } from '../../shared/model/ticket';
import { PROTOCOL_VERSION } from '../../shared/errors';
import { auditSummary } from '../audit/audit-log';
import { idSuffix } from '../db/migrations';
import type { Db } from '../db/open-database';
import { loadDirectory } from '../repo/directory';
import { logDamaged, readStoredOr, skipDamaged, type DamagedSink } from '../repo/stored-record';
import { lastMutationIdOf, refusedValue } from './pull-service';

type SnapshotInput = {
  agent: Agent;
  /** Last ticket id of the previous page; '' for the first. */
  after: string;
  /** The change-log position of the first page (echoed back); null on the first page. */
  since: number | null;
  limit: number;
  clientId: string | undefined;
  nowMs: number;
  damaged?: DamagedSink;
};

/**
 * The desk as it is now, for a new computer: a page of tickets at a time,
 * each with its whole log and its audit entries, read through an index in
 * the order of the client's buckets (the end of the id, then the id) and
 * the (ticket_id, seq) index, instead of the change log. A bootstrap
 * through the change log read ~9 rows per ticket in change order (a page of
 * 2,000 changes held 230 tickets), and the client wrote each page into
 * buckets all over its store; in this order it writes each bucket once
 * (renderer/src/db/buckets).
 *
 * Consistency: the first page names the change-log position (`cursor`) at
 * which the snapshot starts, and the client pulls changes after it once
 * the snapshot is whole. A page read later may hold newer rows; the pull
 * brings them again and the client keeps the newer copy (log entries
 * merge by id), so the end state is the server's whatever happens between
 * pages. The first page also holds the directory, the policy, the
 * knowledge base and this client's refused mutations.
 *
 * Stored JSON goes out as stored (each row is checked first; a damaged one
 * is reported and left out, as in a pull page): parsing and writing it
 * again cost more than the rest of a page. A ticket's log goes as one text
 * (its entries' JSON), which the client keeps as it is until the log is
 * read; here its entries are only checked to be JSON (the client checks
 * each entry when it reads the log, and leaves out one it cannot read).
 */
export async function snapshotPage(db: Db, input: SnapshotInput): Promise<string> {
  const damaged = input.damaged ?? logDamaged;
  const { agent, after, limit } = input;
  const vendorGroups = agent.role === 'vendor_liaison' ? agent.groups : null;
  // The mutation watermark first, as in a pull page (see pull-service.ts).
  const lastMutationId = await lastMutationIdOf(db, agent, input.clientId);
  const cursor = input.since ?? (await headRev(db));
  // By the end of the id, then the id: the order the client's buckets go by (renderer/src/db/buckets), so it writes each bucket once.
  const suffix = idSuffix(db as unknown as Kysely<unknown>);
  const afterSuffix = idSuffix(db as unknown as Kysely<unknown>, sql`${after}`);
  let query = db.selectFrom('tickets').select(['id', 'data']).orderBy(suffix).orderBy('id').limit(limit + 1);
  // After the cursor (suffix, id), written so the index is searched, not scanned.
  if (after !== '') query = query.where(sql<boolean>`${suffix} >= ${afterSuffix} and (${suffix} > ${afterSuffix} or id > ${after})`);
  if (vendorGroups) query = query.where('group_id', 'in', vendorGroups.length ? vendorGroups : ['']);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  const last = page.length ? page[page.length - 1]!.id : after;

  const changes: string[] = [];
  const ids = page.map((r) => r.id);
  const events = groupBy(ids.length ? await eventRows(db, ids) : [], (r) => r.ticket_id);
  const audit = groupBy(ids.length ? await auditRows(db, ids) : [], (r) => r.entity_id);
  for (const row of page) {
    if (!readStoredOr(damaged, 'tickets', row.id, row.id, row.data, parseTicket)) continue;
    changes.push(`{"kind":"ticket","value":${row.data}}`);
    // The log as the text of its entries (the client reads them when the log is read: shared/sync/pull.ts).
    // Entries are checked to be JSON here (a damaged one would break the page) and read whole by the client when it reads the log.
    const entries = (events.get(row.id) ?? []).filter((event) => readStoredOr(damaged, 'ticket_events', event.id, event.ticket_id, event.data, (json) => json));
    if (entries.length) changes.push(`{"kind":"log","ticketId":${JSON.stringify(row.id)},"entries":${JSON.stringify(`[${entries.map((e) => e.data).join(',')}]`)}}`);
    for (const entry of audit.get(row.id) ?? []) {
      const summary = skipDamaged(damaged, () => auditSummary(entry));
      if (summary) changes.push(JSON.stringify({ kind: 'audit', value: summary }));
    }
  }
  const first = input.since === null;
  const extras = first ? await deskWide(db, input.clientId, damaged) : [];
  const remaining = first && hasMore ? (await countTickets(db, vendorGroups)) - page.length : undefined;
  return (
    `{"version":${PROTOCOL_VERSION},"cursor":"${cursor}","hasMore":${hasMore},"next":${JSON.stringify(last)},` +
    `"lastMutationId":${lastMutationId},"serverTime":${input.nowMs},"changes":[${[...extras, ...changes].join(',')}]` +
    `${remaining !== undefined ? `,"remaining":${remaining}` : ''}}`
  );
}

/** The last committed change-log position (a writer holds the counter's row until it commits). */
async function headRev(db: Db): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', 'rev').executeTakeFirstOrThrow();
  return Number(row.value);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

function eventRows(db: Db, ticketIds: readonly string[]) {
  return db.selectFrom('ticket_events').select(['id', 'ticket_id', 'data']).where('ticket_id', 'in', ticketIds).orderBy('ticket_id').orderBy('seq').execute();
}

function auditRows(db: Db, ticketIds: readonly string[]) {
  return db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'ticket').where('entity_id', 'in', ticketIds).orderBy('entity_id').orderBy('seq').execute();
}

async function countTickets(db: Db, vendorGroups: readonly string[] | null): Promise<number> {
  let query = db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n'));
  if (vendorGroups) query = query.where('group_id', 'in', vendorGroups.length ? vendorGroups : ['']);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** What the first page carries besides tickets: directory, policy, knowledge base, this client's refused mutations. */
async function deskWide(db: Db, clientId: string | undefined, damaged: DamagedSink): Promise<string[]> {
  const out: string[] = [];
  const directory = await loadDirectory(db);
  for (const value of directory.agents.values()) out.push(JSON.stringify({ kind: 'agent', value }));
  for (const value of directory.groups) out.push(JSON.stringify({ kind: 'group', value }));
  const policy = await db.selectFrom('policies').selectAll().where('id', '=', 'active').executeTakeFirst();
  if (policy) out.push(JSON.stringify({ kind: 'policy', version: policy.version, value: JSON.parse(policy.data) as unknown }));
  for (const row of await db.selectFrom('kb_articles').select(['id', 'data']).orderBy('id').execute()) {
    if (readStoredOr(damaged, 'kb_articles', row.id, null, row.data, parseKbArticle)) out.push(`{"kind":"kb","value":${row.data}}`);
  }
  if (clientId) {
    const refused = await db.selectFrom('refused_mutations').selectAll().where('client_id', '=', clientId).orderBy('mutation_id').execute();
    for (const row of refused) {
      out.push(JSON.stringify({ kind: 'refused', value: refusedValue(row) }));
    }
  }
  return out;
}

