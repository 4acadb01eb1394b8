import type { TimelineEvent } from '../../model/stored-event';
import { clocksOf } from '../recompute';
import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { actorOf, existing, firstRefusal, mustNotBeClosed, mustWorkOn, openStatus, updated } from './common';

/** Work notes are append-only: they never conflict, whoever else wrote meanwhile. */
export function addWorkNote(agg0: TicketAggregate | null, args: ArgsOf<'addWorkNote'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustNotBeClosed(ticket));
  if (denied) return denied;
  if (agg.events.some((e) => e.event.type === 'note_added' && e.event.noteId === args.noteId)) {
    return refuse('conflict', 'this note was already added', 'noteId');
  }
  const who = actorOf(ctx);
  const contact = args.visibility === 'public' ? (args.contact ?? 'public_reply') : args.contact;
  const events: TimelineEvent[] = [
    { type: 'note_added', ...who, noteId: args.noteId, body: args.body, visibility: args.visibility, contact },
  ];
  // A contact while the response clock runs may be the first response; whether
  // it counts for the ticket's channel is the policy's call (computeClocks).
  if (contact && clocksOf(agg.events, ctx.policy, ctx.nowMs).response?.state === 'running') {
    events.push({ type: 'responded', ...who, via: contact });
  }
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  const status = open && ticket.assignee === ctx.actor.id ? openStatus({ ...ticket, status: 'in_progress' }, ticket.status === 'on_hold') : ticket.status;
  return updated(agg, { status }, events, ctx, { action: 'ticket.note_added' });
}

export function markKbArticle(agg0: TicketAggregate | null, args: ArgsOf<'markKbArticle'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const denied = firstRefusal(mustWorkOn(agg.ticket, ctx), mustNotBeClosed(agg.ticket));
  if (denied) return denied;
  if (!ctx.kbArticle(args.articleId)) return refuse('not_found', 'no such knowledge article', 'articleId');
  return updated(agg, {}, [{ type: 'kb_marked', ...actorOf(ctx), articleId: args.articleId, outcome: args.outcome }], ctx, {
    action: 'ticket.kb_marked',
  });
}
