import type { TierdeskDb } from '../db/db';
import { setServerOffset } from '../time/ticker';
import { ApiRequestError, OfflineError, type ApiClient } from './api-client';
import { pullAll } from './puller';
import type { SyncStatus } from '../features/sync-status/sync-slice';

export const PULL_INTERVAL_MS = 30_000;

export type SyncSink = {
  setSyncStatus(status: SyncStatus): void;
  setLastSyncedAt(at: number): void;
  tokenRejected(): void;
};

/** Pulls on start, every PULL_INTERVAL_MS, when the browser comes back online, and on demand. */
export class SyncController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;
  private offlineSince: number | null = null;
  private readonly onOnline = () => void this.syncNow();

  constructor(
    private readonly api: ApiClient,
    private readonly db: TierdeskDb,
    private readonly sink: SyncSink,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.syncNow(), PULL_INTERVAL_MS);
    window.addEventListener('online', this.onOnline);
    void this.syncNow();
  }

  stop(): void {
    clearInterval(this.timer);
    window.removeEventListener('online', this.onOnline);
  }

  /** One pull of everything pending; concurrent calls share the run in flight. */
  syncNow(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    this.sink.setSyncStatus({ kind: 'syncing', changes: 0 });
    try {
      await pullAll(this.api, this.db, (p) => this.sink.setSyncStatus({ kind: 'syncing', changes: p.changes }));
      const state = await this.db.syncState.get('pull');
      if (state) {
        setServerOffset(state.serverOffsetMs);
        if (state.lastSyncedAt !== null) this.sink.setLastSyncedAt(state.lastSyncedAt);
      }
      this.offlineSince = null;
      this.sink.setSyncStatus({ kind: 'idle' });
    } catch (error) {
      if (error instanceof OfflineError) {
        this.offlineSince ??= this.now();
        this.sink.setSyncStatus({ kind: 'offline', since: this.offlineSince });
      } else if (error instanceof ApiRequestError && error.status === 401) {
        this.sink.tokenRejected();
        this.sink.setSyncStatus({ kind: 'unauthorized' });
      } else {
        this.sink.setSyncStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
