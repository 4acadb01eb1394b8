import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

export const QUEUE_VIEWS = ['mine', 'group', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export type QueueSlice = {
  queueView: QueueView;
  /** The ticket a deep link or notification asked to open; highlighted in the queue until another is picked. */
  openTicketNumber: string | null;
  setQueueView(view: QueueView): void;
  /** Shows the ticket: "All open" is the one view sure to contain any open ticket. */
  openTicket(ticketNumber: string): void;
};

export const createQueueSlice: StateCreator<AppState, [], [], QueueSlice> = (set) => ({
  queueView: 'mine',
  openTicketNumber: null,
  setQueueView: (queueView) => set({ queueView }),
  openTicket: (openTicketNumber) => set({ queueView: 'all', openTicketNumber }),
});
