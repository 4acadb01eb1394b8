import { useSyncExternalStore } from 'react';

/**
 * One shared 1 Hz clock for every countdown on screen. Rows subscribe while
 * mounted (the virtualised list mounts only visible rows), so each tick
 * re-renders exactly the visible countdowns and nothing else; the interval
 * runs only while someone listens. `now` is corrected by the server offset
 * so a wrong laptop clock neither hides nor fakes a breach.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let offsetMs = 0;
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  now = Date.now() + offsetMs;
  for (const listener of listeners) listener();
  schedule();
}

function schedule(): void {
  // Align ticks to the next whole second so every countdown flips together.
  timer = setTimeout(tick, 1000 - (Date.now() % 1000));
}

export function subscribeTicker(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now() + offsetMs;
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The last tick's time: one stable value between ticks, as useSyncExternalStore requires. */
export function getTickerNow(): number {
  return now;
}

/** Server clock minus local clock, as measured by the last sync exchange. */
export function setServerOffset(ms: number): void {
  offsetMs = ms;
  now = Date.now() + offsetMs;
}

/** The server's clock as this client best knows it (local clock + measured offset). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function tickerListenerCount(): number {
  return listeners.size;
}

/** Current server-corrected time, re-rendering the caller once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribeTicker, getTickerNow);
}
