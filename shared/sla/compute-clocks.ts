import type { TicketEvent } from '../model/ticket-event';
import type { Policy } from '../policy/schema';
import { calendarLookup, type CalendarLookup } from './calendars';
import { ClockFold } from './clock-fold';
import type { TicketClocks } from './ticket-clocks';

/**
 * Event-sourced SLA clocks of one ticket as of `nowMs`.
 *
 * Deterministic and total: the same events, policy and instant always give
 * the same result, and no stored stream makes it throw. Events are applied
 * in time order (stable for equal instants, so offline edits with skewed
 * clocks cannot produce negative spans); events after `nowMs` are not yet
 * applied; events the policy refuses (a pause without a listed reason or by
 * a role it does not allow, a tier skip without a path or approval, …) are
 * left out and listed in `ignored` with the reason, so stored data can
 * always be shown.
 */
export function computeClocks(events: readonly TicketEvent[], policy: Policy, nowMs: number): TicketClocks {
  const calendars = calendarLookup(policy);
  // One pass in stored order, which is time order for nearly every stream; a
  // stream found out of order (offline edits with skewed clocks) is folded again, sorted.
  const fold = foldInOrder(events, policy, calendars, nowMs) ?? foldSorted(events, policy, calendars, nowMs);
  const response = fold.response?.computed(nowMs) ?? null;
  const resolution = fold.resolution?.computed(nowMs) ?? null;
  return {
    ticketId: fold.state?.ticketId ?? '',
    asOf: nowMs,
    state: fold.state,
    response,
    resolution,
    acceptance: fold.acceptance?.computed(nowMs) ?? null,
    sla: response && resolution ? { response: response.snapshot, resolution: resolution.snapshot } : null,
    escalations: fold.escalations,
    fired: fold.fired,
    ignored: fold.ignored,
  };
}

const NOT_YET = 'recorded after the instant computed (not applied yet)';

/** The fold in stored order, or null as soon as an event is earlier than the one before it. */
function foldInOrder(events: readonly TicketEvent[], policy: Policy, calendars: CalendarLookup, nowMs: number): ClockFold | null {
  const fold = new ClockFold(policy, calendars);
  let last = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const at = event.at;
    if (at < last) return null;
    last = at;
    if (at > nowMs) fold.ignore(i, event, NOT_YET);
    else fold.apply(i, event);
  }
  return fold;
}

/** The fold in time order, stable for equal instants, so skewed offline edits cannot produce negative spans. */
function foldSorted(events: readonly TicketEvent[], policy: Policy, calendars: CalendarLookup, nowMs: number): ClockFold {
  const fold = new ClockFold(policy, calendars);
  const order = events.map((_, i) => i).sort((a, b) => events[a]!.at - events[b]!.at || a - b);
  for (const index of order) {
    const event = events[index]!;
    if (event.at > nowMs) fold.ignore(index, event, NOT_YET);
    else fold.apply(index, event);
  }
  return fold;
}
