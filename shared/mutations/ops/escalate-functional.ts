import { approvesSkips, checkTierMove, functionalTriggersFor, isReturn } from '../../escalation/tier-rules';
import { latestHandoff, type HandoffNote } from '../../handoff/handoff-note';
import { validateHandoff } from '../../handoff/validate-handoff';
import type { Group } from '../../model/agent';
import type { Tier } from '../../model/levels';
import type { Ticket } from '../../model/ticket';
import type { TimelineEvent } from '../../model/stored-event';
import type { ActorRole, SkipApproval } from '../../model/ticket-event';
import { refuse, type ApplyContext, type ApplyOutcome, type Refusal, type RequesterNotification, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustOwn, mustWorkInTier, mustWorkOn, updated } from './common';

/** The group of the receiving tier that handles the ticket's category (or any group of that tier). */
export function receivingGroup(groups: readonly Group[], tier: Tier, category: string): Group | undefined {
  return groups.find((g) => g.tier === tier && g.categories.includes(category)) ?? groups.find((g) => g.tier === tier);
}

function previousHandoff(agg: TicketAggregate): HandoffNote | undefined {
  return latestHandoff(agg.events)?.note as HandoffNote | undefined;
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

  const trigger = triggerOf(ticket, args.toTier, args.trigger, ctx);
  if ('ok' in trigger) return trigger;

  const problems = checkNote(agg, args.toTier, args.handoffNote, ctx);
  if (problems) return problems;

  const canApprove = canApproveSkip(ctx);
  const approval = args.skipReason && canApprove ? { by: ctx.actor.id, role: ctx.actor.role, reason: args.skipReason } : undefined;
  const move = checkTierMove({ ...ticket, from: ticket.tier, to: args.toTier, approval }, ctx.policy);
  if (!move.ok) {
    if (move.field === 'toTier' && !canApprove) {
      return refuse('needs_lead_approval', `${move.message}. Ask a lead to approve it (your note goes with the request and is kept).`, 'toTier');
    }
    return refuse('invalid', move.message, move.field === 'toTier' ? 'toTier' : 'skipReason');
  }
  return handOver(agg, { toTier: args.toTier, trigger, note: args.handoffNote, skipReason: args.skipReason ?? null, approval }, ctx);
}

/** The policy's trigger (up) or return reason (down) named `id`, or a refusal that lists the ones it has. */
export function triggerOf(ticket: Ticket, toTier: Tier, id: string, ctx: ApplyContext): { id: string; label: string } | Refusal {
  const triggers = functionalTriggersFor(ctx.policy, ticket.tier, toTier);
  const trigger = triggers.find((t) => t.id === id);
  if (trigger) return trigger;
  const what = isReturn(ticket.tier, toTier) ? `a reason for returning a ticket to ${toTier}` : 'a functional escalation trigger';
  return refuse('invalid', `"${id}" is not ${what}; use ${triggers.map((t) => t.id).join(', ')}`, 'trigger');
}

/** The handoff note's problems for a move to `toTier` (the shared validator, also against the previous handoff), as a refusal. */
export function checkNote(agg: TicketAggregate, toTier: Tier, note: HandoffNote, ctx: ApplyContext): Refusal | null {
  const problems = validateHandoff(note, { ticket: agg.ticket, fromTier: agg.ticket.tier, toTier }, ctx.policy, previousHandoff(agg));
  const first = problems[0];
  return first ? refuse('invalid_handoff', first.message, first.field ? `handoffNote.${first.field}` : 'handoffNote') : null;
}

export const canApproveSkip = (ctx: ApplyContext): boolean => approvesSkips(ctx.policy, ctx.actor.role);

type Handover = {
  toTier: Tier;
  trigger: { id: string; label: string };
  note: HandoffNote;
  skipReason: string | null;
  approval: SkipApproval | undefined;
  /** Who wrote the note, when it is not the actor (a skip request a lead approves). */
  author?: { by: string; role: ActorRole };
  /** Entries written before the move (the lead's decision on a skip request). */
  before?: TimelineEvent[];
};

/**
 * The move itself, once it is allowed: the ticket waits unowned in the
 * receiving tier's group, any skip request is settled, and the requester is
 * told who has it now.
 */
export function handOver(agg: TicketAggregate, move: Handover, ctx: ApplyContext): ApplyOutcome {
  const { ticket } = agg;
  const returning = isReturn(ticket.tier, move.toTier);
  const group = receivingGroup(ctx.groups, move.toTier, ticket.category);
  if (!group) return refuse('invalid', `no group works in ${move.toTier}`, 'toTier');
  const tierName = ctx.policy.tiers.find((t) => t.id === move.toTier)?.name ?? move.toTier;

  const who = actorOf(ctx);
  const author = move.author ? { ...who, ...move.author } : who;
  const message = requesterMessage(ticket, group, tierName, move.note, `${ctx.eventIdPrefix}:requester`, returning);
  return updated(
    agg,
    { tier: move.toTier, group: group.id, assignee: null, status: 'pending_acceptance', ...(ticket.skipRequest ? { skipRequest: null } : {}) },
    [
      ...(move.before ?? []),
      {
        type: 'escalated',
        kind: 'functional',
        ...who,
        trigger: move.trigger.id,
        fromTier: ticket.tier,
        toTier: move.toTier,
        reason: move.note.nextTierNeeds,
        ...(move.approval ? { approval: move.approval } : {}),
      },
      { type: 'handoff_note', ...author, fromTier: ticket.tier, toTier: move.toTier, note: move.note, skipReason: move.skipReason },
      { type: 'notification_queued', at: ctx.nowMs, by: 'system', role: 'system', notificationId: message.id, recipient: message.recipient, subject: message.subject, body: message.body },
    ],
    ctx,
    { action: returning ? 'ticket.returned_to_tier' : 'ticket.escalated_functional', reason: `${move.trigger.label}: ${move.note.nextTierNeeds}`, notifications: [message] },
  );
}
