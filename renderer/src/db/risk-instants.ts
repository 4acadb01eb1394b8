import type { TicketSla } from '../../../shared/model/ticket';
import type { CalendarLookup } from '../../../shared/sla/calendars';
import type { ClockSnapshot } from '../../../shared/sla/clock-snapshot';
import { NO_DUE } from '../../../shared/sla/ticket-sla';

/** A running clock at or past this share of its target is "at risk" (the escalation matrix's 75% step). */
export const AT_RISK_PERCENT = 75;

/**
 * When a ticket enters the At risk and Breached views, as instants stored on
 * the record. "At 75% now?" depends on the time, but "the instant it reaches
 * 75%" does not: it is fixed until the next event changes the snapshot, so
 * an index on it answers "at risk as of now" with a range (riskAt ≤ now),
 * with no per-ticket computation when the view is opened.
 */
export type RiskInstants = { riskAt: number; breachAt: number };

function breachOf(clock: ClockSnapshot): number {
  if (clock.breachedAt !== null) return clock.breachedAt;
  if (clock.state === 'running' && clock.dueAt !== null) return clock.dueAt;
  return NO_DUE;
}

function riskOf(clock: ClockSnapshot, calendars: CalendarLookup): number {
  if (clock.state !== 'running' || clock.since === null) return NO_DUE;
  const atRiskMs = (clock.targetMs * AT_RISK_PERCENT) / 100;
  if (clock.elapsedMs >= atRiskMs) return clock.since;
  try {
    return calendars(clock.calendar).addBusinessTime(clock.since, atRiskMs - clock.elapsedMs);
  } catch {
    // A calendar the current policy no longer defines: fall back to calendar time, never drop the ticket.
    return clock.since + (atRiskMs - clock.elapsedMs);
  }
}

export function riskInstants(sla: TicketSla, open: boolean, calendars: CalendarLookup): RiskInstants {
  if (!open) return { riskAt: NO_DUE, breachAt: NO_DUE };
  const clocks = [sla.response, sla.resolution, ...(sla.acceptance ? [sla.acceptance] : [])];
  let riskAt = NO_DUE;
  let breachAt = NO_DUE;
  for (const clock of clocks) {
    breachAt = Math.min(breachAt, breachOf(clock));
    riskAt = Math.min(riskAt, riskOf(clock, calendars));
  }
  // Breached is the far end of at risk: a breached ticket was at risk by then at the latest.
  return { riskAt: Math.min(riskAt, breachAt), breachAt };
}
