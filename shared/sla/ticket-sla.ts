import type { Priority } from '../model/levels';
import type { TicketSla } from '../model/ticket';
import type { Policy } from '../policy/schema';
import type { CalendarLookup } from './calendars';
import { readClock, startClock, type ClockKind, type ClockReading } from './clock-snapshot';

/** Sort key for tickets with no running clock: after every real due time. */
export const NO_DUE = Number.MAX_SAFE_INTEGER;

/** Both clocks started at `atMs` with the targets of `priority`. */
export function initialSla(priority: Priority, atMs: number, policy: Policy, calendars: CalendarLookup): TicketSla {
  const targets = policy.targets[priority];
  if (!targets) throw new Error(`targets.${priority}: priority has no SLA targets`);
  const start = (kind: ClockKind) =>
    startClock(targets[kind].calendar, targets[kind].within, atMs, calendars(targets[kind].calendar));
  return { response: start('response'), resolution: start('resolution') };
}

/** The earliest due time of a running clock, or NO_DUE: what "ordered by time to breach" sorts on. */
export function nextDueAt(sla: TicketSla): number {
  let due = NO_DUE;
  for (const clock of [sla.response, sla.resolution]) {
    if (clock.state === 'running' && clock.dueAt !== null && clock.dueAt < due) due = clock.dueAt;
  }
  return due;
}

/** A queue's sort key: the earliest running clock, the accept-within clock included (NO_DUE when none). */
export function queueDueAt(sla: TicketSla): number {
  const acceptanceDue = sla.acceptance?.state === 'running' ? (sla.acceptance.dueAt ?? NO_DUE) : NO_DUE;
  return Math.min(nextDueAt(sla), acceptanceDue);
}

export function readTicketClocks(
  sla: TicketSla,
  nowMs: number,
  calendars: CalendarLookup,
): Record<ClockKind, ClockReading> {
  return {
    response: readClock(sla.response, nowMs, calendars(sla.response.calendar)),
    resolution: readClock(sla.resolution, nowMs, calendars(sla.resolution.calendar)),
  };
}

/**
 * Highest escalation threshold (in % of target) a reading has reached, from the
 * policy's ascending list, or null below the first positive threshold. The UI
 * colours rows by it (50 / 75 / 100 by default).
 */
export function thresholdReached(percent: number, thresholds: readonly number[]): number | null {
  let reached: number | null = null;
  for (const t of thresholds) if (t > 0 && percent >= t) reached = t;
  return reached;
}
