import { Dexie } from 'dexie';
import { useEffect, useState } from 'react';
import type { Agent, Group } from '../../../../shared/model/agent';
import { afterFirstList } from '../../app/after-first-list';
import type { TierdeskDb } from '../../db/db';
import { useMinute } from '../../time/use-minute';
import { useForecastRisk } from './forecast/forecast-store';
import { viewCounts, type ViewCounts } from './query/view-counts';

/** Counts are redone at most this often while tickets keep changing (a first sync writes thousands per second). */
export const RECOUNT_MS = 1000;

/**
 * Live counts for the navigation, recounted when tickets or refused actions
 * change (throttled), each minute (at risk / breached move with time) and
 * when the forecast changes. Not a live query on purpose: ~20 index counts
 * re-run on every write would queue in IndexedDB ahead of the rows the agent
 * is looking at; a trailing throttle keeps the counts live but second in line.
 */
export function useViewCounts(db: TierdeskDb, agent: Agent, groups: readonly Group[]): ViewCounts {
  const nowMs = useMinute();
  const forecastRisk = useForecastRisk();
  const [counts, setCounts] = useState<ViewCounts>({});

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRun = 0;
    const run = () => {
      timer = undefined;
      lastRun = Date.now();
      void viewCounts(db, { agent, groups, nowMs, forecastRisk }).then(
        (next) => !cancelled && setCounts(next),
        (error: unknown) => console.warn('view counts failed', error),
      );
    };
    const schedule = (parts: Record<string, unknown>) => {
      const relevant = Object.keys(parts).some((p) => p.startsWith(`idb://${db.name}/tickets/`) || p.startsWith(`idb://${db.name}/needsAttention/`));
      if (!relevant || timer !== undefined) return;
      timer = setTimeout(run, Math.max(0, lastRun + RECOUNT_MS - Date.now()));
    };
    // First count once the queue is on screen (it comes first), then a moment later.
    const cancelWait = afterFirstList(() => {
      if (!cancelled) timer = setTimeout(run, 50);
    });
    Dexie.on.storagemutated.subscribe(schedule);
    return () => {
      cancelled = true;
      cancelWait();
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(schedule);
    };
  }, [db, agent, groups, nowMs, forecastRisk]);
  return counts;
}
