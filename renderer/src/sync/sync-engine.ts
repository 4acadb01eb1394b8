import type { Agent } from '../../../shared/model/agent';
import type { ArgsInput, MutationName } from '../../../shared/mutations/mutations';
import type { TierdeskDb } from '../db/db';
import type { SyncStatus } from '../features/sync-status/sync-slice';
import { setServerOffset } from '../time/ticker';
import { ApiRequestError, OfflineError, type ApiClient } from './api-client';
import { ConnectionLoop, type LoopState } from './connection-loop';
import { LiveHints } from './live-hints';
import { mutate, type MutateResult } from './mutate';
import { pullAll } from './puller';
import { pushOutbox } from './pusher';
import { readPullState } from './sync-state';
import { requestPersistence, type PersistenceAnswer } from './storage-persistence';
import type { WorkNews } from './work-news';

export type SyncSink = {
  setSyncStatus(status: SyncStatus): void;
  setStoragePersistence?(answer: PersistenceAnswer): void;
  setLastSyncedAt(at: number): void;
  tokenRejected(): void;
  /** Changes a pull skipped because this version could not read them. */
  addUnreadable?(count: number): void;
  /** Work that came to this agent (a ticket given, moved to their tier, noted…), as the pull brought it. */
  workNews?(list: readonly WorkNews[]): void;
  /** Tickets the agent watches now: notes on them are news too. */
  watched?(): ReadonlySet<string>;
};

/** Wires the outbox, the connection loop and live hints for one signed-in agent. */
export class SyncEngine {
  private readonly loop: ConnectionLoop;
  private readonly hints: LiveHints | null;
  private offlineSince: number | null = null;
  private readonly onOnline = () => this.loop.now();

  constructor(
    private readonly api: ApiClient | null,
    private readonly db: TierdeskDb,
    private readonly actor: Agent,
    private readonly sink: SyncSink,
  ) {
    this.loop = new ConnectionLoop({
      push: async () => {
        if (this.api) await pushOutbox(this.api, this.db);
      },
      pull: async () => {
        if (!this.api) throw new ApiRequestError(401, 'unauthorized', 'sign in to sync');
        const progress = await pullAll(
          this.api,
          this.db,
          this.actor,
          (p) =>
            this.sink.setSyncStatus({
              kind: 'syncing',
              changes: p.changes,
              ...(p.total ? { total: p.total } : {}),
              ...(p.firstWork !== undefined ? { firstWork: p.firstWork } : {}),
              ...(p.snapshot ? { snapshot: p.snapshot } : {}),
            }),
          this.sink.watched?.(),
        );
        if (progress.unreadable) this.sink.addUnreadable?.(progress.unreadable);
        if (progress.news.length) this.sink.workNews?.(progress.news);
        const state = await readPullState(this.db);
        setServerOffset(state.serverOffsetMs);
        if (state.lastSyncedAt !== null) this.sink.setLastSyncedAt(state.lastSyncedAt);
      },
      isRetryable: (error) => !(error instanceof ApiRequestError && error.status === 401) && this.api !== null,
      onState: (state, error) => this.report(state, error),
    });
    this.hints = api
      ? new LiveHints(api, {
          onHint: () => this.loop.now(),
          onUnauthorized: () => this.unauthorized(),
          // The stream dropped: try the server now, so a dead server shows as Offline at once.
          onLost: () => this.loop.now(),
        })
      : null;
  }

  start(): void {
    void requestPersistence().then((answer) => this.sink.setStoragePersistence?.(answer));
    window.addEventListener('online', this.onOnline);
    this.loop.start();
    this.hints?.start();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    this.loop.stop();
    this.hints?.stop();
  }

  syncNow(): void {
    this.loop.now();
  }

  /** Records a user action locally (see mutate) and schedules a push. */
  async mutate<N extends MutationName>(name: N, args: ArgsInput<N>): Promise<MutateResult> {
    const result = await mutate(this.db, this.actor, name, args);
    this.loop.mutated();
    return result;
  }

  private unauthorized(): void {
    this.sink.tokenRejected();
    this.sink.setSyncStatus({ kind: 'unauthorized' });
  }

  private report(state: LoopState, error?: unknown): void {
    if (state === 'pushing' || state === 'pulling') {
      this.sink.setSyncStatus({ kind: 'syncing', changes: 0 });
    } else if (state === 'idle') {
      this.offlineSince = null;
      this.sink.setSyncStatus({ kind: 'idle' });
    } else if (error instanceof OfflineError) {
      this.offlineSince ??= Date.now();
      this.sink.setSyncStatus({ kind: 'offline', since: this.offlineSince });
    } else if (error instanceof ApiRequestError && error.status === 401) {
      this.unauthorized();
    } else {
      this.sink.setSyncStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
}
