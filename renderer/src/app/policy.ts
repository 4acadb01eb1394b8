import { defaultPolicy } from '../../../shared/policy/default-policy';
import { thresholdPercents } from '../../../shared/policy/lookups';
import { parsePolicy, type Policy } from '../../../shared/policy/schema';
import { calendarLookup, type CalendarLookup } from '../../../shared/sla/calendars';

/** The policy the client runs its clocks and rules with: the server's, once synced; the shipped default before. */
export type ActivePolicy = {
  policy: Policy;
  version: number;
  calendars: CalendarLookup;
  thresholds: { response: number[]; resolution: number[] };
};

function activate(policy: Policy, version: number): ActivePolicy {
  return {
    policy,
    version,
    calendars: calendarLookup(policy),
    thresholds: { response: thresholdPercents(policy, 'response'), resolution: thresholdPercents(policy, 'resolution') },
  };
}

let active = activate(defaultPolicy, 0);

export function getActivePolicy(): ActivePolicy {
  return active;
}

/**
 * Adopts a synced policy document. An invalid document (a newer server's
 * format, a damaged record) is refused and the current policy stays: the
 * clocks keep working with the last good rules.
 */
export function adoptPolicyDocument(document: unknown, version: number): { ok: true } | { ok: false; error: Error } {
  if (version <= active.version) return { ok: true };
  try {
    active = activate(parsePolicy(document), version);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}
