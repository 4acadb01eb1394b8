import { z } from 'zod';
import { EpochMsSchema } from '../time/duration';

/**
 * A clock's state as of its last event. Live values (remaining, % elapsed)
 * are read from it with `readClock` and a calendar, so nothing here goes
 * stale as time passes: only events change a snapshot.
 *
 * - running:  accrues open time from `since`; `elapsedMs` is what accrued
 *             before `since`; `dueAt` is when elapsed reaches the target.
 * - paused:   `elapsedMs` is final until resumed; `since` is when it paused.
 * - stopped:  `elapsedMs` is final; `since` is when it stopped (met or late).
 * - not_started: nothing accrued yet (e.g. created outside business hours
 *             is still "running" from the next open instant; not_started is
 *             for clocks the policy has not begun, such as resolution before
 *             acceptance when the policy says so).
 */
export const CLOCK_STATES = ['not_started', 'running', 'paused', 'stopped'] as const;
export const ClockStateSchema = z.enum(CLOCK_STATES);
export type ClockState = z.infer<typeof ClockStateSchema>;

export const CLOCK_KINDS = ['response', 'resolution'] as const;
export const ClockKindSchema = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof ClockKindSchema>;

export const ClockSnapshotSchema = z
  .object({
    state: ClockStateSchema,
    /** Calendar id from the policy ("24x7", "business", …). */
    calendar: z.string().min(1),
    targetMs: z.number().int().positive(),
    elapsedMs: z.number().int().min(0),
    since: EpochMsSchema.nullable(),
    dueAt: EpochMsSchema.nullable(),
    /** Instant the target was exceeded, once known from an event; a running clock past `dueAt` is breached too. */
    breachedAt: EpochMsSchema.nullable(),
    pauseReason: z.string().nullable(),
    /**
     * First open instant of the clock (creation itself on a 24×7 calendar,
     * the next opening when created out of hours). Optional so snapshots
     * stored before it existed still parse.
     */
    startedAt: EpochMsSchema.nullable().optional(),
  })
  .strict();
export type ClockSnapshot = z.infer<typeof ClockSnapshotSchema>;

/** The part of a business calendar a clock reading needs (see sla/calendar.ts). */
export interface ClockCalendar {
  addBusinessTime(startMs: number, durationMs: number): number;
  businessTimeBetween(startMs: number, endMs: number): number;
  /** When present (every BusinessCalendar has it), clocks record their first open instant. */
  nextOpen?(ms: number): number;
}

export type ClockReading = {
  state: ClockState;
  elapsedMs: number;
  /** Negative once breached. */
  remainingMs: number;
  /** 0… (may exceed 100 once breached). */
  percent: number;
  /** When the target was exceeded, if it has been by `nowMs`. */
  breachedAt: number | null;
  dueAt: number | null;
};

function accrued(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): number {
  if (clock.state !== 'running' || clock.since === null || atMs <= clock.since) return clock.elapsedMs;
  return clock.elapsedMs + calendar.businessTimeBetween(clock.since, atMs);
}

/** The breach instant as known at `atMs`: recorded, or the due time of a running clock that has passed. */
function breachedBy(clock: ClockSnapshot, atMs: number): number | null {
  if (clock.breachedAt !== null) return clock.breachedAt;
  if (clock.state === 'running' && clock.dueAt !== null && clock.dueAt <= atMs) return clock.dueAt;
  return null;
}

/** Live value of a clock at `nowMs` (open time only, per the clock's calendar). */
export function readClock(clock: ClockSnapshot, nowMs: number, calendar: ClockCalendar): ClockReading {
  const elapsedMs = accrued(clock, nowMs, calendar);
  return {
    state: clock.state,
    elapsedMs,
    remainingMs: clock.targetMs - elapsedMs,
    percent: (elapsedMs / clock.targetMs) * 100,
    breachedAt: breachedBy(clock, nowMs),
    dueAt: clock.state === 'running' ? clock.dueAt : null,
  };
}

/** A clock running from the first open instant at or after `atMs`. */
export function startClock(
  calendarId: string,
  targetMs: number,
  atMs: number,
  calendar: ClockCalendar,
): ClockSnapshot {
  const startedAt = calendar.nextOpen ? calendar.nextOpen(atMs) : atMs;
  return {
    state: 'running',
    calendar: calendarId,
    targetMs,
    elapsedMs: 0,
    since: startedAt,
    dueAt: calendar.addBusinessTime(startedAt, targetMs),
    breachedAt: null,
    pauseReason: null,
    startedAt,
  };
}

/** Stops a clock (met, or breached when past its target); a stopped clock stays stopped. */
export function stopClock(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): ClockSnapshot {
  if (clock.state === 'stopped') return clock;
  return {
    ...clock,
    state: 'stopped',
    elapsedMs: accrued(clock, atMs, calendar),
    since: atMs,
    dueAt: null,
    breachedAt: breachedBy(clock, atMs),
    pauseReason: null,
  };
}

export function pauseClock(
  clock: ClockSnapshot,
  atMs: number,
  reason: string,
  calendar: ClockCalendar,
): ClockSnapshot {
  if (clock.state !== 'running') return clock;
  return {
    ...clock,
    state: 'paused',
    elapsedMs: accrued(clock, atMs, calendar),
    since: atMs,
    dueAt: null,
    breachedAt: breachedBy(clock, atMs),
    pauseReason: reason,
  };
}

/** Resumes a paused or stopped clock (reopen), keeping the time already elapsed. */
export function resumeClock(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): ClockSnapshot {
  if (clock.state === 'running') return clock;
  const remaining = clock.targetMs - clock.elapsedMs;
  return {
    ...clock,
    state: 'running',
    since: atMs,
    dueAt: remaining > 0 ? calendar.addBusinessTime(atMs, remaining) : atMs,
    pauseReason: null,
  };
}
