import { create } from 'zustand';
import { createActionSlice, type ActionSlice } from '../features/actions/action-slice';
import { createOverlaySlice, type OverlaySlice } from '../features/keyboard/overlay-slice';
import { createQueueSlice, type QueueSlice } from '../features/queue/queue-slice';
import { createSyncSlice, type SyncSlice } from '../features/sync-status/sync-slice';
import { createSessionSlice, type SessionSlice } from '../session/session-slice';

/** UI and session state only; ticket data lives in IndexedDB and is read with live queries. */
export type AppState = SessionSlice & SyncSlice & QueueSlice & ActionSlice & OverlaySlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createSyncSlice(...a),
  ...createQueueSlice(...a),
  ...createActionSlice(...a),
  ...createOverlaySlice(...a),
}));

export const initialAppState = useAppStore.getState();

/** For tests: back to a fresh store. */
export function resetAppStore(): void {
  useAppStore.setState(initialAppState, true);
}
