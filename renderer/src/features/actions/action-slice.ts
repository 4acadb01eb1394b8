import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';

/** `handoff` escalates up a tier, `return` sends the ticket back down (the same handoff dialog). */
export const ACTION_KINDS = ['note', 'handoff', 'return', 'hierarchical', 'pause', 'resolve', 'reopen', 'edit', 'assign'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export type OpenAction = {
  kind: ActionKind;
  ticketId: string;
  /** Args of a refused action being edited: the dialog starts from them, and the refused row goes once the edit is queued. */
  refused?: { id: number; args: unknown };
};

/** An action recorded this session, to show it pending → synced (or refused) without the agent hunting for it. */
export type RecentAction = { mutationId: number; ticketId: string | null; label: string; at: number };

export type ActionSlice = {
  action: OpenAction | null;
  recent: RecentAction[];
  /** A KB article open for reading. */
  articleId: string | null;
  openAction(action: OpenAction): void;
  closeAction(): void;
  actionRecorded(entry: RecentAction): void;
  dismissRecent(mutationId: number): void;
  openArticle(id: string | null): void;
};

const KEEP_RECENT = 5;

export const createActionSlice: StateCreator<AppState, [], [], ActionSlice> = (set) => ({
  action: null,
  recent: [],
  articleId: null,
  openAction: (action) => set({ action }),
  closeAction: () => set({ action: null }),
  actionRecorded: (entry) => set((s) => ({ recent: [entry, ...s.recent].slice(0, KEEP_RECENT) })),
  dismissRecent: (mutationId) => set((s) => ({ recent: s.recent.filter((r) => r.mutationId !== mutationId) })),
  openArticle: (articleId) => set({ articleId }),
});
