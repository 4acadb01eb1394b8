import type { FieldError } from '../../../../shared/errors';
import type { Agent, Group } from '../../../../shared/model/agent';
import type { Channel, Impact, Priority, Severity, Tier, Urgency } from '../../../../shared/model/levels';
import type { ArgsInput } from '../../../../shared/mutations/mutations';
import { entryGroupFor, entryTierFor } from '../../../../shared/escalation/tier-rules';
import { priorityFor } from '../../../../shared/policy/lookups';
import type { Policy } from '../../../../shared/policy/schema';
import type { Ticket } from '../../../../shared/model/ticket';

/** What the agent types into the New ticket dialog (kept as a draft while they type). */
export type NewTicketDraft = {
  title: string;
  description: string;
  requesterName: string;
  requesterEmail: string;
  vip: boolean;
  category: string;
  service: string;
  impact: Impact;
  urgency: Urgency;
  severity: Severity;
  channel: Channel;
  /** Accept it as soon as it is created (the agent logging a call usually works it). */
  takeIt: boolean;
};

export const CHANNEL_LABEL: Record<Channel, string> = {
  phone: 'Phone call',
  email: 'Email',
  portal: 'Portal',
  chat: 'Chat',
  walk_in: 'Walk-in',
  monitoring: 'Monitoring alert',
};

/** An agent logging a call: phone, medium impact and urgency, S3, the first category of their groups. */
export function blankTicket(policy: Policy, agent: Agent): NewTicketDraft {
  const mine = policy.categories.find((c) => agent.groups.includes(c.group)) ?? policy.categories[0];
  return {
    title: '',
    description: '',
    requesterName: '',
    requesterEmail: '',
    vip: false,
    category: mine?.id ?? '',
    service: '',
    impact: 'medium',
    urgency: 'medium',
    severity: 'S3',
    channel: 'phone',
    takeIt: true,
  };
}

/** A ticket's title can be this long (the createTicket schema's limit). */
const TITLE_MAX = 200;

/**
 * A new ticket about a closed one that came back: the same requester,
 * service and classification, a title and description that refer to it
 * (and say how it was fixed), on top of the agent's usual blank.
 */
export function followUpOf(ticket: Ticket, closedOn: string, base: NewTicketDraft): NewTicketDraft {
  const fixed = ticket.resolution ? ` It was resolved with: ${ticket.resolution.text}` : '';
  return {
    ...base,
    title: `Follow-up to ${ticket.number}: ${ticket.title}`.slice(0, TITLE_MAX),
    description: `Follow-up to ${ticket.number} (${ticket.title}), closed on ${closedOn}.${fixed}\n\n`,
    requesterName: ticket.requester.name,
    requesterEmail: ticket.requester.email,
    vip: ticket.requester.vip,
    category: ticket.category,
    service: ticket.service,
    impact: ticket.impact,
    urgency: ticket.urgency,
    severity: ticket.severity,
  };
}

/** A refused createTicket's args, back in the dialog's shape. */
export function draftFromArgs(args: unknown, fallback: NewTicketDraft): NewTicketDraft {
  const a = (args ?? {}) as Partial<ArgsInput<'createTicket'>>;
  return {
    ...fallback,
    ...(a.title !== undefined && { title: a.title }),
    ...(a.description !== undefined && { description: a.description }),
    ...(a.requester && { requesterName: a.requester.name, requesterEmail: a.requester.email, vip: a.requester.vip }),
    ...(a.category !== undefined && { category: a.category }),
    ...(a.service !== undefined && { service: a.service }),
    ...(a.impact && { impact: a.impact }),
    ...(a.urgency && { urgency: a.urgency }),
    ...(a.severity && { severity: a.severity }),
    ...(a.channel && { channel: a.channel }),
  };
}

export function toArgs(draft: NewTicketDraft, ticketId: string): ArgsInput<'createTicket'> {
  return {
    ticketId,
    title: draft.title.trim(),
    description: draft.description,
    requester: { name: draft.requesterName.trim(), email: draft.requesterEmail.trim(), vip: draft.vip },
    category: draft.category,
    service: draft.service.trim(),
    impact: draft.impact,
    urgency: draft.urgency,
    severity: draft.severity,
    channel: draft.channel,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems an agent can fix before anything is written, in words (the mutation's schema still checks everything). */
export function checkNewTicket(draft: NewTicketDraft): FieldError[] {
  const out: FieldError[] = [];
  if (!draft.title.trim()) out.push({ field: 'title', message: 'Say in a line what is wrong.' });
  if (!draft.requesterName.trim()) out.push({ field: 'requester.name', message: 'Who asked for help?' });
  if (!EMAIL.test(draft.requesterEmail.trim())) out.push({ field: 'requester.email', message: 'An email address such as ava.adams@example.com: replies and notifications go there.' });
  if (!draft.service.trim()) out.push({ field: 'service', message: 'Which service is affected (e.g. VPN, Email, Printing)?' });
  if (!draft.category) out.push({ field: 'category', message: 'Pick a category: it decides the group and tier.' });
  return out;
}

/** Where the ticket will land and at what priority: the same rules createTicket applies. */
export function routing(policy: Policy, groups: readonly Group[], draft: NewTicketDraft): { priority: Priority; tier: Tier; group: string | null } {
  const group = entryGroupFor(draft.category, policy, groups);
  return { priority: priorityFor(policy, draft.impact, draft.urgency), tier: entryTierFor(draft.category, policy), group: group?.name ?? null };
}
