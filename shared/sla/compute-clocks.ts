import type { TicketEvent } from '../model/ticket-event';
import type { Policy } from '../policy/schema';
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
  const fold = new ClockFold(policy);
  const order = timeOrder(events);
  for (let i = 0; i < events.length; i++) {
    const index = order ? order[i]! : i;
    const event = events[index]!;
    const at = event.at;
    if (at > nowMs) fold.ignore(index, event, 'recorded after the instant computed (not applied yet)');
    else fold.apply(index, event, at);
  }
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

/** Indexes in time order, stable for equal instants, or null when the stream is in order already (the usual case). */
function timeOrder(events: readonly TicketEvent[]): number[] | null {
  let sorted = true;
  let previous = -Infinity;
  for (let i = 0; i < events.length && sorted; i++) {
    const at = events[i]!.at;
    if (at < previous) sorted = false;
    previous = at;
  }
  if (sorted) return null;
  // Insertion sort: a stream is short and nearly in order (an offline edit or two out of place),
  // and Array.prototype.sort sets up kilobytes of merge state per call. Moving only past
  // strictly later events keeps equal instants in stream order.
  const order: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const at = events[i]!.at;
    let j = i;
    while (j > 0 && events[order[j - 1]!]!.at > at) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}
