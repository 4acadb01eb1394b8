import { MAX_CROSSINGS, type AlertClock, type AlertCrossing, type AlertReason } from '../../../../shared/alerts/alert-schedule';
import { neededFor } from '../../../../shared/escalation/clock-instants';
import type { Agent } from '../../../../shared/model/agent';
import type { TicketSla } from '../../../../shared/model/ticket';
import type { CalendarLookup } from '../../../../shared/sla/calendars';
import type { ClockSnapshot } from '../../../../shared/sla/clock-snapshot';
import type { TicketRecord } from '../../db/ticket-record';

/**
 * The alert schedule for one agent: for every running clock of the tickets
 * they own, may accept (pending acceptance in their group and tier), watch,
 * or (a skip approver) must approve a tier skip on, the instants its thresholds are crossed. A running clock reaches
 * p% when `p/100 × target − elapsed` more open time has passed on its own
 * calendar since `since`. Thresholds already behind are sent too (the
 * highest one only), so a crossing that happened while the app was closed
 * is still announced once; main decides what is new.
 */
const NONE: ReadonlySet<string> = new Set();

/** `approvalGroups`: where a tier skip waits for this agent's approval (none unless the policy lets their role approve). */
export function alertReason(ticket: TicketRecord, agent: Agent, watched: ReadonlySet<string>, approvalGroups: ReadonlySet<string> = NONE): AlertReason | null {
  if (ticket.open !== 1) return null;
  if (ticket.assignee === agent.id) return 'owned';
  if (ticket.status === 'pending_acceptance' && agent.groups.includes(ticket.group) && (agent.tier === null || agent.tier === ticket.tier)) {
    return 'pending_acceptance';
  }
  if (ticket.skipRequest && approvalGroups.has(ticket.group)) return 'skip_approval';
  return watched.has(ticket.id) ? 'watched' : null;
}

function clocksOf(sla: TicketSla): Array<[AlertClock, ClockSnapshot]> {
  const out: Array<[AlertClock, ClockSnapshot]> = [
    ['response', sla.response],
    ['resolution', sla.resolution],
  ];
  if (sla.acceptance) out.push(['acceptance', sla.acceptance]);
  return out;
}

export function buildAlertSchedule(
  tickets: readonly TicketRecord[],
  agent: Agent,
  watched: ReadonlySet<string>,
  thresholds: readonly number[],
  nowMs: number,
  calendars: CalendarLookup,
  approvalGroups: ReadonlySet<string> = NONE,
): AlertCrossing[] {
  const out: AlertCrossing[] = [];
  const seen = new Set<string>();
  for (const ticket of tickets) {
    const reason = alertReason(ticket, agent, watched, approvalGroups);
    if (!reason || seen.has(ticket.id)) continue;
    seen.add(ticket.id);
    for (const [clock, snap] of clocksOf(ticket.sla)) {
      if (snap.state !== 'running' || snap.since === null || snap.dueAt === null) continue;
      const calendar = calendars(snap.calendar);
      let reached: AlertCrossing | null = null;
      for (const threshold of thresholds) {
        const need = neededFor(threshold, snap.targetMs);
        // Reached before the snapshot's `since`: its exact instant is not kept, `since` is when it was known.
        const at = need <= snap.elapsedMs ? snap.since : calendar.addBusinessTime(snap.since, need - snap.elapsedMs);
        const crossing: AlertCrossing = {
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          title: ticket.title,
          severity: ticket.severity,
          clock,
          threshold,
          at,
          dueAt: snap.dueAt,
          reason,
        };
        if (at <= nowMs) reached = crossing;
        else out.push(crossing);
      }
      if (reached) out.push(reached);
    }
  }
  // A pathological queue must not make the schedule unsendable: keep the soonest.
  return out.length > MAX_CROSSINGS ? out.sort((a, b) => a.at - b.at).slice(0, MAX_CROSSINGS) : out;
}
