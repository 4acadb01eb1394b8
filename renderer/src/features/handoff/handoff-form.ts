import type { Agent } from '../../../../shared/model/agent';
import type { FieldError } from '../../../../shared/errors';
import { approvesSkips, checkTierMove, higherTiers, lowerTiers } from '../../../../shared/escalation/tier-rules';
import type { HandoffNote, HandoffStep } from '../../../../shared/handoff/handoff-note';
import { validateHandoff } from '../../../../shared/handoff/validate-handoff';
import type { Priority, Tier } from '../../../../shared/model/levels';
import type { Ticket } from '../../../../shared/model/ticket';
import type { Policy } from '../../../../shared/policy/schema';

/** Up a tier (escalation) or back down (return); the same note either way. */
export type HandoffDirection = 'up' | 'down';

/** The tiers a ticket in `tier` can move to in `direction`, nearest first. */
export const tiersToward = (tier: Tier, direction: HandoffDirection): Tier[] => (direction === 'up' ? higherTiers(tier) : lowerTiers(tier));

/** The reasons the policy lists for a move in `direction`: escalation triggers up, return reasons down. */
export const reasonsToward = (policy: Policy, direction: HandoffDirection) => (direction === 'up' ? policy.escalationTriggers.functional : policy.escalationTriggers.return);

/** What the handoff dialog edits (and the drafts table keeps): the note plus the move. `involved` is one person per line. */
export type HandoffForm = {
  toTier: Tier;
  trigger: string;
  skipReason: string;
  steps: HandoffStep[];
  businessImpact: string;
  workaround: string;
  involved: string;
  nextTierNeeds: string;
  kbArticlesChecked: string[];
  category: string;
  priority: Priority;
};

export function noteOf(form: HandoffForm): HandoffNote {
  return {
    steps: form.steps,
    businessImpact: form.businessImpact,
    workaround: form.workaround,
    involved: form.involved.split('\n').map((l) => l.trim()).filter(Boolean),
    nextTierNeeds: form.nextTierNeeds,
    kbArticlesChecked: form.kbArticlesChecked,
    category: form.category,
    priority: form.priority,
  };
}

/** The form again from the args of a refused escalation (Needs attention → Edit). */
export function formFromArgs(args: unknown): HandoffForm | undefined {
  const a = args as { toTier?: Tier; trigger?: string; skipReason?: string; handoffNote?: HandoffNote } | undefined;
  if (!a?.handoffNote || !a.toTier) return undefined;
  const n = a.handoffNote;
  return {
    toTier: a.toTier,
    trigger: a.trigger ?? 'troubleshooting_exhausted',
    skipReason: a.skipReason ?? '',
    steps: n.steps,
    businessImpact: n.businessImpact,
    workaround: n.workaround,
    involved: n.involved.join('\n'),
    nextTierNeeds: n.nextTierNeeds,
    kbArticlesChecked: n.kbArticlesChecked,
    category: n.category,
    priority: n.priority,
  };
}

export type TierMoveView = { kind: 'ok' } | { kind: 'skip'; approver: boolean; message: string };

/** Whether the chosen tier skips one, and whether the agent can approve that themselves (a lead) or must ask one. */
export function tierMoveOf(form: HandoffForm, ticket: Ticket, agent: Agent, policy: Policy): TierMoveView {
  const plain = checkTierMove({ ...ticket, from: ticket.tier, to: form.toTier }, policy);
  if (plain.ok) return { kind: 'ok' };
  const approver = approvesSkips(policy, agent.role);
  return { kind: 'skip', approver, message: plain.message };
}

/**
 * Every problem with the handoff as it stands, per field: the shared
 * validateHandoff (empty, boilerplate, copied from the previous handoff,
 * category/priority no longer current) plus the skip reason when a tier is
 * skipped. The same rules run again when the mutation is applied and on the server.
 */
export function handoffProblems(form: HandoffForm, ticket: Ticket, agent: Agent, policy: Policy, previous: HandoffNote | null): FieldError[] {
  const problems = validateHandoff(noteOf(form), { ticket, fromTier: ticket.tier, toTier: form.toTier }, policy, previous);
  const move = tierMoveOf(form, ticket, agent, policy);
  if (move.kind === 'skip' && form.skipReason.trim().length < 10) {
    problems.push({ field: 'skipReason', message: 'say why this ticket skips a tier (at least a sentence); it is recorded with the escalation' });
  }
  return problems;
}
