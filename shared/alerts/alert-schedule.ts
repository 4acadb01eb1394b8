import { z } from 'zod';
import { parseWith } from '../errors';
import { SeveritySchema } from '../model/levels';
import { TICKET_NUMBER_RE } from '../model/ticket';
import { EpochMsSchema } from '../time/duration';

/**
 * The schedule of upcoming SLA threshold crossings the renderer hands to the
 * desktop shell (or its web fallback). Instants are in server time (the
 * renderer's corrected clock); `clockOffsetMs` says how far the local clock
 * is behind, so main fires at `at - clockOffsetMs` on its own clock and a
 * laptop with a wrong clock neither fakes nor hides a breach.
 */
export const ALERT_CLOCKS = ['response', 'resolution', 'acceptance'] as const;
export const AlertClockSchema = z.enum(ALERT_CLOCKS);
export type AlertClock = z.infer<typeof AlertClockSchema>;

/**
 * Why the agent hears about this ticket at all: they own it, may accept it,
 * watch it, or (a lead or manager) it waits for their approval of a tier skip.
 */
export const ALERT_REASONS = ['owned', 'pending_acceptance', 'watched', 'skip_approval'] as const;
export const AlertReasonSchema = z.enum(ALERT_REASONS);
export type AlertReason = z.infer<typeof AlertReasonSchema>;

/** The percentage that means "breached". */
export const BREACH_PERCENT = 100;

export const AlertCrossingSchema = z
  .object({
    ticketId: z.string().min(1).max(64),
    ticketNumber: z.string().regex(TICKET_NUMBER_RE, 'must look like INC-000123'),
    title: z.string().max(200),
    severity: SeveritySchema,
    clock: AlertClockSchema,
    /** Percent of the clock's target; 100 is the breach. */
    threshold: z.number().int().min(1).max(BREACH_PERCENT),
    /** When the clock reaches `threshold` (may be in the past: reached but not yet announced). */
    at: EpochMsSchema,
    /** When the clock breaches; the tray lists the next few. */
    dueAt: EpochMsSchema,
    reason: AlertReasonSchema,
  })
  .strict();
export type AlertCrossing = z.infer<typeof AlertCrossingSchema>;

export const MAX_CROSSINGS = 20_000;
const MAX_OFFSET_MS = 10 * 365 * 24 * 3_600_000;

export const AlertScheduleSchema = z
  .object({
    version: z.literal(1),
    clockOffsetMs: z.number().int().min(-MAX_OFFSET_MS).max(MAX_OFFSET_MS),
    crossings: z.array(AlertCrossingSchema).max(MAX_CROSSINGS),
  })
  .strict();
export type AlertSchedule = z.infer<typeof AlertScheduleSchema>;
export const parseAlertSchedule = (input: unknown): AlertSchedule => parseWith(AlertScheduleSchema, input, 'alert schedule');

/** Identity of one alert: each (ticket, clock, threshold) fires once. */
export const AlertKeySchema = z
  .object({ ticketId: z.string().min(1).max(64), clock: AlertClockSchema, threshold: z.number().int().min(1).max(BREACH_PERCENT) })
  .strict();
export type AlertKey = z.infer<typeof AlertKeySchema>;

export function alertKey(key: AlertKey): string {
  return `${key.ticketId}:${key.clock}:${key.threshold}`;
}

/** The schedule on the local clock: what main and the web fallback actually time against. */
export function toLocalCrossings(schedule: AlertSchedule): AlertCrossing[] {
  const offset = schedule.clockOffsetMs;
  return schedule.crossings.map((c) => ({ ...c, at: c.at - offset, dueAt: c.dueAt - offset }));
}
