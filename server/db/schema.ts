import type { ColumnType } from 'kysely';

/** Row types of the server database (same tables on SQLite and PostgreSQL). JSON columns are text. */
export interface AgentsTable {
  id: string;
  email: string;
  name: string;
  role: string;
  tier: string | null;
  /** JSON array of group ids. */
  groups: string;
  password_hash: string;
  created_at: number;
}

export interface GroupsTable {
  id: string;
  name: string;
  tier: string;
  /** JSON array of category ids. */
  categories: string;
}

export interface TicketsTable {
  id: string;
  number: string;
  group_id: string;
  assignee_id: string | null;
  status: string;
  updated_at: number;
  version: number;
  /** The full Ticket as JSON (validated on the way in and out). */
  data: string;
  /** When the ticket's next escalation step comes due (escalation runner); null when none will without a new event. */
  next_action_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1 until the runner has worked out `next_action_at` for the ticket as it is now. */
  next_action_stale: ColumnType<number, number | undefined, number>;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  /** Position in the ticket's event log, from 1. */
  seq: number;
  at: number;
  type: string;
  data: string;
}

export interface KbArticlesTable {
  id: string;
  updated_at: number;
  data: string;
}

export interface PoliciesTable {
  id: string;
  version: number;
  updated_at: number;
  updated_by: string | null;
  data: string;
}

export type ChangeKind = 'ticket' | 'event' | 'kb' | 'policy' | 'refused' | 'agent' | 'group' | 'audit';

export interface ChangeLogTable {
  rev: number;
  kind: ChangeKind;
  entity_id: string;
  ticket_id: string | null;
  /** Set for changes only one client should see (its refused mutations). */
  client_id: string | null;
}

export interface ClientsTable {
  client_id: string;
  agent_id: string;
  last_mutation_id: number;
  updated_at: number;
}

export interface RefusedMutationsTable {
  client_id: string;
  mutation_id: number;
  name: string;
  args: string;
  code: string;
  field: string | null;
  reason: string;
  at: number;
}

export interface AuditLogTable {
  seq: number;
  at: number;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface NotificationsTable {
  id: string;
  ticket_id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: number;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  sent_at: number | null;
}

export interface SessionsTable {
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface LoginFailuresTable {
  id: string;
  /** "account:<email>" or "ip:<address>" */
  key: string;
  at: number;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  agents: AgentsTable;
  groups: GroupsTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  kb_articles: KbArticlesTable;
  policies: PoliciesTable;
  change_log: ChangeLogTable;
  clients: ClientsTable;
  refused_mutations: RefusedMutationsTable;
  audit_log: AuditLogTable;
  notifications: NotificationsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  counters: CountersTable;
  meta: MetaTable;
}
