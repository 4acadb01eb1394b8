import type { Group } from '../model/agent';
import type { SkipApproval } from '../model/ticket-event';
import { TIERS, type Tier } from '../model/levels';
import type { Policy } from '../policy/schema';
import { matchesTicket, type MatchableTicket } from './ticket-match';

/** How an allowed tier move is justified; recorded with the escalation. */
export type TierMovePath = 'adjacent' | 'direct' | 'approved_skip' | 'return';

export type TierMoveCheck =
  | { ok: true; path: TierMovePath; directPathId?: string }
  | { ok: false; field: 'toTier' | 'approval.role' | 'approval.reason'; message: string };

export type TierMove = MatchableTicket & { from: Tier; to: Tier; approval?: SkipApproval | undefined };

const rank = (tier: Tier) => TIERS.indexOf(tier);

/** A functional move down: the ticket goes back to a lower tier. */
export const isReturn = (from: Tier, to: Tier): boolean => rank(to) < rank(from);
/** Tiers above `tier` (escalation), nearest first. */
export const higherTiers = (tier: Tier): Tier[] => TIERS.filter((t) => rank(t) > rank(tier));
/** Tiers below `tier` (returning), nearest first. */
export const lowerTiers = (tier: Tier): Tier[] => TIERS.filter((t) => rank(t) < rank(tier)).reverse();

/** The reasons the policy accepts for a functional move from `from` to `to`: escalation triggers up, return reasons down. */
export function functionalTriggersFor(policy: Policy, from: Tier, to: Tier): Policy['escalationTriggers']['functional'] {
  return isReturn(from, to) ? policy.escalationTriggers.return : policy.escalationTriggers.functional;
}

/** Whether someone of `role` may approve a tier skip under `policy` (leads and managers by default). */
export const approvesSkips = (policy: Policy, role: string): boolean => policy.tierRules.skipApprovers.some((r) => r === role);

/** The tier a new ticket of `category` opens in (a major outage opens at L3); L1 for a category the policy does not list. */
export function entryTierFor(category: string, policy: Policy): Tier {
  return policy.categories.find((c) => c.id === category)?.entryTier ?? 'L1';
}

/** The group a new ticket of `category` lands in: the category's own group, else a group of its entry tier that handles it. */
export function entryGroupFor(category: string, policy: Policy, groups: readonly Group[]): Group | undefined {
  const own = policy.categories.find((c) => c.id === category)?.group;
  const tier = entryTierFor(category, policy);
  return groups.find((g) => g.id === own) ?? groups.find((g) => g.tier === tier && g.categories.includes(category));
}

/**
 * Functional tier moves: up along the policy's paths, down (returning) at
 * any time, and a skip only on a direct path whose conditions match (e.g.
 * S1 from L1 to L3) or with the approval of a role the policy names, with a
 * reason. Each refusal names the field to fix.
 */
export function checkTierMove(move: TierMove, policy: Policy): TierMoveCheck {
  const { from, to } = move;
  if (from === to) return { ok: false, field: 'toTier', message: `the ticket is already in ${to}` };
  if (isReturn(from, to)) return { ok: true, path: 'return' };
  if (policy.tierRules.paths[from].includes(to)) return { ok: true, path: 'adjacent' };
  const direct = policy.tierRules.directPaths.find((p) => p.from === from && p.to === to && matchesTicket(p.when, move));
  if (direct) return { ok: true, path: 'direct', directPathId: direct.id };
  const allowed = policy.tierRules.paths[from];
  if (move.approval) {
    if (!approvesSkips(policy, move.approval.role)) {
      return {
        ok: false,
        field: 'approval.role',
        message: `a ${move.approval.role} cannot approve skipping a tier; the policy allows ${policy.tierRules.skipApprovers.join(', ')}`,
      };
    }
    if (move.approval.reason.trim().length < 10) {
      return { ok: false, field: 'approval.reason', message: 'say why the tier is skipped (at least a sentence); it is recorded with the escalation' };
    }
    return { ok: true, path: 'approved_skip' };
  }
  const directs = policy.tierRules.directPaths.filter((p) => p.from === from && p.to === to).map((p) => p.label);
  return {
    ok: false,
    field: 'toTier',
    message:
      `${from} → ${to} skips a tier: from ${from} the path leads to ${allowed.join(' or ') || 'no higher tier'}` +
      (directs.length ? `; a direct path exists only when: ${directs.join('; ')}` : '') +
      `; otherwise a ${policy.tierRules.skipApprovers.join(' or ')} must approve with a reason`,
  };
}
