import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import { NO_FILTERS, type QueueFilters } from './query/filter-ids';
import { defaultSort, sortsFor, type QueueSort } from './query/ticket-query';
import type { ViewKey } from './views';

/** Which view, order and filters the queue shows, and which ticket is selected / open. UI state only: tickets live in IndexedDB. */
export type QueueSlice = {
  view: ViewKey;
  /** The order each view was last given (per view: sorting Recently resolved leaves My work by time to breach); see sortOf. */
  sorts: Partial<Record<ViewKey, QueueSort>>;
  filters: QueueFilters;
  /** The keyboard/selection cursor in the list (j/k move it, Enter opens it). */
  selectedId: string | null;
  /** The ticket shown in the detail pane. */
  detailId: string | null;
  /** A ticket a deep link or notification asked to open, until it is found locally (or said to be missing). */
  openTicketNumber: string | null;
  setView(view: ViewKey): void;
  /** Orders the shown view (an order it does not offer is ignored). */
  setSort(sort: QueueSort): void;
  setFilters(patch: Partial<QueueFilters>): void;
  clearFilters(): void;
  select(id: string | null): void;
  openDetail(id: string): void;
  closeDetail(): void;
  /** Opens a ticket by number (deep link, tray, notification, palette). */
  openTicket(ticketNumber: string): void;
  ticketNumberResolved(): void;
};

export const createQueueSlice: StateCreator<AppState, [], [], QueueSlice> = (set) => ({
  view: 'mine',
  sorts: {},
  filters: NO_FILTERS,
  selectedId: null,
  detailId: null,
  openTicketNumber: null,
  // A new view starts with no selection: the cursor belongs to the list it was set in.
  setView: (view) => set({ view, selectedId: null }),
  setSort: (sort) => set((s) => (sortsFor(s.view).includes(sort) ? { sorts: { ...s.sorts, [s.view]: sort } } : {})),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  select: (selectedId) => set({ selectedId }),
  openDetail: (id) => set({ detailId: id, selectedId: id }),
  closeDetail: () => set({ detailId: null }),
  openTicket: (openTicketNumber) => set({ openTicketNumber }),
  ticketNumberResolved: () => set({ openTicketNumber: null }),
});

/** The shown view's order: the one picked for it, else its default. */
export function sortOf(state: Pick<QueueSlice, 'view' | 'sorts'>): QueueSort {
  return state.sorts[state.view] ?? defaultSort(state.view);
}
