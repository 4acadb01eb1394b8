import { isSupervisor } from '../../auth/access';
import type { KbArticle } from '../../model/kb-article';
import type { StoredEvent } from '../../model/stored-event';
import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustWorkOn, updated } from './common';

export function wasEscalated(events: readonly StoredEvent[]): boolean {
  return events.some((e) => e.event.type === 'escalated' && e.event.kind === 'functional');
}

/**
 * Only the owning tier resolves. An escalated ticket closes the knowledge
 * loop: the resolver links an existing article or writes one, which is then
 * suggested to L1 for similar tickets.
 */
export function resolve(agg0: TicketAggregate | null, args: ArgsOf<'resolve'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket));
  if (denied) return denied;
  if (ticket.status === 'pending_acceptance') return refuse('invalid_state', `${ticket.number} waits for acceptance in ${ticket.tier}`);
  if (ticket.assignee !== ctx.actor.id && !isSupervisor(ctx.actor)) return refuse('forbidden', 'only the owner resolves the ticket');
  if (ctx.actor.tier !== ticket.tier && !isSupervisor(ctx.actor)) {
    return refuse('forbidden', `${ticket.number} is owned by ${ticket.tier}; only that tier resolves it`);
  }
  let article: KbArticle | undefined;
  if (args.kbArticleId) {
    article = ctx.kbArticle(args.kbArticleId);
    if (!article) return refuse('not_found', 'no such knowledge article', 'kbArticleId');
  }
  const kbArticles: KbArticle[] = [];
  if (args.kbDraft) {
    if (ctx.kbArticle(args.kbDraft.articleId)) return refuse('conflict', 'an article with this id exists', 'kbDraft.articleId');
    kbArticles.push({
      id: args.kbDraft.articleId,
      title: args.kbDraft.title,
      body: args.kbDraft.body,
      category: ticket.category,
      tags: args.kbDraft.tags,
      sourceTicketId: ticket.id,
      createdBy: ctx.actor.id,
      createdAt: ctx.nowMs,
      updatedAt: ctx.nowMs,
      version: 1,
    });
  }
  const kbArticleId = article?.id ?? args.kbDraft?.articleId ?? null;
  if (wasEscalated(agg.events) && !kbArticleId) {
    return refuse('kb_required', 'this ticket was escalated: link the knowledge article that solves it, or draft one', 'kbArticleId');
  }
  const who = actorOf(ctx);
  const notification = {
    id: `${ctx.eventIdPrefix}:resolved`,
    ticketId: ticket.id,
    recipient: ticket.requester.email,
    subject: `${ticket.number} resolved: ${ticket.title}`,
    body: `Hello ${ticket.requester.name},\n\nyour ticket ${ticket.number} has been resolved:\n\n${args.resolution}\n\nIf the problem is back, reply and we will reopen it.`,
  };
  return updated(
    agg,
    // A skip request still waiting is moot once the ticket is solved.
    { status: 'resolved', resolution: { text: args.resolution, kbArticleId, at: ctx.nowMs, by: ctx.actor.id }, ...(ticket.skipRequest ? { skipRequest: null } : {}) },
    [
      { type: 'resolution_recorded', ...who, resolution: args.resolution, kbArticleId },
      { type: 'resolved', ...who },
      { type: 'notification_queued', at: ctx.nowMs, by: 'system', role: 'system', notificationId: notification.id, recipient: notification.recipient, subject: notification.subject, body: notification.body },
    ],
    ctx,
    { action: 'ticket.resolved', kbArticles, notifications: [notification] },
  );
}

/** Reopen resumes the resolution clock where it stopped (computeClocks). */
export function reopen(agg0: TicketAggregate | null, args: ArgsOf<'reopen'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = mustWorkOn(ticket, ctx);
  if (denied) return denied;
  if (ticket.status !== 'resolved') return refuse('invalid_state', `${ticket.number} is ${ticket.status}, not resolved`);
  return updated(
    agg,
    { status: ticket.assignee ? 'in_progress' : 'new', resolution: null },
    [{ type: 'reopened', ...actorOf(ctx), reason: args.reason }],
    ctx,
    { action: 'ticket.reopened', reason: args.reason },
  );
}
