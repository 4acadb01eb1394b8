import { useSyncExternalStore } from 'react';

/**
 * Ids of open tickets the forecast expects to miss their resolution target
 * although no threshold has fired yet (see forecast-sweep.ts). Kept in
 * memory: it is recomputed from IndexedDB in the background, never typed.
 */
let current: ReadonlySet<string> = new Set();
let computedAt: number | null = null;
const listeners = new Set<() => void>();

export function setForecastRisk(ids: ReadonlySet<string>, at: number): void {
  current = ids;
  computedAt = at;
  for (const l of listeners) l();
}

export function forecastComputedAt(): number | null {
  return computedAt;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useForecastRisk(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => current);
}
