import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider, type RawBuilder } from 'kysely';

/**
 * Migrations run in order, each once, on both dialects; names sort in the
 * order they must run. Written with the schema builder and portable types
 * (text, integer, bigint; JSON kept as text) so SQLite and PostgreSQL share
 * one history. Never edit a migration that has shipped; add the next one.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('tier', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('tier', 'text')
        .addColumn('groups', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tickets_group').on('tickets').columns(['group_id', 'status']).execute();
      await db.schema
        .createTable('ticket_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'seq']).unique().execute();
      await db.schema
        .createTable('kb_articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('policies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      // One row per synced entity (or immutable event), re-stamped with a new
      // rev on every change: pull reads it in rev order, so deltas are an
      // index range scan and a bootstrap pages through it without loading all.
      await db.schema
        .createTable('change_log')
        .addColumn('rev', 'bigint', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text')
        .addColumn('client_id', 'text')
        .execute();
      await db.schema.createIndex('change_log_entity').on('change_log').columns(['kind', 'entity_id']).unique().execute();
      await db.schema
        .createTable('clients')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('refused_mutations')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('mutation_id', 'bigint', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('args', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('refused_mutations_pk', ['client_id', 'mutation_id'])
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'bigint')
        .execute();
      await db.schema.createIndex('notifications_status').on('notifications').columns(['status', 'created_at']).execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('login_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'at']).execute();
      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into counters (name, value) values ('rev', 0), ('ticket_number', 0), ('audit_seq', 0)`.execute(db);
    },
  },
  '0002_escalation_schedule': {
    // The escalation runner's schedule: when each ticket's next matrix step or
    // time rule comes due, and whether that is still to be worked out (every
    // ticket write or new log entry sets `next_action_stale` again).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('tickets').addColumn('next_action_at', 'bigint').execute();
      await db.schema.alterTable('tickets').addColumn('next_action_stale', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.createIndex('tickets_next_action_at').on('tickets').column('next_action_at').execute();
      await db.schema.createIndex('tickets_next_action_stale').on('tickets').column('next_action_stale').execute();
    },
  },
  '0003_snapshot': {
    // A bootstrap snapshot (server/sync/snapshot.ts) pages through tickets by
    // the end of their id, then id (the order the client's buckets go by),
    // and reads each page's audit entries by ticket.
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id', 'seq']).execute();
      await sql`create index tickets_snapshot on tickets (${idSuffix(db)}, id)`.execute(db);
    },
  },
};

/**
 * The last three characters of a ticket id (a column reference or a
 * value), as the snapshot orders by it (and as the client buckets tickets:
 * renderer/src/db/buckets). Spelled per dialect (SQLite has no right()); an
 * index on it must use the same spelling.
 */
export function idSuffix(db: Kysely<unknown>, of: RawBuilder<unknown> = sql.ref('id')): RawBuilder<string> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql<string>`right(${of}, 3)` : sql<string>`substr(${of}, -3)`;
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
