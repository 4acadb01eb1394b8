import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustWorkOn, updated } from './common';

/** Notifies up the management chain with a reason; the functional owner keeps the ticket. */
export function escalateHierarchical(agg0: TicketAggregate | null, args: ArgsOf<'escalateHierarchical'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const denied = firstRefusal(mustWorkOn(agg.ticket, ctx), mustBeOpen(agg.ticket));
  if (denied) return denied;
  const level = ctx.policy.management.find((m) => m.id === args.toRole);
  if (!level) {
    return refuse('invalid', `"${args.toRole}" is not a management level; use ${ctx.policy.management.map((m) => m.id).join(', ')}`, 'toRole');
  }
  const trigger = ctx.policy.escalationTriggers.hierarchical.find((t) => t.id === args.trigger);
  if (!trigger) {
    return refuse('invalid', `"${args.trigger}" is not a hierarchical trigger; use ${ctx.policy.escalationTriggers.hierarchical.map((t) => t.id).join(', ')}`, 'trigger');
  }
  return updated(
    agg,
    {},
    [{ type: 'escalated', kind: 'hierarchical', ...actorOf(ctx), trigger: trigger.id, level: level.id, reason: args.reason }],
    ctx,
    { action: 'ticket.escalated_hierarchical', reason: `${trigger.label} → ${level.name}: ${args.reason}` },
  );
}
