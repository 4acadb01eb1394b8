import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a local time "HH:MM" (00:00–24:00)');

/** The public shape of a business calendar (see createCalendar in sla/calendar.ts). */
export const CalendarSpecSchema = z
  .object({
    timeZone: z.string().min(1),
    week: z.partialRecord(z.enum(WEEKDAYS), z.array(z.tuple([HHMM, HHMM]))),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')).optional(),
    holidayRegion: z.string().min(2).optional(),
  })
  .strict();

export type CalendarSpec = {
  timeZone: string;
  week: Partial<Record<Weekday, Array<[string, string]>>>;
  holidays?: string[] | undefined;
  holidayRegion?: string | undefined;
};
