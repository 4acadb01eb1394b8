import { formatTicketNumber, type Ticket } from '../../../shared/model/ticket';
import { defaultPolicy } from '../../../shared/policy/default-policy';
import { calendarLookup } from '../../../shared/sla/calendars';
import { initialSla } from '../../../shared/sla/ticket-sla';
import { toRecord, type TicketRecord } from '../db/ticket-record';

/** A valid ticket for component tests, with both clocks started at `createdAt`. */
export function makeTicket(n: number, overrides: Partial<Ticket> & { createdAt: number }): TicketRecord {
  const priority = overrides.priority ?? 'P1';
  const ticket: Ticket = {
    id: `t-${n}`,
    number: formatTicketNumber(n),
    title: `Ticket ${n}`,
    description: '',
    requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false },
    category: 'network',
    service: 'VPN',
    impact: 'high',
    urgency: 'high',
    priority,
    severity: 'S2',
    tier: 'L1',
    group: 'service-desk',
    assignee: 'agent-l1',
    status: 'in_progress',
    channel: 'phone',
    updatedAt: overrides.createdAt,
    sla: initialSla(priority, overrides.createdAt, defaultPolicy, calendarLookup(defaultPolicy)),
    version: 1,
    fieldVersions: {},
    resolution: null,
    ...overrides,
  };
  return toRecord(ticket);
}

/** A waiting tier-skip request (L1 asked for L3), for tickets in the Skip approvals view. */
export function skipRequestAt(at: number): NonNullable<Ticket['skipRequest']> {
  return {
    toTier: 'L3',
    trigger: 'troubleshooting_exhausted',
    reason: 'Needs a firmware patch',
    by: 'agent-l1',
    role: 'l1_agent',
    at,
    note: { steps: [], businessImpact: '', workaround: 'none', involved: [], nextTierNeeds: '', kbArticlesChecked: [], category: 'network', priority: 'P1' },
  };
}
