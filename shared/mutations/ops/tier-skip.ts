import { checkTierMove, isReturn } from '../../escalation/tier-rules';
import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { canApproveSkip, checkNote, handOver, triggerOf } from './escalate-functional';
import { actorOf, existing, firstRefusal, mustBeOpen, mustOwn, mustWorkOn, updated } from './common';

/**
 * Asking a lead to approve a tier skip. The owner writes the whole handoff
 * note (checked now, as for any escalation) and says why the tier is
 * skipped; the ticket keeps its owner and waits in "Skip approvals" for a
 * lead, who then approves (the escalation goes out with the owner's note and
 * the lead's reason as the approval) or declines with a reason. Only a move
 * that really needs approval can be asked for: an allowed move is simply
 * escalated, and a lead approves their own skip by escalating with a reason.
 */
export function requestTierSkip(agg0: TicketAggregate | null, args: ArgsOf<'requestTierSkip'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket), mustOwn(ticket, ctx));
  if (denied) return denied;
  if (ticket.status === 'pending_acceptance') return refuse('conflict', `${ticket.number} was already escalated to ${ticket.tier} and waits for acceptance`);
  if (ticket.skipRequest) {
    return refuse('conflict', `a skip to ${ticket.skipRequest.toTier} already waits for a lead's approval on ${ticket.number}; withdraw it first to ask again`);
  }
  if (isReturn(ticket.tier, args.toTier) || checkTierMove({ ...ticket, from: ticket.tier, to: args.toTier }, ctx.policy).ok) {
    return refuse('invalid', `${ticket.tier} → ${args.toTier} needs no approval; escalate it directly`, 'toTier');
  }
  if (canApproveSkip(ctx)) return refuse('invalid', 'you can approve a tier skip yourself: escalate with your reason', 'toTier');
  const trigger = triggerOf(ticket, args.toTier, args.trigger, ctx);
  if ('ok' in trigger) return trigger;
  const problems = checkNote(agg, args.toTier, args.handoffNote, ctx);
  if (problems) return problems;
  if (args.skipReason.length < 10) return refuse('invalid', 'say why the tier is skipped (at least a sentence); the lead reads it', 'skipReason');

  const who = actorOf(ctx);
  return updated(
    agg,
    { skipRequest: { toTier: args.toTier, trigger: trigger.id, reason: args.skipReason, note: args.handoffNote, by: ctx.actor.id, role: ctx.actor.role, at: ctx.nowMs } },
    [{ type: 'skip_requested', ...who, toTier: args.toTier, trigger: trigger.id, reason: args.skipReason }],
    ctx,
    { action: 'ticket.skip_requested', reason: args.skipReason },
  );
}

/**
 * A lead's decision on a tier-skip request, or its requester withdrawing it.
 * Approving escalates with the requester's note, checked again against the
 * ticket as it is now (a note whose category or priority is out of date is
 * refused, and the lead declines so the owner can rewrite it).
 */
export function decideTierSkip(agg0: TicketAggregate | null, args: ArgsOf<'decideTierSkip'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const request = ticket.skipRequest;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket));
  if (denied) return denied;
  if (!request) return refuse('conflict', `no tier skip waits for approval on ${ticket.number} (it was decided, withdrawn or the ticket moved on)`);
  const who = actorOf(ctx);
  const decided = (decision: 'approved' | 'declined' | 'withdrawn') =>
    ({ type: 'skip_decided', ...who, decision, toTier: request.toTier, requestedBy: request.by, reason: args.reason ?? null }) as const;

  if (args.decision === 'withdraw') {
    if (ctx.actor.id !== request.by && ticket.assignee !== ctx.actor.id) return refuse('forbidden', 'only the agent who asked, or the ticket\'s owner, can withdraw a skip request');
    return updated(agg, { skipRequest: null }, [decided('withdrawn')], ctx, { action: 'ticket.skip_withdrawn', reason: args.reason ?? null });
  }
  if (!canApproveSkip(ctx)) {
    return refuse('forbidden', `only a ${ctx.policy.tierRules.skipApprovers.join(' or ')} can approve or decline a tier skip`);
  }
  if (!args.reason) return refuse('invalid', args.decision === 'approve' ? 'say why the skip is approved; it is recorded with the escalation' : 'say why it is declined; the owner reads it', 'reason');
  if (args.decision === 'decline') {
    return updated(agg, { skipRequest: null }, [decided('declined')], ctx, { action: 'ticket.skip_declined', reason: args.reason });
  }

  const approval = { by: ctx.actor.id, role: ctx.actor.role, reason: args.reason };
  const move = checkTierMove({ ...ticket, from: ticket.tier, to: request.toTier, approval }, ctx.policy);
  if (!move.ok) return refuse('invalid', move.message, move.field === 'approval.reason' ? 'reason' : 'toTier');
  const trigger = triggerOf(ticket, request.toTier, request.trigger, ctx);
  if ('ok' in trigger) return trigger;
  const problems = checkNote(agg, request.toTier, request.note, ctx);
  if (problems) return refuse(problems.code, `the requester's note cannot go out as it is: ${problems.message}. Decline it so they can update it.`, problems.field);
  return handOver(
    agg,
    {
      toTier: request.toTier,
      trigger,
      note: request.note,
      skipReason: request.reason,
      approval: move.path === 'approved_skip' ? approval : undefined,
      author: { by: request.by, role: request.role },
      before: [decided('approved')],
    },
    ctx,
  );
}
