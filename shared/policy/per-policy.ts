import type { Policy } from './schema';

/**
 * `derive`, computed once per policy object: for the tables the SLA engine
 * reads from a policy (its index, calendars, fold and escalation contexts).
 *
 * The engine asks for them for every ticket it folds, and a desk's tickets
 * share one policy, so the policy asked for last is checked first, by
 * identity: a WeakMap lookup per ticket was ~3% of the instructions of the
 * 100k-ticket clocks benchmark. That policy and its value stay referenced
 * until another policy is asked for; all others are held weakly.
 */
export function perPolicy<T extends object>(derive: (policy: Policy) => T): (policy: Policy) => T {
  const values = new WeakMap<Policy, T>();
  let lastPolicy: Policy | undefined;
  let lastValue: T | undefined;
  return (policy) => {
    if (policy !== lastPolicy || lastValue === undefined) {
      let value = values.get(policy);
      if (value === undefined) {
        value = derive(policy);
        values.set(policy, value);
      }
      lastPolicy = policy;
      lastValue = value;
    }
    return lastValue;
  };
}
