import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import { latestPerTicket, type WorkNews } from '../../sync/work-news';
import type { PersistenceAnswer } from '../../sync/storage-persistence';

/** Closed set of sync states the indicator switches over. */
export type SyncStatus =
  | { kind: 'idle' }
  /** firstWork: on a first sync, the agent's own most urgent tickets are already stored (how many). */
  | { kind: 'syncing'; changes: number; total?: number; firstWork?: number }
  | { kind: 'offline'; since: number }
  | { kind: 'unauthorized' }
  | { kind: 'error'; message: string };

export type SyncSlice = {
  syncStatus: SyncStatus;
  /** The browser's answer to navigator.storage.persist(), shown in settings. */
  storagePersistence: PersistenceAnswer | null;
  setStoragePersistence(answer: PersistenceAnswer): void;
  /** Local time of the last successful exchange with the server. */
  lastSyncedAt: number | null;
  setSyncStatus(status: SyncStatus): void;
  setLastSyncedAt(at: number | null): void;
  /** Changes from the server this version could not read and skipped, this session (never silently). */
  unreadableChanges: number;
  addUnreadable(count: number): void;
  /** Work that came to this agent this session (sync/work-news.ts), until dismissed or opened (newest first, one per ticket and kind). */
  workNews: WorkNews[];
  addWorkNews(list: readonly WorkNews[]): void;
  dismissWorkNews(ticketId: string): void;
  dismissAllWorkNews(): void;
};

const KEEP_WORK_NEWS = 10;

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncStatus: { kind: 'idle' },
  storagePersistence: null,
  setStoragePersistence: (storagePersistence) => set({ storagePersistence }),
  lastSyncedAt: null,
  setSyncStatus: (syncStatus) => set({ syncStatus }),
  setLastSyncedAt: (lastSyncedAt) => set({ lastSyncedAt }),
  unreadableChanges: 0,
  addUnreadable: (count) => set((s) => ({ unreadableChanges: s.unreadableChanges + count })),
  workNews: [],
  // Newest first; a ticket given again (or noted again) keeps only its latest entry of that kind.
  addWorkNews: (list) => set((s) => ({ workNews: latestPerTicket([...list, ...s.workNews]).slice(0, KEEP_WORK_NEWS) })),
  dismissWorkNews: (ticketId) => set((s) => ({ workNews: s.workNews.filter((h) => h.ticketId !== ticketId) })),
  dismissAllWorkNews: () => set({ workNews: [] }),
});
