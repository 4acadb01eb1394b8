import type { Agent, Group } from '../model/agent';
import type { Ticket } from '../model/ticket';
import type { EscalationAction } from '../policy/escalation-schema';
import type { Policy } from '../policy/schema';
import { parseActionId, type DueAction } from './due-actions';

/** Who an escalation action reaches in the directory: the ticket's group, its leads, management, senior engineers. */
export type Audience = 'assignment_group' | 'team_leads' | 'management' | 'senior_engineers';

/**
 * The directory audience of each action. Actions with no audience
 * (business stakeholders, the account director, the audit entry) have no
 * one in the directory to write to: they are recorded on the ticket and in
 * the audit log, and the notice says so.
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
  alert_business_stakeholders: [],
  notify_account_director: [],
  audit_entry: [],
};

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
  alert_business_stakeholders: 'alert business stakeholders (no one in the directory: tell them yourself)',
  notify_account_director: 'notify the account director (no one in the directory: tell them yourself)',
  audit_entry: 'audit entry',
};

export const actionText = (action: EscalationAction): string => ACTION_TEXT[action];

/** The agents an audience names for one ticket, by id. */
function audienceOf(audience: Audience, ticket: Ticket, agents: readonly Agent[], groups: readonly Group[]): Agent[] {
  const inGroup = (a: Agent) => a.groups.includes(ticket.group);
  switch (audience) {
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

export type EscalationNotice = { recipient: Agent; subject: string; body: string; actionIds: string[] };

/** One message per recipient for the steps of one ticket that came due together. */
export function escalationNotices(ticket: Ticket, due: readonly DueAction[], agents: readonly Agent[], groups: readonly Group[], formatInstant: (ms: number) => string): EscalationNotice[] {
  const byRecipient = new Map<string, { recipient: Agent; steps: DueAction[] }>();
  for (const action of announced(due)) {
    for (const audience of new Set(action.actions.flatMap((a) => ACTION_AUDIENCE[a]))) {
      for (const agent of audienceOf(audience, ticket, agents, groups)) {
        const entry = byRecipient.get(agent.id) ?? { recipient: agent, steps: [] };
        if (!entry.steps.includes(action)) entry.steps.push(action);
        byRecipient.set(agent.id, entry);
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
        ...steps.map((s) => `${formatInstant(s.dueAt)}: ${s.reason}\n  → ${s.actions.map(actionText).join('; ')}`),
      ].join('\n'),
      actionIds: steps.map((s) => s.id),
    };
  });
}

/** A fired step (its action id) in words, for the timeline: which clock or rule, and what the policy says to do. */
export function describeFiredAction(actionId: string, policy: Policy): string {
  const step = parseActionId(actionId);
  if ('rule' in step) {
    const rule = policy.timeRules.find((r) => r.id === step.rule);
    return rule ? `${rule.label} → ${rule.actions.map(actionText).join('; ')}` : `time rule ${step.rule} (no longer in the policy)`;
  }
  const { clock, percent } = step;
  const threshold = policy.escalationMatrix[clock]?.find((t) => t.atPercent === percent);
  const where = percent === 0 ? `${clock} clock started` : percent === 100 ? `${clock} target breached` : `${clock} clock at ${percent}%`;
  return threshold ? `${where} → ${threshold.actions.map(actionText).join('; ')}` : where;
}
