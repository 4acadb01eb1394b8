import { canCreateTickets } from '../../auth/access';
import type { Ticket } from '../../model/ticket';
import { entryGroupFor, entryTierFor } from '../../escalation/tier-rules';
import { priorityFor } from '../../policy/lookups';
import { refuse, stampEvents, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { withClocks } from '../recompute';

export function createTicket(agg: TicketAggregate | null, args: ArgsOf<'createTicket'>, ctx: ApplyContext): ApplyOutcome {
  if (agg) return refuse('conflict', `ticket ${agg.ticket.number} already exists`, 'ticketId');
  if (!canCreateTickets(ctx.actor)) return refuse('forbidden', 'vendor liaisons cannot open tickets');
  const category = ctx.policy.categories.find((c) => c.id === args.category);
  if (!category) return refuse('invalid', `"${args.category}" is not a category in the policy`, 'category');
  const tier = entryTierFor(args.category, ctx.policy);
  const group = entryGroupFor(args.category, ctx.policy, ctx.groups)?.id;
  if (!group) return refuse('invalid', `no group of tier ${tier} handles "${args.category}"`, 'category');
  const priority = priorityFor(ctx.policy, args.impact, args.urgency);
  const at = ctx.nowMs;
  const events = stampEvents(null, args.ticketId, [
    {
      type: 'created',
      at,
      by: ctx.actor.id,
      role: ctx.actor.role,
      ticketId: args.ticketId,
      priority,
      severity: args.severity,
      category: args.category,
      channel: args.channel,
      tier,
    },
  ], ctx.eventIdPrefix);
  const draft: Ticket = {
    id: args.ticketId,
    number: ctx.numberForNewTicket(),
    title: args.title,
    description: args.description,
    requester: args.requester,
    category: args.category,
    service: args.service,
    impact: args.impact,
    urgency: args.urgency,
    priority,
    severity: args.severity,
    tier,
    group,
    assignee: null,
    status: 'new',
    channel: args.channel,
    createdAt: at,
    updatedAt: at,
    // Replaced from the log just below; a placeholder keeps the type whole.
    sla: { response: placeholderClock(at), resolution: placeholderClock(at) },
    version: 1,
    fieldVersions: {},
    resolution: null,
  };
  const ticket = withClocks(draft, events, ctx.policy, at);
  return {
    ok: true,
    ticket,
    events,
    kbArticles: [],
    notifications: [],
    audit: { action: 'ticket.created', entityType: 'ticket', entityId: ticket.id, before: null, after: ticket, reason: null },
  };
}

function placeholderClock(at: number) {
  return { state: 'not_started' as const, calendar: '24x7', targetMs: 1, elapsedMs: 0, since: at, dueAt: null, breachedAt: null, pauseReason: null };
}
