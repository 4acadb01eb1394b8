import { Random } from '../../../server/seed/random';
import { DEMO_AGENTS, DEMO_GROUPS, FIRST_NAMES, LAST_NAMES, SERVICES, TITLES } from '../../../server/seed/catalog';
import { PRIORITIES, SEVERITIES, type TicketStatus } from '../../../shared/model/levels';
import { formatTicketNumber, type Ticket } from '../../../shared/model/ticket';
import { defaultPolicy } from '../../../shared/policy/default-policy';
import { calendarLookup } from '../../../shared/sla/calendars';
import { pauseClock, startClock, stopClock } from '../../../shared/sla/clock-snapshot';
import { initialSla } from '../../../shared/sla/ticket-sla';

/**
 * Synthetic tickets for the UI benchmarks: the demo catalogue's shapes and
 * a realistic spread of statuses, priorities and clock states, made
 * directly (not acted out through mutations, which would take minutes for
 * 100k). Deterministic for a seed, so runs compare.
 */
/** The demo seed's generator, so benchmark data is deterministic the same way. */
function rng(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}

const STATUSES: TicketStatus[] = ['new', 'assigned', 'in_progress', 'in_progress', 'pending_acceptance', 'on_hold', 'resolved', 'closed'];
const calendars = calendarLookup(defaultPolicy);

export function generateTickets(count: number, nowMs: number, seed = 1, firstNumber = 0): Ticket[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: Ticket[] = [];
  for (let n = firstNumber + 1; n <= firstNumber + count; n++) {
    const category = pick(defaultPolicy.categories);
    const service = pick(SERVICES[category.id] ?? ['General']);
    const priority = pick(PRIORITIES);
    const status = pick(STATUSES);
    const group = DEMO_GROUPS.find((g) => g.id === category.group) ?? DEMO_GROUPS[0]!;
    const members = DEMO_AGENTS.filter((a) => a.groups.includes(group.id) && a.tier === group.tier);
    const createdAt = nowMs - Math.floor(random() * 72 * 3600_000);
    const sla = initialSla(priority, createdAt, defaultPolicy, calendars);
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const open = status !== 'resolved' && status !== 'closed';
    if (status === 'on_hold') sla.resolution = pauseClock(sla.resolution, createdAt + 600_000, 'awaiting_customer', calendars(sla.resolution.calendar));
    if (status !== 'new') sla.response = stopClock(sla.response, createdAt + Math.floor(random() * 3600_000), calendars(sla.response.calendar));
    if (!open) sla.resolution = stopClock(sla.resolution, Math.min(nowMs, createdAt + 4 * 3600_000), calendars(sla.resolution.calendar));
    if (status === 'pending_acceptance') sla.acceptance = startClock(sla.resolution.calendar, 3600_000, nowMs - Math.floor(random() * 3600_000), calendars(sla.resolution.calendar));
    out.push({
      id: `bench-${n}`,
      number: formatTicketNumber(n),
      title: pick(TITLES[category.id] ?? ['Issue with {service}']).replace('{service}', service),
      description: `Reported by phone: ${service} problem.`,
      requester: { name: `${first} ${last}`, email: `${first}.${last}@example.com`.toLowerCase(), vip: random() < 0.05 },
      category: category.id,
      service,
      impact: 'medium',
      urgency: 'medium',
      priority,
      severity: pick(SEVERITIES),
      tier: group.tier,
      group: group.id,
      assignee: status === 'new' || status === 'pending_acceptance' ? null : (pick(members)?.id ?? null),
      status,
      channel: 'phone',
      createdAt,
      updatedAt: createdAt + Math.floor(random() * 3600_000),
      sla,
      version: 1,
      fieldVersions: {},
      resolution: null,
    });
  }
  return out;
}
