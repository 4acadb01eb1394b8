import type { Agent, Group } from '../model/agent';
import type { Ticket } from '../model/ticket';
import type { Contact, EscalationAction } from '../policy/escalation-schema';
import type { Policy } from '../policy/schema';
import { parseActionId, type DueAction } from './due-actions';

/**
 * Who an escalation action reaches: in the directory, the ticket's group,
 * its leads, management, senior engineers; outside it, the policy's
 * contacts (business stakeholders of the ticket's service or category, the
 * account director).
 */
export type Audience = 'assignment_group' | 'team_leads' | 'management' | 'senior_engineers' | 'business_stakeholders' | 'account_director';

/**
 * The audience of each action. The audit entry has none: it is recorded on
 * the ticket and in the audit log. A contact audience the policy names no
 * one for is recorded the same way, and the step says to tell them yourself.
 */
export const ACTION_AUDIENCE: Record<EscalationAction, readonly Audience[]> = {
  notify_assignment_group: ['assignment_group'],
  notify_receiving_tier: ['assignment_group'],
  functional_escalation: ['assignment_group', 'team_leads'],
  alert_team_lead: ['team_leads'],
  escalate_to_assignment_manager: ['team_leads'],
  alert_senior_it_management: ['management'],
  notify_management: ['management'],
  full_escalation: ['assignment_group', 'team_leads', 'management'],
  page_senior_engineers: ['senior_engineers'],
  alert_business_stakeholders: ['business_stakeholders'],
  notify_account_director: ['account_director'],
  audit_entry: [],
};

const CONTACT_AUDIENCE: Partial<Record<Audience, Contact['role']>> = { business_stakeholders: 'business_stakeholder', account_director: 'account_director' };

const ACTION_TEXT: Record<EscalationAction, string> = {
  notify_assignment_group: 'notify the assignment group',
  notify_receiving_tier: 'notify the receiving tier',
  functional_escalation: 'functional escalation due: hand the ticket to the next tier',
  alert_team_lead: 'alert the team lead',
  escalate_to_assignment_manager: 'escalate to the assignment manager',
  alert_senior_it_management: 'alert senior IT management',
  notify_management: 'notify management',
  full_escalation: 'full escalation',
  page_senior_engineers: 'page senior engineers',
  alert_business_stakeholders: 'alert business stakeholders',
  notify_account_director: 'notify the account director',
  audit_entry: 'audit entry',
};

/** The policy's contacts of `role` for a ticket: those whose categories and services (when they list any) include the ticket's. */
export function contactsFor(ticket: Pick<Ticket, 'category' | 'service'>, role: Contact['role'], contacts: readonly Contact[]): Contact[] {
  return contacts.filter(
    (c) => c.role === role && (!c.categories.length || c.categories.includes(ticket.category)) && (!c.services.length || c.services.includes(ticket.service)),
  );
}

/** The step's action in words; an action for contacts the policy names no one for says to tell them yourself. */
function actionFor(action: EscalationAction, ticket: Pick<Ticket, 'category' | 'service'> | null, contacts: readonly Contact[]): string {
  const role = ACTION_AUDIENCE[action].map((a) => CONTACT_AUDIENCE[a]).find((r) => r !== undefined);
  if (!role) return ACTION_TEXT[action];
  const reached = ticket ? contactsFor(ticket, role, contacts) : contacts.filter((c) => c.role === role);
  return reached.length ? ACTION_TEXT[action] : `${ACTION_TEXT[action]} (no contact in the policy: tell them yourself)`;
}

/** Someone a notice is written to: an agent of the directory, or a contact of the policy. */
export type Recipient = Pick<Agent, 'id' | 'name' | 'email'>;

/** The people an audience names for one ticket, by id. */
function audienceOf(audience: Audience, ticket: Ticket, agents: readonly Agent[], groups: readonly Group[], contacts: readonly Contact[]): Recipient[] {
  const inGroup = (a: Agent) => a.groups.includes(ticket.group);
  switch (audience) {
    case 'business_stakeholders':
    case 'account_director':
      return contactsFor(ticket, CONTACT_AUDIENCE[audience]!, contacts).map((c) => ({ id: `contact:${c.email}`, name: c.name, email: c.email }));
    case 'assignment_group':
      return agents.filter((a) => (inGroup(a) && a.tier !== null) || a.id === ticket.assignee);
    case 'team_leads':
      return agents.filter((a) => a.role === 'lead' && inGroup(a));
    case 'management': {
      // The group's own managers; a desk without one reaches every manager rather than no one.
      const own = agents.filter((a) => a.role === 'manager' && inGroup(a));
      return own.length ? own : agents.filter((a) => a.role === 'manager');
    }
    case 'senior_engineers': {
      const seniorGroups = new Set(groups.filter((g) => g.tier === 'L3' && g.categories.includes(ticket.category)).map((g) => g.id));
      const own = agents.filter((a) => a.role === 'l3_agent' && a.groups.some((g) => seniorGroups.has(g)));
      return own.length ? own : agents.filter((a) => a.role === 'l3_agent');
    }
  }
}

/**
 * When several steps of one clock come due together (the server was down,
 * or a re-target jumped past a threshold), only the latest is worth a
 * message: the earlier ones are recorded as fired but not announced.
 */
export function announced(due: readonly DueAction[]): DueAction[] {
  const latest = new Map<string, DueAction>();
  for (const action of due) {
    if (action.source !== 'threshold') continue;
    const seen = latest.get(action.clock);
    if (!seen || (action.threshold ?? 0) > (seen.threshold ?? 0)) latest.set(action.clock, action);
  }
  return due.filter((a) => a.source === 'time_rule' || latest.get(a.clock) === a);
}

export type EscalationNotice = { recipient: Recipient; subject: string; body: string; actionIds: string[] };

/** One message per recipient (agent or policy contact) for the steps of one ticket that came due together. */
export function escalationNotices(
  ticket: Ticket,
  due: readonly DueAction[],
  agents: readonly Agent[],
  groups: readonly Group[],
  formatInstant: (ms: number) => string,
  contacts: readonly Contact[] = [],
): EscalationNotice[] {
  const byRecipient = new Map<string, { recipient: Recipient; steps: DueAction[] }>();
  for (const action of announced(due)) {
    for (const audience of new Set(action.actions.flatMap((a) => ACTION_AUDIENCE[a]))) {
      for (const person of audienceOf(audience, ticket, agents, groups, contacts)) {
        const entry = byRecipient.get(person.id) ?? { recipient: person, steps: [] };
        if (!entry.steps.includes(action)) entry.steps.push(action);
        byRecipient.set(person.id, entry);
      }
    }
  }
  const owner = ticket.assignee ? (agents.find((a) => a.id === ticket.assignee)?.name ?? ticket.assignee) : 'nobody yet';
  return [...byRecipient.values()].map(({ recipient, steps }) => {
    const last = steps[steps.length - 1]!;
    return {
      recipient,
      subject: `[${ticket.number}] ${last.reason}`,
      body: [
        `${ticket.number} ${ticket.title}`,
        `${ticket.priority} ${ticket.severity}, ${ticket.tier}, owner: ${owner}`,
        '',
        ...steps.map((s) => `${formatInstant(s.dueAt)}: ${s.reason}\n  → ${s.actions.map((a) => actionFor(a, ticket, contacts)).join('; ')}`),
      ].join('\n'),
      actionIds: steps.map((s) => s.id),
    };
  });
}

/** A fired step (its action id) in words, for the timeline: which clock or rule, and what the policy says to do. */
export function describeFiredAction(actionId: string, policy: Policy): string {
  const step = parseActionId(actionId);
  const says = (action: EscalationAction) => actionFor(action, null, policy.contacts);
  if ('rule' in step) {
    const rule = policy.timeRules.find((r) => r.id === step.rule);
    return rule ? `${rule.label} → ${rule.actions.map(says).join('; ')}` : `time rule ${step.rule} (no longer in the policy)`;
  }
  const { clock, percent } = step;
  const threshold = policy.escalationMatrix[clock]?.find((t) => t.atPercent === percent);
  const where = percent === 0 ? `${clock} clock started` : percent === 100 ? `${clock} target breached` : `${clock} clock at ${percent}%`;
  return threshold ? `${where} → ${threshold.actions.map(says).join('; ')}` : where;
}
