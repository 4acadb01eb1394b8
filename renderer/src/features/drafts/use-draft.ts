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

/**
 * What the agent is typing in a dialog, kept in the drafts table: written
 * DRAFT_SAVE_MS after each change and at once on unmount or when the page is
 * hidden, so a crash, a reload or a refused sync never loses a word. `initial`
 * is used when no draft is stored (or `override` replaces it, e.g. the args
 * of a refused action being edited).
 */
export function useDraft<T>(db: TierdeskDb, kind: string, ticketId: string, initial: () => T, override?: T): Draft<T> {
  const key = draftKey(kind, ticketId);
  const [value, setValue] = useState<T | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const pending = useRef<T | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialRef = useRef(initial);
  const overrideRef = useRef(override);

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
      if (overrideRef.current !== undefined) {
        setValue(overrideRef.current);
        pending.current = overrideRef.current;
        flush();
      } else if (row) {
        setValue(row.value as T);
        setRestored(true);
        setSavedAt(row.savedAt);
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
