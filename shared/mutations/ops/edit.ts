import type { Ticket } from '../../model/ticket';
import { priorityFor } from '../../policy/lookups';
import type { TimelineEvent } from '../../model/stored-event';
import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf, EditableField } from '../mutations';
import { actorOf, existing, firstRefusal, mustBeOpen, mustWorkOn, updated } from './common';

/**
 * Field edits merge per field. Each field remembers the version at which it
 * last changed; an edit based on an older version collides only if that
 * same field changed since and the values differ. Then it is refused (the
 * agent's text is kept in Needs attention) rather than silently overwritten.
 */
export function updateFields(agg0: TicketAggregate | null, args: ArgsOf<'updateFields'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const { ticket } = agg;
  const denied = firstRefusal(mustWorkOn(ticket, ctx), mustBeOpen(ticket));
  if (denied) return denied;

  const fields = args.fields as Partial<Pick<Ticket, EditableField>>;
  const changes: Array<{ field: EditableField; from: unknown; to: unknown }> = [];
  for (const [field, value] of Object.entries(fields) as Array<[EditableField, unknown]>) {
    if (value === undefined || ticket[field] === value) continue;
    const lastChanged = ticket.fieldVersions[field] ?? 1;
    if (lastChanged > args.baseVersion) {
      return refuse('conflict', `${field} was changed by someone else since you opened the ticket (now "${String(ticket[field])}")`, `fields.${field}`);
    }
    changes.push({ field, from: ticket[field], to: value });
  }
  if (!changes.length) return refuse('invalid', 'nothing changed', 'fields');
  if (fields.category && !ctx.policy.categories.some((c) => c.id === fields.category)) {
    return refuse('invalid', `"${fields.category}" is not a category in the policy`, 'fields.category');
  }

  const next: Partial<Ticket> = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  const impact = next.impact ?? ticket.impact;
  const urgency = next.urgency ?? ticket.urgency;
  const priority = priorityFor(ctx.policy, impact, urgency);
  const who = actorOf(ctx);
  const events: TimelineEvent[] = [{ type: 'fields_updated', ...who, changes }];
  if (priority !== ticket.priority) {
    events.push({ type: 'priority_changed', ...who, priority, reason: `impact ${impact} × urgency ${urgency}` });
  }
  if (next.category) events.push({ type: 'category_changed', ...who, category: next.category });
  const version = ticket.version + 1;
  const fieldVersions = { ...ticket.fieldVersions, ...Object.fromEntries(changes.map((c) => [c.field, version])) };
  return updated(agg, { ...next, priority, fieldVersions }, events, ctx, { action: 'ticket.fields_updated' });
}
