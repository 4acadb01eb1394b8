import { useCallback, useEffect, useRef, useState } from 'react';
import type { TierdeskDb } from '../../db/db';

/** Saves this long after the last keystroke: every pause in typing is on disk, without a write per key. */
export const DRAFT_SAVE_MS = 300;

export type Draft<T> = {
  /** undefined until the stored draft (if any) has been read. */
  value: T | undefined;
  /** True when the value came from a stored draft (the dialog says "restored"). */
  restored: boolean;
  savedAt: number | null;
  set(next: T): void;
  /** The action went through: the draft is no longer needed. */
  discard(): Promise<void>;
};

export const draftKey = (kind: string, ticketId: string) => `${kind}:${ticketId}`;
/** The draft of an edit of refused action `refusedId`: its own, apart from a new action's draft on the same ticket. */
export const refusedDraftKey = (kind: string, ticketId: string, refusedId: number) => `${draftKey(kind, ticketId)}#refused-${refusedId}`;

/** A refused action being edited: its id, and what the agent had sent (the edit starts from it). */
export type RefusedEdit<T> = { id: number; value: T | undefined };

/**
 * What the agent is typing in a dialog, kept in the drafts table: written
 * DRAFT_SAVE_MS after each change and at once on unmount or when the page is
 * hidden, so a crash, a reload or a refused sync never loses a word. `initial`
 * is used when no draft is stored. Editing a refused action keeps a draft of
 * its own (starting from what was sent), so it never replaces a new action
 * half-typed on the same ticket, and an edit closed half-way comes back.
 */
export function useDraft<T>(db: TierdeskDb, kind: string, ticketId: string, initial: () => T, refused?: RefusedEdit<T>): Draft<T> {
  const key = refused ? refusedDraftKey(kind, ticketId, refused.id) : draftKey(kind, ticketId);
  const [value, setValue] = useState<T | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const pending = useRef<T | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialRef = useRef(initial);
  const refusedRef = useRef(refused);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (pending.current === undefined) return;
    const toSave = pending.current;
    pending.current = undefined;
    const at = Date.now();
    void db.drafts.put({ key, ticketId, kind, value: toSave, savedAt: at }).then(() => setSavedAt(at));
  }, [db, key, ticketId, kind]);

  useEffect(() => {
    let cancelled = false;
    void db.drafts.get(key).then((row) => {
      if (cancelled) return;
      if (row) {
        setValue(row.value as T);
        setRestored(true);
        setSavedAt(row.savedAt);
      } else if (refusedRef.current?.value !== undefined) {
        // An edit starts from what was sent, saved at once as the edit's own draft.
        setValue(refusedRef.current.value);
        pending.current = refusedRef.current.value;
        flush();
      } else {
        setValue(initialRef.current());
      }
    });
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', onHide);
      flush();
    };
  }, [db, key, flush]);

  const set = useCallback(
    (next: T) => {
      setValue(next);
      pending.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    pending.current = undefined;
    await db.drafts.delete(key);
  }, [db, key]);

  return { value, restored, savedAt, set, discard };
}
