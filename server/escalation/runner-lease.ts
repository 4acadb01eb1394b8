import pg from 'pg';

/**
 * Which API process carries out the escalation matrix. On SQLite there is
 * one process. On PostgreSQL several may serve one desk, and all of them
 * planning every written ticket and waking for every due step did the same
 * work several times over (correctly, thanks to row locks and the
 * once-per-step record, but for nothing). So one process holds a
 * PostgreSQL advisory lock and runs the matrix; the others stand by and try
 * again every `retryMs`. The lock belongs to a database session, so it is
 * let go the moment its process dies or its connection drops, and a
 * standby takes over at its next try.
 */
export type RunnerLease = {
  /** True while this process may run the matrix (tries to take the lease if it is free). */
  held(): Promise<boolean>;
  release(): Promise<void>;
};

/** Any number that names "the Tierdesk escalation runner" among the database's advisory locks. */
export const RUNNER_LOCK_KEY = 7_340_112_071;

export class PgAdvisoryLease implements RunnerLease {
  private client: pg.Client | null = null;
  private holding = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onError: (message: string, error: unknown) => void = () => {},
  ) {}

  async held(): Promise<boolean> {
    if (this.closed) return false;
    if (this.holding) return true;
    try {
      if (!this.client) this.client = await this.connect();
      const { rows } = await this.client.query<{ taken: boolean }>('select pg_try_advisory_lock($1) as taken', [RUNNER_LOCK_KEY]);
      this.holding = rows[0]?.taken === true;
    } catch (error) {
      this.onError('escalation runner lease: could not ask PostgreSQL', error);
      this.drop();
    }
    return this.holding;
  }

  async release(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.holding = false;
    // Ending the session lets the lock go (an explicit unlock first, for poolers that keep sessions).
    await client?.query('select pg_advisory_unlock($1)', [RUNNER_LOCK_KEY]).catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    // A dropped session has lost the lock with it: stop running until it is taken again.
    client.on('error', (error) => {
      this.onError('escalation runner lease: connection lost', error);
      if (this.client === client) this.drop();
    });
    client.on('end', () => {
      if (this.client === client) this.drop();
    });
    await client.connect();
    return client;
  }

  private drop(): void {
    this.holding = false;
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
  }
}
