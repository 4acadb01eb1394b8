import type { Agent } from '../../../../shared/model/agent';
import type { HandoffNote, HandoffStep } from '../../../../shared/handoff/handoff-note';
import type { KbArticle } from '../../../../shared/model/kb-article';
import type { StoredEvent } from '../../../../shared/model/stored-event';
import type { Ticket } from '../../../../shared/model/ticket';
import type { Policy } from '../../../../shared/policy/schema';
import { reasonsToward, tiersToward, type HandoffDirection, type HandoffForm } from './handoff-form';

/** The latest handoff note on the ticket: the new one must not be a copy of it. */
export function previousHandoff(events: readonly StoredEvent[]): HandoffNote | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!.event;
    if (e.type === 'handoff_note') return e.note as HandoffNote;
  }
  return null;
}

/** A note body as a step: its first sentence is what was done, the rest what came of it. */
function stepFromNote(body: string): HandoffStep {
  const text = body.trim().replace(/\s+/g, ' ');
  const cut = text.search(/[.;!?](\s|$)/);
  if (cut < 0 || cut === text.length - 1) return { action: text.replace(/[.;!?]$/, ''), outcome: '' };
  return { action: text.slice(0, cut), outcome: text.slice(cut + 1).trim() };
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * A first draft of the handoff from what the ticket already says, so a good
 * note takes seconds: work notes since the last handoff become steps, field
 * changes become steps, knowledge articles marked "did not resolve" are
 * listed as checked, and everyone who acted is involved. The agent still
 * writes the business impact check, the workaround and what the next tier
 * needs; the copy check stops a note that only repeats the previous one.
 */
export function prefillHandoff(
  ticket: Ticket,
  events: readonly StoredEvent[],
  policy: Policy,
  names: ReadonlyMap<string, Agent>,
  kb: ReadonlyMap<string, KbArticle>,
  me: Agent,
  direction: HandoffDirection = 'up',
): HandoffForm {
  let since = 0;
  events.forEach((e, i) => e.event.type === 'handoff_note' && (since = i + 1));
  const steps: HandoffStep[] = [];
  const kbChecked: string[] = [];
  const involved = new Set<string>([me.name]);
  for (const { event } of events.slice(since)) {
    const who = names.get(event.by)?.name;
    if (who && event.role !== 'system') involved.add(who);
    if (event.type === 'note_added') steps.push(stepFromNote(event.body));
    if (event.type === 'fields_updated') {
      for (const c of event.changes) steps.push({ action: `Changed ${c.field} from "${show(c.from)}" to "${show(c.to)}"`, outcome: 'Saved on the ticket' });
    }
    if (event.type === 'kb_marked' && event.outcome === 'checked_not_resolved') {
      kbChecked.push(event.articleId);
      steps.push({ action: `Followed knowledge article "${kb.get(event.articleId)?.title ?? event.articleId}"`, outcome: 'Did not resolve the issue' });
    }
  }
  involved.add(`${ticket.requester.name} (requester)`);
  const severity = policy.severities.find((s) => s.id === ticket.severity);
  return {
    toTier: tiersToward(ticket.tier, direction)[0] ?? ticket.tier,
    trigger: direction === 'up' ? 'troubleshooting_exhausted' : (reasonsToward(policy, 'down')[0]?.id ?? ''),
    skipReason: '',
    steps: steps.length ? steps : [{ action: '', outcome: '' }],
    businessImpact: severity
      ? `${severity.name} (${severity.id}): ${severity.description.replace(/\s*\(.*\)\s*$/, '')}. ${ticket.requester.name}${ticket.requester.vip ? ' (VIP)' : ''} affected; service ${ticket.service}.`
      : '',
    workaround: '',
    involved: [...involved].join('\n'),
    nextTierNeeds: '',
    kbArticlesChecked: [...new Set(kbChecked)],
    category: ticket.category,
    priority: ticket.priority,
  };
}
