import type { Generated } from 'kysely';

/** Row types of the server database (same tables on SQLite and PostgreSQL). */
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
  /** Global change sequence number of the last change: the pull cursor orders on it. */
  rev: number;
  group_id: string;
  assignee_id: string | null;
  status: string;
  updated_at: number;
  version: number;
  /** The full Ticket as JSON (validated on the way in and out). */
  data: string;
}

export interface SessionsTable {
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  agent_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
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
  sessions: SessionsTable;
  counters: CountersTable;
  meta: MetaTable;
}

export type { Generated };
