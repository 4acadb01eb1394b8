import { useEffect, useState } from 'react';

/**
 * Work that can wait until the agent's queue is on screen: the counts
 * beside the views, the tray count, the alert schedule, lists kept warm.
 * On a big desk each of them reads or indexes many tickets (the local
 * store builds an index from memory on its first use), and run at start
 * they come before the queue the agent opened the app to see. They start
 * once the first list has its rows, or after FALLBACK_MS when no list is
 * shown.
 */
const FALLBACK_MS = 1500;

let shown = false;
const waiting = new Set<() => void>();

/** The first list has its rows (useTicketList). */
export function firstListShown(): void {
  if (shown) return;
  shown = true;
  for (const run of waiting) run();
  waiting.clear();
}

/** Runs `run` once the first list has shown (at once if it has); returns a cancel. */
export function afterFirstList(run: () => void, fallbackMs = FALLBACK_MS): () => void {
  if (shown) {
    run();
    return () => {};
  }
  let done = false;
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    waiting.delete(once);
  };
  const once = () => {
    if (done) return;
    cancel();
    run();
  };
  const timer = setTimeout(once, fallbackMs);
  waiting.add(once);
  return cancel;
}

/** False until the first list has shown (or the fallback passed). */
export function useAfterFirstList(): boolean {
  const [ready, setReady] = useState(shown);
  useEffect(() => (ready ? undefined : afterFirstList(() => setReady(true))), [ready]);
  return ready;
}

/** For tests: as before any list showed. */
export function resetFirstList(): void {
  shown = false;
  waiting.clear();
}
