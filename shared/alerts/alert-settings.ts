import { z } from 'zod';
import { parseWith } from '../errors';
import { CalendarSpecSchema } from '../sla/calendar-spec';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time "HH:MM"');

/**
 * How the agent wants to hear about SLA crossings. Quiet hours and the shift
 * hold every alert except S1 until the agent is on duty again; held alerts
 * then arrive together, coalesced.
 */
export const QuietHoursSchema = z
  .object({ from: HHMM, to: HHMM, timeZone: z.string().min(1).max(64) })
  .strict()
  .refine((q) => q.from !== q.to, { message: 'quiet hours must not start and end at the same time', path: ['to'] });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const AlertSettingsSchema = z
  .object({
    version: z.literal(1),
    /** Percent thresholds to alert at, ascending; 100 is the breach. */
    thresholds: z
      .array(z.number().int().min(1).max(100))
      .min(1)
      .max(10)
      .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), { message: 'must be ascending without repeats' }),
    /** An unacknowledged breach is announced again this often; 0 turns repeats off. */
    breachRepeatMinutes: z.number().int().min(0).max(24 * 60),
    /** Crossings this close together are one "storm". */
    coalesceWindowMinutes: z.number().int().min(0).max(240),
    /** This many crossings within the window make a storm (one summary notification). */
    stormMin: z.number().int().min(2).max(100),
    quietHours: QuietHoursSchema.nullable(),
    /** The agent's shift as a business calendar; null = always on duty. */
    shift: CalendarSpecSchema.nullable(),
  })
  .strict();
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
export const parseAlertSettings = (input: unknown): AlertSettings => parseWith(AlertSettingsSchema, input, 'alert settings');

/** 75%, 90% and breach; repeats every 10 minutes; storms of 3+ within 15 minutes; no quiet hours until the agent sets them. */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  version: 1,
  thresholds: [75, 90, 100],
  breachRepeatMinutes: 10,
  coalesceWindowMinutes: 15,
  stormMin: 3,
  quietHours: null,
  shift: null,
};
