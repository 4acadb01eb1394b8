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

/** Open time accrued by `atMs` (readClock's elapsedMs without building a reading). */
export function accruedAt(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): number {
  if (clock.state !== 'running' || clock.since === null || atMs <= clock.since) return clock.elapsedMs;
  return clock.elapsedMs + calendar.businessTimeBetween(clock.since, atMs);
}

/** The breach instant as known at `atMs`: recorded, or the due time of a running clock that has passed. */
export function breachedAt(clock: ClockSnapshot, atMs: number): number | null {
  if (clock.breachedAt !== null) return clock.breachedAt;
  if (clock.state === 'running' && clock.dueAt !== null && clock.dueAt <= atMs) return clock.dueAt;
  return null;
}

/** Live value of a clock at `nowMs` (open time only, per the clock's calendar). */
export function readClock(clock: ClockSnapshot, nowMs: number, calendar: ClockCalendar): ClockReading {
  const elapsedMs = accruedAt(clock, nowMs, calendar);
  return {
    state: clock.state,
    elapsedMs,
    remainingMs: clock.targetMs - elapsedMs,
    percent: (elapsedMs / clock.targetMs) * 100,
    breachedAt: breachedAt(clock, nowMs),
    dueAt: clock.state === 'running' ? clock.dueAt : null,
  };
}

/**
 * Every snapshot is built here with the same fields in the same order: the
 * engine makes millions of them, and one object shape keeps V8 on its fast
 * path (spreading snapshots of mixed shapes was the benchmark's hot spot).
 * The target's fields come as arguments, not as an object, so that no
 * temporary object is made per snapshot.
 */
function snapshot(
  calendar: string,
  targetMs: number,
  startedAt: number | null | undefined,
  state: ClockState,
  elapsedMs: number,
  since: number | null,
  dueAt: number | null,
  breachedAt: number | null,
  pauseReason: string | null,
): ClockSnapshot {
  return {
    state,
    calendar,
    targetMs,
    elapsedMs,
    since,
    dueAt,
    breachedAt,
    pauseReason,
    startedAt: startedAt ?? null,
  };
}

/** A clock running from the first open instant at or after `atMs`. */
export function startClock(
  calendarId: string,
  targetMs: number,
  atMs: number,
  calendar: ClockCalendar,
): ClockSnapshot {
  const clock = startClockDeferred(calendarId, targetMs, atMs, calendar);
  clock.dueAt = calendar.addBusinessTime(clock.startedAt!, targetMs);
  return clock;
}

/**
 * startClock without looking up the due instant: `dueAt` is NaN until the
 * caller fills it in with addBusinessTime(startedAt, targetMs). For the
 * clock engine, which stops most response clocks before anything reads their
 * due instant; such a snapshot never leaves the engine with NaN in it.
 */
export function startClockDeferred(
  calendarId: string,
  targetMs: number,
  atMs: number,
  calendar: ClockCalendar,
): ClockSnapshot {
  const startedAt = calendar.nextOpen ? calendar.nextOpen(atMs) : atMs;
  return snapshot(calendarId, targetMs, startedAt, 'running', 0, startedAt, NaN, null, null);
}

/*
 * Stopping, pausing and resuming come in two forms. stopClock, pauseClock and
 * resumeClock leave the snapshot they are given alone and return a new one;
 * the …InPlace forms change a snapshot that their caller owns and has not
 * handed out yet. The clock fold (ClockTrack) moves each clock's one snapshot
 * through a ticket's events that way: a new snapshot per event was a good
 * part of what the engine allocates for 100k tickets. Each rule is written once,
 * in the in-place form; the other applies it to a copy.
 */

/** Stops a clock (met, or breached when past its target); a stopped clock stays stopped. */
export function stopClock(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): ClockSnapshot {
  return clock.state === 'stopped' ? clock : stopClockInPlace(copyOf(clock), atMs, calendar);
}

export function stopClockInPlace(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): ClockSnapshot {
  if (clock.state === 'stopped') return clock;
  return moveTo(clock, 'stopped', accruedAt(clock, atMs, calendar), atMs, null, breachedAt(clock, atMs), null);
}

export function pauseClock(clock: ClockSnapshot, atMs: number, reason: string, calendar: ClockCalendar): ClockSnapshot {
  return clock.state !== 'running' ? clock : pauseClockInPlace(copyOf(clock), atMs, reason, calendar);
}

export function pauseClockInPlace(clock: ClockSnapshot, atMs: number, reason: string, calendar: ClockCalendar): ClockSnapshot {
  if (clock.state !== 'running') return clock;
  return moveTo(clock, 'paused', accruedAt(clock, atMs, calendar), atMs, null, breachedAt(clock, atMs), reason);
}

/** Resumes a paused or stopped clock (reopen), keeping the time already elapsed. */
export function resumeClock(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): ClockSnapshot {
  return clock.state === 'running' ? clock : resumeClockInPlace(copyOf(clock), atMs, calendar);
}

export function resumeClockInPlace(clock: ClockSnapshot, atMs: number, calendar: ClockCalendar): ClockSnapshot {
  if (clock.state === 'running') return clock;
  const remaining = clock.targetMs - clock.elapsedMs;
  // Already past its target: due when it breached (it sorts among the overdue, not as "due now").
  const dueAt = remaining > 0 ? calendar.addBusinessTime(atMs, remaining) : (clock.breachedAt ?? atMs);
  return moveTo(clock, 'running', clock.elapsedMs, atMs, dueAt, clock.breachedAt, null);
}

function copyOf(clock: ClockSnapshot): ClockSnapshot {
  return snapshot(clock.calendar, clock.targetMs, clock.startedAt, clock.state, clock.elapsedMs, clock.since, clock.dueAt, clock.breachedAt, clock.pauseReason);
}

/** Sets the fields a stop, pause or resume changes (the target and start stay). */
function moveTo(
  clock: ClockSnapshot,
  state: ClockState,
  elapsedMs: number,
  since: number | null,
  dueAt: number | null,
  breachedAt: number | null,
  pauseReason: string | null,
): ClockSnapshot {
  clock.state = state;
  clock.elapsedMs = elapsedMs;
  clock.since = since;
  clock.dueAt = dueAt;
  clock.breachedAt = breachedAt;
  clock.pauseReason = pauseReason;
  return clock;
}

/** The same clock measured against another target (a priority change): `elapsedMs` as given, from `atMs`. */
export function retargetClock(
  clock: ClockSnapshot,
  calendarId: string,
  targetMs: number,
  elapsedMs: number,
  atMs: number,
  calendar: ClockCalendar,
): ClockSnapshot {
  const breachedAt = clock.breachedAt ?? (elapsedMs >= targetMs ? atMs : null);
  const startedAt = clock.startedAt;
  if (clock.state !== 'running') return snapshot(calendarId, targetMs, startedAt, clock.state, elapsedMs, clock.since, null, breachedAt, clock.pauseReason);
  const dueAt = elapsedMs < targetMs ? calendar.addBusinessTime(atMs, targetMs - elapsedMs) : Math.min(breachedAt ?? atMs, atMs);
  return snapshot(calendarId, targetMs, startedAt, 'running', elapsedMs, atMs, dueAt, breachedAt, null);
}
