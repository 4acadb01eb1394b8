import { forecast, indexHistory, type ResolvedSample } from '../../../../../shared/forecast/forecast';
import type { Policy } from '../../../../../shared/policy/schema';
import type { CalendarLookup } from '../../../../../shared/sla/calendars';
import { NO_DUE } from '../../../../../shared/sla/ticket-sla';
import { bucketOf } from '../../../db/buckets/bucket-store';
import { byCodeUnits } from '../../../db/buckets/key-order';
import type { TierdeskDb } from '../../../db/db';
import { FACET } from '../../../db/search-keys';
import type { TicketRecord } from '../../../db/ticket-record';

/** Records read per step; each step is a short task, so scrolling and typing stay smooth while it runs. */
const CHUNK = 400;
/** Resolved tickets sampled for the history (ids are random, so those of the first buckets are a fair sample). */
const HISTORY_SAMPLE = 5000;

/**
 * Ids in the order of the store's buckets (db/buckets: by the ends of ids),
 * so reading them in chunks reads each bucket once. Each id's bucket is
 * worked out once, not in every comparison.
 */
function inBucketOrder(ids: readonly string[]): string[] {
  return ids
    .map((id) => [bucketOf(id), id] as const)
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([, id]) => id);
}

const pause = () =>
  new Promise<void>((resolve) => ('requestIdleCallback' in globalThis ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 0)));

async function* chunks(db: TierdeskDb, ids: readonly string[], signal: AbortSignal): AsyncGenerator<TicketRecord[]> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    if (signal.aborted) return;
    await pause();
    const records = await db.tickets.bulkGet(ids.slice(i, i + CHUNK));
    yield records.filter((r): r is TicketRecord => r !== undefined);
  }
}

/**
 * The at-risk forecast over the agent's groups: from resolved history (time
 * to resolve per category × tier × priority), the open tickets whose
 * expected completion passes their resolution target although no threshold
 * has fired yet (those already past 75% are in the index range anyway).
 * Runs in the background in small steps; the result is a set of ids.
 */
export async function forecastSweep(db: TierdeskDb, groups: readonly string[], policy: Policy, calendars: CalendarLookup, nowMs: number, signal: AbortSignal): Promise<Set<string> | null> {
  const samples: ResolvedSample[] = [];
  const doneIds = inBucketOrder((await db.tickets.where('keys').equals(FACET.done).primaryKeys()) as string[]).slice(0, HISTORY_SAMPLE);
  for await (const records of chunks(db, doneIds, signal)) {
    for (const t of records) {
      if (t.sla.resolution.state === 'stopped') samples.push({ category: t.category, tier: t.tier, priority: t.priority, resolutionMs: t.sla.resolution.elapsedMs });
    }
  }
  if (signal.aborted) return null;
  if (!samples.length) return new Set();
  const history = indexHistory(samples);
  const candidates = inBucketOrder(
    (await Promise.all(groups.map((g) => db.tickets.where('[group+riskAt]').between([g, nowMs], [g, NO_DUE], false, false).primaryKeys()))).flat() as string[],
  );
  const atRisk = new Set<string>();
  for await (const records of chunks(db, candidates, signal)) {
    for (const t of records) {
      const clock = t.sla.resolution;
      if (clock.state !== 'running' && clock.state !== 'paused') continue;
      let calendar;
      try {
        calendar = calendars(clock.calendar);
      } catch {
        continue;
      }
      const f = forecast({ category: t.category, tier: t.tier, priority: t.priority, resolution: clock, calendar }, history, nowMs, policy.forecast);
      if (f?.atRisk) atRisk.add(t.id);
    }
  }
  return signal.aborted ? null : atRisk;
}

