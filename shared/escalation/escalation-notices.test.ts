import { describe, expect, test } from 'vitest';
import type { Agent, Group } from '../model/agent';
import type { Ticket } from '../model/ticket';
import type { DueAction } from './due-actions';
import { defaultPolicy } from '../policy/default-policy';
import type { Contact } from '../policy/escalation-schema';
import { announced, describeFiredAction, escalationNotices } from './escalation-notices';

const agent = (id: string, role: Agent['role'], tier: Agent['tier'], groups: string[]): Agent => ({ id, email: `${id}@x.test`, name: id, role, tier, groups });
const agents: Agent[] = [
  agent('l1', 'l1_agent', 'L1', ['desk']),
  agent('lead', 'lead', 'L1', ['desk']),
  agent('mgr', 'manager', null, ['desk']),
  agent('other-mgr', 'manager', null, ['apps']),
  agent('admin', 'admin', null, []),
  agent('l3-net', 'l3_agent', 'L3', ['platform']),
  agent('l3-apps', 'l3_agent', 'L3', ['apps-eng']),
];
const groups: Group[] = [
  { id: 'desk', name: 'Desk', tier: 'L1', categories: ['network', 'hardware'] },
  { id: 'platform', name: 'Platform', tier: 'L3', categories: ['network'] },
  { id: 'apps-eng', name: 'Apps', tier: 'L3', categories: ['erp'] },
];
const ticket = { id: 't-1', number: 'INC-000001', title: 'VPN down', group: 'desk', assignee: 'l1', category: 'network', priority: 'P2', severity: 'S1', tier: 'L1' } as Ticket;

const step = (id: string, clock: DueAction['clock'], threshold: number | null, actions: DueAction['actions'], dueAt = 0): DueAction => ({
  id: `t-1:${id}`,
  ticketId: 't-1',
  source: threshold === null ? 'time_rule' : 'threshold',
  escalation: 'hierarchical',
  clock,
  threshold,
  ruleId: threshold === null ? id : null,
  actions,
  dueAt,
  reason: `${clock} ${threshold ?? id}`,
});

describe('escalation notices', () => {
  test('only the latest threshold of each clock is announced; time rules always are', () => {
    const due = [
      step('response:50', 'response', 50, ['alert_senior_it_management']),
      step('response:75', 'response', 75, ['escalate_to_assignment_manager']),
      step('resolution:0', 'resolution', 0, ['notify_assignment_group']),
      step('s1-open-15m', 'resolution', null, ['page_senior_engineers']),
    ];
    expect(announced(due).map((a) => a.id)).toEqual(['t-1:response:75', 't-1:resolution:0', 't-1:s1-open-15m']);
  });

  test('each action reaches its audience in the directory, one message per person', () => {
    const notices = escalationNotices(
      ticket,
      [step('resolution:0', 'resolution', 0, ['notify_assignment_group']), step('s1-open-15m', 'resolution', null, ['page_senior_engineers', 'notify_account_director']), step('response:50', 'response', 50, ['alert_senior_it_management'])],
      agents,
      groups,
      (ms) => `t${ms}`,
    );
    const byPerson = Object.fromEntries(notices.map((n) => [n.recipient.id, n.actionIds]));
    // The group (its tiered agents, lead included), the L3 engineers of the ticket's category, and the group's own manager.
    expect(byPerson).toEqual({
      l1: ['t-1:resolution:0'],
      lead: ['t-1:resolution:0'],
      'l3-net': ['t-1:s1-open-15m'],
      mgr: ['t-1:response:50'],
    });
    const paged = notices.find((n) => n.recipient.id === 'l3-net')!;
    expect(paged.subject).toBe('[INC-000001] resolution s1-open-15m');
    expect(paged.body).toContain('page senior engineers; notify the account director (no contact in the policy: tell them yourself)');
  });

  test("the policy's contacts get the steps meant for them: the account director, and stakeholders of the ticket's category or service", () => {
    const contacts: Contact[] = [
      { name: 'AD', email: 'ad@client.test', role: 'account_director', categories: [], services: [] },
      { name: 'Network owner', email: 'net@client.test', role: 'business_stakeholder', categories: ['network'], services: [] },
      { name: 'ERP owner', email: 'erp@client.test', role: 'business_stakeholder', categories: ['erp'], services: [] },
      { name: 'Payroll owner', email: 'payroll@client.test', role: 'business_stakeholder', categories: [], services: ['Payroll'] },
    ];
    const due = [step('s1-open-15m', 'resolution', null, ['page_senior_engineers', 'notify_account_director']), step('response:75', 'response', 75, ['alert_business_stakeholders'])];
    const notices = escalationNotices({ ...ticket, service: 'VPN' }, due, agents, groups, String, contacts);
    const byPerson = Object.fromEntries(notices.map((n) => [n.recipient.id, n.actionIds]));
    expect(byPerson).toEqual({ 'l3-net': ['t-1:s1-open-15m'], 'contact:ad@client.test': ['t-1:s1-open-15m'], 'contact:net@client.test': ['t-1:response:75'] });
    expect(notices.find((n) => n.recipient.id === 'contact:ad@client.test')).toMatchObject({ recipient: { name: 'AD', email: 'ad@client.test' } });
    expect(notices.find((n) => n.recipient.id === 'l3-net')!.body).toMatch(/page senior engineers; notify the account director$/m);
    // Stakeholders of another service only hear about tickets of it.
    const payroll = escalationNotices({ ...ticket, category: 'erp', service: 'Payroll' }, [due[1]!], agents, groups, String, contacts);
    expect(payroll.map((n) => n.recipient.id).sort()).toEqual(['contact:erp@client.test', 'contact:payroll@client.test']);
  });

  test('a group without its own manager reaches every manager rather than no one', () => {
    const withoutOwn = agents.filter((a) => a.id !== 'mgr');
    const notices = escalationNotices(ticket, [step('response:100', 'response', 100, ['notify_management'])], withoutOwn, groups, String);
    expect(notices.map((n) => n.recipient.id)).toEqual(['other-mgr']);
  });

  test('a fired step reads as its clock or rule and what the policy says to do', () => {
    expect(describeFiredAction('t-1:response:50', defaultPolicy)).toBe('response clock at 50% → alert senior IT management');
    expect(describeFiredAction('t-1:resolution@2:100', defaultPolicy)).toBe('resolution target breached → full escalation; notify management; audit entry');
    expect(describeFiredAction('t-1:acceptance#1:0', defaultPolicy)).toBe('acceptance clock started → notify the receiving tier');
    expect(describeFiredAction('t-1:rule:p1-unresolved-30m', defaultPolicy)).toBe('P1 not resolved after 30 minutes → functional escalation due: hand the ticket to the next tier');
    expect(describeFiredAction('t-1:rule:gone', defaultPolicy)).toBe('time rule gone (no longer in the policy)');
    // The demo policy names an account director; without one the step says to tell them yourself.
    expect(describeFiredAction('t-1:rule:s1-open-15m', defaultPolicy)).toMatch(/notify the account director$/);
    expect(describeFiredAction('t-1:rule:s1-open-15m', { ...defaultPolicy, contacts: [] })).toMatch(/notify the account director \(no contact in the policy: tell them yourself\)$/);
  });
});
