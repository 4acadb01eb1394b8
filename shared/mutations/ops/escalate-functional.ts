import { checkTierMove, functionalTriggersFor, isReturn } from '../../escalation/tier-rules';
import type { HandoffNote } from '../../handoff/handoff-note';
import { validateHandoff } from '../../handoff/validate-handoff';
import type { Group } from '../../model/agent';
import type { Tier } from '../../model/levels';
import type { Ticket } from '../../model/ticket';
import { refuse, type ApplyContext, type ApplyOutcome, type RequesterNotification, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustOwn, mustWorkInTier, mustWorkOn, updated } from './common';

/** The group of the receiving tier that handles the ticket's category (or any group of that tier). */
export function receivingGroup(groups: readonly Group[], tier: Tier, category: string): Group | undefined {
  return groups.find((g) => g.tier === tier && g.categories.includes(category)) ?? groups.find((g) => g.tier === tier);
}

function previousHandoff(agg: TicketAggregate): HandoffNote | undefined {
  for (let i = agg.events.length - 1; i >= 0; i--) {
    const e = agg.events[i]!.event;
    if (e.type === 'handoff_note') return e.note as HandoffNote;
  }
  return undefined;
}

/** The requester hears who has the ticket now and what happens next, in the words of the move (escalated up, passed back down). */
function requesterMessage(ticket: Ticket, to: Group, tierName: string, note: HandoffNote, id: string, returning: boolean): RequesterNotification {
  const moved = `${returning ? 'passed' : 'escalated'} to ${tierName}`;
  return {
    id,
    ticketId: ticket.id,
    recipient: ticket.requester.email,
    subject: `${ticket.number} ${moved}: ${ticket.title}`,
    body:
      `Hello ${ticket.requester.name},\n\n` +
      `your ticket ${ticket.number} has been ${moved} (${to.name})${returning ? ', who will take it from here' : ''}.\n` +
      `Who owns it now: the ${to.name} team; a named ${returning ? 'agent' : 'engineer'} will take it shortly.\n` +
      `Expected next step: ${note.nextTierNeeds.trim()}\n\n` +
      `You do not need to do anything now; we will contact you if we need more information.`,
  };
}

/**
 * Functional escalation, up or back down a tier: a structured handoff note that passes the shared
 * validator (same check in the dialog, on the client and on the server), a
 * tier move the policy allows (a skip needs a direct path or a lead's reason),
 * then the ticket waits unowned in the receiving tier, against its
 * accept-within target, and the requester is told. Going back down (an L2
 * engineer returning a ticket with a fix for L1 to follow up) names one of
 * the policy's return reasons instead of an escalation trigger.
 */
export function escalateFunctional(agg0: TicketAggregate | null, args: ArgsOf<'escalateFunctional'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const returning = isReturn(ticket.tier, args.toTier);
  // A ticket waiting for acceptance may be sent straight back by someone of the tier it waits in (an
  // escalation that came too early), without taking it first; any other move needs its owner.
  const declining = returning && ticket.status === 'pending_acceptance';
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket), declining ? mustWorkInTier(ticket, ctx) : mustOwn(ticket, ctx));
  if (denied) return denied;
  if (ticket.status === 'pending_acceptance' && !declining) return refuse('conflict', `${ticket.number} was already escalated to ${ticket.tier} and waits for acceptance`);

  const triggers = functionalTriggersFor(ctx.policy, ticket.tier, args.toTier);
  const trigger = triggers.find((t) => t.id === args.trigger);
  if (!trigger) {
    const what = returning ? `a reason for returning a ticket to ${args.toTier}` : 'a functional escalation trigger';
    return refuse('invalid', `"${args.trigger}" is not ${what}; use ${triggers.map((t) => t.id).join(', ')}`, 'trigger');
  }

  const problems = validateHandoff(args.handoffNote, { ticket, fromTier: ticket.tier, toTier: args.toTier }, ctx.policy, previousHandoff(agg));
  const first = problems[0];
  if (first) return refuse('invalid_handoff', first.message, first.field ? `handoffNote.${first.field}` : 'handoffNote');

  const canApprove = ctx.policy.tierRules.skipApprovers.some((role) => role === ctx.actor.role);
  const approval = args.skipReason && canApprove ? { by: ctx.actor.id, role: ctx.actor.role, reason: args.skipReason } : undefined;
  const move = checkTierMove({ ...ticket, from: ticket.tier, to: args.toTier, approval }, ctx.policy);
  if (!move.ok) {
    if (move.field === 'toTier' && !canApprove) {
      return refuse('needs_lead_approval', `${move.message}. Ask a lead to approve and escalate it; your note is kept.`, 'toTier');
    }
    return refuse('invalid', move.message, move.field === 'toTier' ? 'toTier' : 'skipReason');
  }
  const group = receivingGroup(ctx.groups, args.toTier, ticket.category);
  if (!group) return refuse('invalid', `no group works in ${args.toTier}`, 'toTier');
  const tierName = ctx.policy.tiers.find((t) => t.id === args.toTier)?.name ?? args.toTier;

  const who = actorOf(ctx);
  const message = requesterMessage(ticket, group, tierName, args.handoffNote, `${ctx.eventIdPrefix}:requester`, returning);
  return updated(
    agg,
    { tier: args.toTier, group: group.id, assignee: null, status: 'pending_acceptance' },
    [
      {
        type: 'escalated',
        kind: 'functional',
        ...who,
        trigger: trigger.id,
        fromTier: ticket.tier,
        toTier: args.toTier,
        reason: args.handoffNote.nextTierNeeds,
        ...(approval ? { approval } : {}),
      },
      { type: 'handoff_note', ...who, fromTier: ticket.tier, toTier: args.toTier, note: args.handoffNote, skipReason: args.skipReason ?? null },
      { type: 'notification_queued', at: ctx.nowMs, by: 'system', role: 'system', notificationId: message.id, recipient: message.recipient, subject: message.subject, body: message.body },
    ],
    ctx,
    { action: returning ? 'ticket.returned_to_tier' : 'ticket.escalated_functional', reason: `${trigger.label}: ${args.handoffNote.nextTierNeeds}`, notifications: [message] },
  );
}
