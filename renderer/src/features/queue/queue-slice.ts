import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

export const QUEUE_VIEWS = ['mine', 'group', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export type QueueSlice = {
  queueView: QueueView;
  setQueueView(view: QueueView): void;
};

export const createQueueSlice: StateCreator<AppState, [], [], QueueSlice> = (set) => ({
  queueView: 'mine',
  setQueueView: (queueView) => set({ queueView }),
});
