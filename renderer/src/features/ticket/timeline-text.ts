import type { Agent } from '../../../../shared/model/agent';
import type { TimelineEvent } from '../../../../shared/model/stored-event';
import type { Policy } from '../../../../shared/policy/schema';
import { describeFiredAction } from '../../../../shared/escalation/escalation-notices';
import { functionalTriggersFor, isReturn } from '../../../../shared/escalation/tier-rules';
import { formatSpan } from '../../../../shared/time/format-instant';

export type TimelineKind = 'note' | 'handoff' | 'escalation' | 'clock' | 'ownership' | 'notification' | 'knowledge' | 'change' | 'audit' | 'status';

const action = (id: string) => id.replace(/_/g, ' ').replace(/\bit\b/, 'IT');

/** One log entry as a sentence and a category (for its icon and filter); notes and handoffs also render their body. */
export function describeEvent(event: TimelineEvent, names: ReadonlyMap<string, Agent>, policy: Policy): { kind: TimelineKind; text: string } {
  const who = event.role === 'system' ? 'Tierdesk' : (names.get(event.by)?.name ?? event.by);
  const clock = (c: string) => `${c} clock`;
  switch (event.type) {
    case 'created':
      return { kind: 'status', text: `${who} created the ticket (${event.channel}; ${event.priority}, ${event.severity}, ${event.category})` };
    case 'responded':
      return { kind: 'clock', text: `${who} responded to the requester (${action(event.via)})` };
    case 'accepted':
      if (event.onBehalfOf) {
        const owner = names.get(event.onBehalfOf)?.name ?? event.onBehalfOf;
        return { kind: 'ownership', text: `${who} dispatched the ticket in ${event.tier}: accepted on behalf of ${owner}` };
      }
      return { kind: 'ownership', text: `${who} accepted ownership in ${event.tier}` };
    case 'priority_changed':
      return { kind: 'change', text: `${who} changed the priority to ${event.priority}: ${event.reason}` };
    case 'severity_changed':
      return { kind: 'change', text: `${who} changed the severity to ${event.severity}: ${event.reason}` };
    case 'category_changed':
      return { kind: 'change', text: `${who} changed the category to ${event.category}` };
    case 'paused': {
      const reason = policy.pauseReasons.find((r) => r.id === event.reason)?.label ?? event.reason;
      return { kind: 'clock', text: `${who} paused the ${clock(event.clock)}: ${reason}${event.note ? ` — ${event.note}` : ''}` };
    }
    case 'resumed':
      return { kind: 'clock', text: `${who} resumed the ${clock(event.clock)}` };
    case 'escalated': {
      if (event.kind === 'hierarchical') {
        const level = policy.management.find((m) => m.id === event.level)?.name ?? event.level;
        const trigger = policy.escalationTriggers.hierarchical.find((t) => t.id === event.trigger)?.label ?? event.trigger;
        return { kind: 'escalation', text: `${who} escalated to ${level} (${trigger}): ${event.reason}` };
      }
      const trigger = functionalTriggersFor(policy, event.fromTier, event.toTier).find((t) => t.id === event.trigger)?.label ?? event.trigger;
      if (isReturn(event.fromTier, event.toTier)) return { kind: 'escalation', text: `${who} sent the ticket back ${event.fromTier} → ${event.toTier} (${trigger})` };
      const approval = event.approval ? `; tier skip approved by ${names.get(event.approval.by)?.name ?? event.approval.by}: ${event.approval.reason}` : '';
      return { kind: 'escalation', text: `${who} escalated ${event.fromTier} → ${event.toTier} (${trigger})${approval}` };
    }
    case 'resolved':
      return { kind: 'status', text: `${who} resolved the ticket` };
    case 'reopened':
      return { kind: 'status', text: `${who} reopened the ticket: ${event.reason}` };
    case 'closed':
      if (event.role === 'system') return { kind: 'status', text: `${who} closed the ticket: resolved ${formatSpan(policy.closeResolvedAfter)} ago and not reopened` };
      return { kind: 'status', text: `${who} closed the ticket` };
    case 'action_fired':
      return { kind: 'audit', text: `${who} carried out an escalation step: ${describeFiredAction(event.actionId, policy)}` };
    case 'note_added':
      return { kind: 'note', text: `${who} added ${event.visibility === 'public' ? `a note to the requester${event.contact ? ` (${action(event.contact)})` : ''}` : 'an internal note'}` };
    case 'fields_updated':
      return { kind: 'change', text: `${who} changed ${event.changes.map((c) => `${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join(', ')}` };
    case 'handoff_note':
      return { kind: 'handoff', text: `${who} handed over ${event.fromTier} → ${event.toTier}${event.skipReason ? ` (tier skip: ${event.skipReason})` : ''}` };
    case 'skip_requested':
      return { kind: 'escalation', text: `${who} asked a lead to approve skipping to ${event.toTier}: ${event.reason}` };
    case 'skip_decided': {
      const requester = names.get(event.requestedBy)?.name ?? event.requestedBy;
      const why = event.reason ? `: ${event.reason}` : '';
      if (event.decision === 'withdrawn') return { kind: 'escalation', text: `${who} withdrew the request to skip to ${event.toTier}${why}` };
      return { kind: 'escalation', text: `${who} ${event.decision} ${requester}'s request to skip to ${event.toTier}${why}` };
    }
    case 'owner_changed': {
      const name = (id: string | null) => (id === null ? null : (names.get(id)?.name ?? id));
      const from = name(event.from);
      if (event.to === null) {
        const text = event.from === event.by ? `${who} released the ticket to the queue` : `${who} took the ticket from ${from ?? 'nobody'} back to the queue`;
        return { kind: 'ownership', text: `${text}: ${event.reason}` };
      }
      return { kind: 'ownership', text: `${who} gave the ticket to ${name(event.to)}${from ? ` (was ${from})` : ''}: ${event.reason}` };
    }
    case 'kb_marked':
      return { kind: 'knowledge', text: `${who} marked a knowledge article: ${event.outcome === 'resolved_with' ? 'resolved with it' : 'checked, did not resolve'}` };
    case 'resolution_recorded':
      return { kind: 'status', text: `${who} recorded the resolution` };
    case 'notification_queued':
      return { kind: 'notification', text: `Message to the requester (${event.recipient}): ${event.subject}` };
  }
}
