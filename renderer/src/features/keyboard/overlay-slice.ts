import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import type { Ticket } from '../../../../shared/model/ticket';

/** Which full-window overlay is open: the shortcut list (?), the command palette (Ctrl/Cmd+K), settings, the New ticket dialog (c) or Reports. */
export type Overlay = 'shortcuts' | 'palette' | 'settings' | 'new-ticket' | 'reports' | null;

export type OverlaySlice = {
  overlay: Overlay;
  /** A one-line answer to a shortcut that could not act ("Escalate: accept it first"), read out politely. */
  notice: string | null;
  /** A refused createTicket being edited in the New ticket dialog (from Needs attention). */
  newTicketRefused: { id: number; args: unknown } | null;
  /** A closed ticket the New ticket dialog logs a follow-up to (its requester and classification filled in). */
  newTicketFollowUp: Ticket | null;
  setOverlay(overlay: Overlay): void;
  editRefusedTicket(refused: { id: number; args: unknown }): void;
  followUpTicket(closed: Ticket): void;
  setNotice(notice: string | null): void;
};

export const createOverlaySlice: StateCreator<AppState, [], [], OverlaySlice> = (set) => ({
  overlay: null,
  notice: null,
  newTicketRefused: null,
  newTicketFollowUp: null,
  setOverlay: (overlay) => set({ overlay, newTicketRefused: null, newTicketFollowUp: null }),
  editRefusedTicket: (refused) => set({ overlay: 'new-ticket', newTicketRefused: refused, newTicketFollowUp: null }),
  followUpTicket: (closed) => set({ overlay: 'new-ticket', newTicketRefused: null, newTicketFollowUp: closed }),
  setNotice: (notice) => set({ notice }),
});
