import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

/** Which full-window overlay is open: the shortcut list (?), the command palette (Ctrl/Cmd+K) or settings. */
export type Overlay = 'shortcuts' | 'palette' | 'settings' | null;

export type OverlaySlice = {
  overlay: Overlay;
  /** A one-line answer to a shortcut that could not act ("Escalate: accept it first"), read out politely. */
  notice: string | null;
  setOverlay(overlay: Overlay): void;
  setNotice(notice: string | null): void;
};

export const createOverlaySlice: StateCreator<AppState, [], [], OverlaySlice> = (set) => ({
  overlay: null,
  notice: null,
  setOverlay: (overlay) => set({ overlay }),
  setNotice: (notice) => set({ notice }),
});
