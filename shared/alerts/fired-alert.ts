import { z } from 'zod';
import { EpochMsSchema } from '../time/duration';
import { AlertClockSchema, BREACH_PERCENT } from './alert-schedule';

/**
 * The memory of one announced (ticket, clock, threshold): it is never
 * announced again, except an unacknowledged breach, which repeats.
 * Instants are on the local clock of the process that fired it.
 */
export const FiredAlertSchema = z
  .object({
    key: z.string().min(1).max(200),
    ticketId: z.string().min(1).max(64),
    clock: AlertClockSchema,
    threshold: z.number().int().min(1).max(BREACH_PERCENT),
    firedAt: EpochMsSchema,
    lastNotifiedAt: EpochMsSchema,
    acknowledgedAt: EpochMsSchema.nullable(),
  })
  .strict();
export type FiredAlert = z.infer<typeof FiredAlertSchema>;

/** How long a fired alert is remembered after its ticket left the schedule (resolved, reassigned, unwatched). */
export const FIRED_RETENTION_MS = 30 * 24 * 3_600_000;

/** Entries worth keeping: still scheduled, or fired recently enough that the ticket could come back. */
export function retainFired(fired: Iterable<FiredAlert>, scheduledKeys: ReadonlySet<string>, now: number): FiredAlert[] {
  const out: FiredAlert[] = [];
  for (const entry of fired) {
    if (scheduledKeys.has(entry.key) || now - entry.lastNotifiedAt < FIRED_RETENTION_MS) out.push(entry);
  }
  return out;
}
