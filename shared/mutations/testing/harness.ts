import type { HandoffNote } from '../../handoff/handoff-note';
import type { Agent, Group } from '../../model/agent';
import type { KbArticle } from '../../model/kb-article';
import { defaultPolicy } from '../../policy/default-policy';
import type { Policy } from '../../policy/schema';
import { applyMutation } from '../apply';
import type { ApplyOutcome, TicketAggregate } from '../context';
import { MutationArgs, type ArgsInput, type Mutation, type MutationName } from '../mutations';

/** The demo desk in miniature, for rule tests. */
export const GROUPS: Group[] = [
  { id: 'service-desk', name: 'Service Desk', tier: 'L1', categories: ['access', 'email', 'hardware', 'software', 'network'] },
  { id: 'desktop-support', name: 'Desktop Support', tier: 'L2', categories: ['hardware', 'software', 'email', 'security'] },
  { id: 'network-ops', name: 'Network Operations', tier: 'L2', categories: ['network'] },
  { id: 'platform-engineering', name: 'Platform Engineering', tier: 'L3', categories: ['payments', 'major-outage', 'network', 'erp', 'security'] },
  { id: 'vendor-management', name: 'Vendor Management', tier: 'L4', categories: ['hardware', 'erp', 'payments'] },
];

const agent = (id: string, role: Agent['role'], tier: Agent['tier'], groups: string[]): Agent => ({
  id,
  email: `${id}@demo.test`,
  name: id,
  role,
  tier,
  groups,
});

export const AGENTS = {
  l1: agent('l1', 'l1_agent', 'L1', ['service-desk']),
  l1b: agent('l1b', 'l1_agent', 'L1', ['service-desk']),
  l2: agent('l2', 'l2_agent', 'L2', ['desktop-support', 'network-ops']),
  l3: agent('l3', 'l3_agent', 'L3', ['platform-engineering']),
  lead: agent('lead', 'lead', 'L1', ['service-desk', 'desktop-support', 'network-ops']),
  vendor: agent('vendor', 'vendor_liaison', 'L4', ['vendor-management']),
} satisfies Record<string, Agent>;

export const T0 = Date.UTC(2026, 10, 24, 14, 0); // Tuesday 09:00 in New York

/** A ticket's life in a test: apply mutations in turn, keeping the aggregate. */
export class TicketStory {
  agg: TicketAggregate | null = null;
  kb: KbArticle[] = [];
  private n = 0;

  constructor(readonly policy: Policy = defaultPolicy) {}

  try<N extends MutationName>(actor: Agent, atMs: number, name: N, input: ArgsInput<N>): ApplyOutcome {
    const mutation = { name, args: MutationArgs[name].parse(input) } as Mutation;
    const outcome = applyMutation(this.agg, mutation, {
      actor,
      nowMs: atMs,
      policy: this.policy,
      groups: GROUPS,
      eventIdPrefix: `test:${++this.n}`,
      numberForNewTicket: () => 'INC-000042',
      kbArticle: (id) => this.kb.find((a) => a.id === id),
      agentName: (id) => id,
      agent: (id) => Object.values(AGENTS).find((a) => a.id === id),
    });
    if (outcome.ok && outcome.ticket) {
      this.agg = { ticket: outcome.ticket, events: [...(this.agg?.events ?? []), ...outcome.events] };
    }
    if (outcome.ok) this.kb.push(...outcome.kbArticles);
    return outcome;
  }

  /** Like try, but the mutation must be applied. */
  do<N extends MutationName>(actor: Agent, atMs: number, name: N, input: ArgsInput<N>) {
    const outcome = this.try(actor, atMs, name, input);
    if (!outcome.ok) throw new Error(`${name} refused: ${outcome.code} ${outcome.field}: ${outcome.message}`);
    return outcome;
  }

  get ticket() {
    if (!this.agg) throw new Error('no ticket yet');
    return this.agg.ticket;
  }
}

export const NEW_TICKET = {
  ticketId: 't-1',
  title: 'VPN drops every few minutes',
  description: 'Since Monday the VPN disconnects while working from home.',
  requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false },
  category: 'network',
  service: 'VPN',
  impact: 'medium',
  urgency: 'medium',
  severity: 'S3',
  channel: 'phone',
} as const;

export function goodHandoff(overrides: Partial<HandoffNote> = {}): HandoffNote {
  return {
    steps: [
      { action: 'Reinstalled the VPN client and rebooted', outcome: 'Still drops after about five minutes' },
      { action: 'Switched the tunnel protocol to TCP', outcome: 'No change, same disconnects' },
    ],
    businessImpact: 'Ava cannot work from home; two client calls were cut off today',
    workaround: 'none',
    involved: ['l1 (service desk)', 'Ava Adams (requester)'],
    nextTierNeeds: 'Someone with access to the VPN concentrator logs to check why the session is reset',
    kbArticlesChecked: ['kb-network-1'],
    category: 'network',
    priority: 'P3',
    ...overrides,
  };
}
