import type { TicketEvent } from '../model/ticket-event';
import type { Policy } from '../policy/schema';
import { calendarLookup } from './calendars';
import type { ClockTrack } from './clock-track';
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
  const fold = new ClockFold(policy, calendars);
  const order = events.map((_, i) => i).sort((a, b) => events[a]!.at - events[b]!.at || a - b);
  for (const index of order) {
    const event = events[index]!;
    if (event.at > nowMs) fold.ignore(index, event, 'recorded after the instant computed (not applied yet)');
    else fold.apply(index, event);
  }
  const read = (track: ClockTrack | null) => track?.computed(nowMs, calendars(track.snapshot.calendar)) ?? null;
  const response = read(fold.response);
  const resolution = read(fold.resolution);
  return {
    ticketId: fold.state?.ticketId ?? '',
    asOf: nowMs,
    state: fold.state,
    response,
    resolution,
    acceptance: read(fold.acceptance),
    sla: response && resolution ? { response: response.snapshot, resolution: resolution.snapshot } : null,
    escalations: fold.escalations,
    fired: fold.fired,
    ignored: fold.ignored,
  };
}
