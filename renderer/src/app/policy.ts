import { defaultPolicy } from '../../../shared/policy/default-policy';
import { thresholdPercents } from '../../../shared/policy/lookups';
import type { Policy } from '../../../shared/policy/schema';
import { calendarLookup, type CalendarLookup } from '../../../shared/sla/calendars';

/** The policy the client runs its clocks with (the shipped default until the server's policy syncs). */
export type ActivePolicy = {
  policy: Policy;
  calendars: CalendarLookup;
  thresholds: { response: number[]; resolution: number[] };
};

function activate(policy: Policy): ActivePolicy {
  return {
    policy,
    calendars: calendarLookup(policy),
    thresholds: { response: thresholdPercents(policy, 'response'), resolution: thresholdPercents(policy, 'resolution') },
  };
}

const active = activate(defaultPolicy);

export function getActivePolicy(): ActivePolicy {
  return active;
}
