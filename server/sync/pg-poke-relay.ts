import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PokeBus } from './poke-bus';

export const POKE_CHANNEL = 'tierdesk_poke';
const RECONNECT_MS = [250, 1000, 5000, 15_000];

/**
 * Pokes across API processes on one PostgreSQL database (several instances
 * behind a load balancer): every local poke is sent with NOTIFY, and a
 * NOTIFY from another process pokes this process's live streams. It holds
 * one connection of its own (LISTEN needs a session), reconnects with
 * backoff when that drops, and meanwhile local pokes still work; clients
 * pull on every reconnect and on their own timer, so a poke lost in a gap
 * only delays a pull.
 */
export class PgPokeRelay {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  /** Successful connections so far (1 after start; more after reconnects). */
  connections = 0;
  private retry: NodeJS.Timeout | undefined;
  private readonly stopForwarding: () => void;
  /** This process's tag on its own notifications (PostgreSQL also delivers them to the sender). */
  readonly origin = randomUUID();

  constructor(
    private readonly url: string,
    private readonly bus: PokeBus,
    private readonly onError: (message: string, error: unknown) => void = () => {},
    /** Told of every poke from another process (a commit there: the escalation runner here may have tickets to plan). */
    private readonly onRemotePoke: () => void = () => {},
  ) {
    this.stopForwarding = bus.forwardTo((rev) => this.send(rev));
  }

  /** Connects and listens; resolves once listening (or rejects if the first connection fails, after which it keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  get listening(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.stopForwarding();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== POKE_CHANNEL || !message.payload) return;
      const { origin, rev } = JSON.parse(message.payload) as { origin: string; rev: number };
      if (origin === this.origin) return;
      this.bus.deliver(rev);
      this.onRemotePoke();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${POKE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.schedule();
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.connections++;
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.closed) return;
    this.onError('poke relay lost its PostgreSQL connection; reconnecting', error);
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)]!;
    this.retry = setTimeout(() => {
      this.connect().catch((error: unknown) => this.onError('poke relay could not reconnect to PostgreSQL', error));
    }, delay);
    this.retry.unref();
  }

  private send(rev: number): void {
    const client = this.client;
    if (!client) return;
    client.query('select pg_notify($1, $2)', [POKE_CHANNEL, JSON.stringify({ origin: this.origin, rev })]).catch((error: unknown) => this.onError('poke relay could not notify', error));
  }
}
