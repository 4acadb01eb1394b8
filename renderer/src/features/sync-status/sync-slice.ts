import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import type { PersistenceAnswer } from '../../sync/storage-persistence';

/** Closed set of sync states the indicator switches over. */
export type SyncStatus =
  | { kind: 'idle' }
  /** firstWork: on a first sync, the agent's own most urgent tickets are already stored (how many); snapshot: tickets of the desk stored so far, of how many. */
  | { kind: 'syncing'; changes: number; total?: number; firstWork?: number; snapshot?: { tickets: number; total?: number } }
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
};

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set) => ({
  syncStatus: { kind: 'idle' },
  storagePersistence: null,
  setStoragePersistence: (storagePersistence) => set({ storagePersistence }),
  lastSyncedAt: null,
  setSyncStatus: (syncStatus) => set({ syncStatus }),
  setLastSyncedAt: (lastSyncedAt) => set({ lastSyncedAt }),
  unreadableChanges: 0,
  addUnreadable: (count) => set((s) => ({ unreadableChanges: s.unreadableChanges + count })),
});
