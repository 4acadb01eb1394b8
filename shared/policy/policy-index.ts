import type { Channel, ResponseKind, Tier } from '../model/levels';
import { perPolicy } from './per-policy';
import type { PauseReason, Policy, TierDef } from './schema';

/**
 * Lookup tables derived from a policy once (per policy object): the clock
 * engine folds events for every ticket, and scanning the policy's lists per
 * event showed up in the 100k-ticket benchmark.
 */
export type PolicyIndex = {
  pauseReasons: ReadonlyMap<string, PauseReason>;
  responseKinds: ReadonlyMap<Channel, ReadonlySet<ResponseKind>>;
  functionalTriggers: ReadonlySet<string>;
  hierarchicalTriggers: ReadonlySet<string>;
  returnTriggers: ReadonlySet<string>;
  managementLevels: ReadonlySet<string>;
  tiers: ReadonlyMap<Tier, TierDef>;
  entryTiers: ReadonlyMap<string, Tier>;
};

const indexes = perPolicy(
  (policy): PolicyIndex => ({
    pauseReasons: new Map(policy.pauseReasons.map((r) => [r.id, r])),
    responseKinds: new Map(
      Object.entries(policy.responseDefinition).map(([channel, kinds]) => [channel as Channel, new Set<ResponseKind>(kinds)]),
    ),
    functionalTriggers: new Set(policy.escalationTriggers.functional.map((t) => t.id)),
    hierarchicalTriggers: new Set(policy.escalationTriggers.hierarchical.map((t) => t.id)),
    returnTriggers: new Set(policy.escalationTriggers.return.map((t) => t.id)),
    managementLevels: new Set(policy.management.map((m) => m.id)),
    tiers: new Map(policy.tiers.map((t) => [t.id, t])),
    entryTiers: new Map(policy.categories.map((c) => [c.id, c.entryTier])),
  }),
);

export function policyIndex(policy: Policy): PolicyIndex {
  return indexes(policy);
}
