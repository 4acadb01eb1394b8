import { Dexie, type EntityTable } from 'dexie';
import type { Agent } from '../../../shared/model/agent';
import type { TicketRecord } from './ticket-record';

export type SyncStateRow = {
  key: 'pull';
  cursor: string;
  /** Local time of the last successful exchange with the server. */
  lastSyncedAt: number | null;
  /** serverTime − local time, measured on the last exchange. */
  serverOffsetMs: number;
};

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

export class TierdeskDb extends Dexie {
  tickets!: EntityTable<TicketRecord, 'id'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  session!: EntityTable<SessionRow, 'key'>;

  constructor(name = 'tierdesk') {
    super(name);
    // Explicit, versioned schema. Add a new version() for every change; never
    // edit a shipped one (Dexie upgrades stored data from version to version).
    this.version(1).stores({
      tickets: 'id, &number, [open+nextDueAt], [open+group+nextDueAt], [open+assignee+nextDueAt], updatedAt',
      syncState: 'key',
      session: 'key',
    });
  }
}

export const db = new TierdeskDb();
