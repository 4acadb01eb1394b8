import type { Severity } from '../model/levels';
import type { Threshold } from '../policy/escalation-schema';
import type { Policy } from '../policy/schema';
import type { CalendarLookup } from '../sla/calendars';
import type { ClockCalendar } from '../sla/clock-snapshot';
import type { ComputedClock, ComputedClockKind } from '../sla/ticket-clocks';

/** The escalation path of a clock: the severity's own path if the policy has one, else the clock's default. */
export function thresholdsFor(policy: Policy, kind: ComputedClockKind, severity: Severity): Threshold[] {
  const matrix = policy.escalationMatrix;
  if (kind === 'acceptance') return matrix.acceptance;
  return matrix.bySeverity[severity]?.[kind] ?? matrix[kind];
}

/** Open time a threshold needs: rounded up, so a threshold is never reported before it is really reached. */
export const neededFor = (percent: number, targetMs: number): number => Math.ceil((percent * targetMs) / 100);

/**
 * When the current generation of `clock` reached `percent` of its target,
 * or will reach it if it keeps running; null when it has not and cannot
 * (paused or stopped short of it). 0% is the instant the clock started.
 * A re-target that lowers the target can reach a threshold at the re-target instant.
 */
export function thresholdInstant(clock: ComputedClock, percent: number, calendars: CalendarLookup): number | null {
  if (percent === 0) return clock.startedAt;
  const phases = clock.phases;
  const generation = phases[phases.length - 1]?.generation ?? 0;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i]!;
    if (phase.generation !== generation) continue;
    const need = neededFor(percent, phase.targetMs);
    if (phase.elapsedAtFrom >= need) return phase.from;
    if (phase.state !== 'running') continue;
    const calendar = calendars(phase.calendar);
    const next = phases[i + 1];
    const reached =
      phase.to === null ||
      (next && next.generation === generation ? next.elapsedAtFrom : phase.elapsedAtFrom + calendar.businessTimeBetween(phase.from, phase.to)) >= need;
    if (reached) return calendar.addBusinessTime(phase.from, need - phase.elapsedAtFrom);
  }
  return null;
}

/**
 * When `clock` has run `afterMs` measured on `calendar` — over its whole
 * history (all generations), paused and stopped stretches excluded — or null
 * when it stopped or paused short of it. Time rules are read this way.
 */
export function runningInstant(clock: ComputedClock, afterMs: number, calendar: ClockCalendar): number | null {
  let remaining = afterMs;
  for (const phase of clock.phases) {
    if (phase.state !== 'running') continue;
    if (phase.to === null) return calendar.addBusinessTime(phase.from, remaining);
    const open = calendar.businessTimeBetween(phase.from, phase.to);
    if (open >= remaining) return calendar.addBusinessTime(phase.from, remaining);
    remaining -= open;
  }
  return null;
}
