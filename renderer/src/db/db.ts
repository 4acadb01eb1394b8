import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Agent, Group } from '../../../shared/model/agent';
import type { AuditEntry } from '../../../shared/model/audit-entry';
import type { KbArticle } from '../../../shared/model/kb-article';
import type { StoredEvent } from '../../../shared/model/stored-event';
import type { Ticket } from '../../../shared/model/ticket';
import type { MutationName } from '../../../shared/mutations/mutations';
import type { WorkNews } from '../sync/work-news';
import { bucketTables, type BucketEngine } from './buckets/bucket-store';
import { moveIntoBuckets } from './buckets/move-into-buckets';
import { decodeLog, mergeLog } from './ticket-log';
import { searchKeysOf } from './search-keys';
import { derivedFields, fromRecord, type TicketRecord } from './ticket-record';

export type SyncStateRow =
  | {
      key: 'pull';
      cursor: string;
      /** Local time of the last successful exchange with the server. */
      lastSyncedAt: number | null;
      /** serverTime − local time, measured on the last exchange. */
      serverOffsetMs: number;
      /** Set while the first download of the desk is under way, so one cut short and resumed is still treated as a bootstrap. */
      bootstrapping?: true;
      /** While a bootstrap downloads the desk as a snapshot: where it resumes (the last ticket id written) and the change-log position to pull from after it. */
      snapshot?: { cursor: string; after: string };
    }
  | {
      key: 'client';
      /** This installation's id towards the server (one per agent and database). */
      clientId: string;
      /** Next mutation id to hand out: ids strictly increase per client, across restarts. */
      nextMutationId: number;
      /** Highest id the server has applied or refused. */
      lastMutationId: number;
    }
  | { key: 'policy'; version: number; document: unknown }
  /** Work that came to the agent, until opened or dismissed (sync/work-news.ts). */
  | { key: 'news'; list: WorkNews[] }
  /** Whose desk this database holds: one agent on one server (see session/claim-database.ts). */
  | { key: 'owner'; agentId: string; name: string; email: string; apiBaseUrl: string };

export type SessionRow = {
  key: 'session';
  agent: Agent;
  apiBaseUrl: string;
  /** The bearer token encrypted with `tokenKey` (AES-GCM); never stored in plain text. */
  tokenCipher: ArrayBuffer | null;
  tokenIv: Uint8Array<ArrayBuffer> | null;
  tokenExpiresAt: number | null;
  /** Non-extractable WebCrypto key: usable here, never readable by script. */
  tokenKey: CryptoKey | null;
};

/** A local action not yet confirmed by the server. Never expires; deleted only when a pull shows it applied or refused. */
export type OutboxRow = {
  id: number;
  name: MutationName;
  args: unknown;
  /** Server-corrected time the agent did it. */
  clientTime: number;
  /** Ticket it acts on ('' for none), for rebasing per ticket. */
  ticketId: string;
  /** Local wall clock when queued (outbox age). */
  queuedAt: number;
};

/** A mutation the server refused, kept with everything the agent typed until they retry, edit or discard it. */
export type NeedsAttentionRow = OutboxRow & { code: string; field: string | null; reason: string; refusedAt: number };

/** A ticket-log entry as stored locally: pending = 1 for optimistic entries of unconfirmed mutations. */
export type EventRow = StoredEvent & { pending: 0 | 1 };

/** One ticket's whole log, in order (see ticket-log.ts: one record per ticket, not per entry). */
export type LogRow = { ticketId: string; events: EventRow[] };

export type DraftRow = { key: string; ticketId: string; kind: string; value: unknown; savedAt: number };

/** A stored ticket's search keys worked out again (version 7 adds the requester facet); one that cannot be read is moved as it is. */
function withRequesterFacet(record: object): object {
  const stored = record as TicketRecord;
  try {
    return { ...stored, keys: searchKeysOf(fromRecord(stored), stored.open === 1) };
  } catch (error) {
    console.warn(`ticket ${String(stored.id)}: its search keys could not be worked out again; moved as stored`, error);
    return record;
  }
}

export class TierdeskDb extends Dexie {
  tickets!: EntityTable<TicketRecord, 'id'>;
  serverTickets!: EntityTable<Ticket, 'id'>;
  logs!: EntityTable<LogRow, 'ticketId'>;
  kb!: EntityTable<KbArticle, 'id'>;
  agents!: EntityTable<Agent, 'id'>;
  groups!: EntityTable<Group, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  needsAttention!: EntityTable<NeedsAttentionRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  syncState!: Table<SyncStateRow, SyncStateRow['key']>;
  session!: EntityTable<SessionRow, 'key'>;
  /** Tickets and logs are stored in buckets with their indexes in memory (buckets/bucket-store.ts). */
  readonly buckets: BucketEngine;

  constructor(name = 'tierdesk') {
    // Strict durability: a committed outbox row is on disk before the UI says "saved".
    super(name, { chromeTransactionDurability: 'strict' });
    // Explicit, versioned schema. Add a new version() for every change; never
    // edit a shipped one (Dexie upgrades stored data from version to version).
    this.version(1).stores({
      tickets: 'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], updatedAt',
      syncState: 'key',
      session: 'key',
    });
    this.version(2).stores({
      // tickets: the view (server state + my pending changes); serverTickets: the
      // server's copy of tickets that have pending changes, the base to rebase on.
      serverTickets: 'id',
      // [ticketId+seq] also serves where('ticketId') (Dexie uses a compound index's prefix).
      events: 'id, [ticketId+seq]',
      kb: 'id, category, updatedAt',
      agents: 'id',
      groups: 'id',
      outbox: 'id, ticketId',
      needsAttention: 'id, ticketId, refusedAt',
      drafts: 'key, ticketId',
    });
    // Agent workspace: views, filters and search answered from indexes on 100k
    // tickets. `*keys` holds search words and filter facets (search-keys.ts);
    // [group+riskAt] / [group+breachAt] make "at risk / breached as of now in
    // my groups" a range per group (risk-instants.ts). Each index is paid for
    // on every sync write, so there are no more than the views need.
    // Stored tickets get the new fields on upgrade.
    this.version(3)
      .stores({
        tickets:
          'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], [open+tier+nextDueAt], updatedAt, [group+riskAt], [group+breachAt], *keys',
      })
      .upgrade((tx) =>
        tx
          .table<TicketRecord, string>('tickets')
          .toCollection()
          .modify((record) => {
            Object.assign(record, derivedFields(fromRecord(record)));
          }),
      );
    // The server's audit entries about tickets I can see (the hash-chained trail, summarised).
    this.version(4).stores({ audit: 'seq, [ticketId+seq]' });
    // A ticket's log as one record (ticket-log.ts): IndexedDB pays per record,
    // and one record per entry made a 100k bootstrap write ~800k of them.
    // Entries stored by version 4 move into their tickets' logs; version 6
    // then drops the old table (Dexie lets an upgrader read a table a later
    // version deletes).
    this.version(5)
      .stores({ logs: 'ticketId' })
      .upgrade(async (tx) => {
        // Streamed in log order, one ticket's log in memory at a time (a big desk has ~800k entries).
        const logs = tx.table<LogRow, string>('logs');
        let open: LogRow | null = null;
        // Queued in the upgrade transaction; a failed put aborts it, and the upgrade with it.
        const flush = (log: LogRow | null) => log && void logs.put({ ticketId: log.ticketId, events: mergeLog([], log.events) });
        await tx
          .table<EventRow, string>('events')
          .orderBy('[ticketId+seq]')
          .each((row) => {
            if (open?.ticketId !== row.ticketId) {
              flush(open);
              open = { ticketId: row.ticketId, events: [] };
            }
            open.events.push(row);
          });
        flush(open);
      });
    this.version(6).stores({ events: null });
    // Tickets and logs in buckets (buckets/bucket-store.ts): a 100k bootstrap
    // wrote 200k records and their index entries, a minute in Chromium; as
    // buckets it writes ~33k records and no index entries. The `tickets` and
    // `logs` stores stay, empty, for their declared indexes. Upgraders of
    // later versions must read and write these tables through the bucket
    // stores: in an upgrade transaction Dexie's tables reach the empty stores.
    this.version(7)
      .stores({ ticketBuckets: '', ticketHeads: '', logBuckets: '' })
      .upgrade(async (tx) => {
        // With the requester facet in their search keys (search-keys.ts): the Requester filter is one range.
        await moveIntoBuckets(tx, 'tickets', 'ticketBuckets', withRequesterFacet);
        await moveIntoBuckets(tx, 'logs', 'logBuckets');
      });
    this.buckets = bucketTables(this, [
      { table: 'tickets', records: 'ticketBuckets', heads: 'ticketHeads' },
      { table: 'logs', records: 'logBuckets', heads: null, decode: decodeLog },
    ]);
  }
}

export const db = new TierdeskDb();
