import { formatTicketNumber, type Ticket, type TicketSla } from '../../shared/model/ticket';
import type { Severity, Tier, TicketStatus } from '../../shared/model/levels';
import { priorityFor } from '../../shared/policy/lookups';
import type { Policy } from '../../shared/policy/schema';
import type { CalendarLookup } from '../../shared/sla/calendars';
import { pauseClock, stopClock, type ClockCalendar } from '../../shared/sla/clock-snapshot';
import { initialSla } from '../../shared/sla/ticket-sla';
import { HOUR_MS, MINUTE_MS } from '../../shared/time/duration';
import { DEMO_AGENTS, DEMO_GROUPS, FIRST_NAMES, LAST_NAMES, SERVICES, TITLES } from './catalog';
import type { Random } from './random';

export type GenerateOptions = {
  count: number;
  /** Anchor for creation times: the demo looks "live" at this instant. */
  nowMs: number;
  policy: Policy;
  calendars: CalendarLookup;
  random: Random;
  /** First ticket number to use (INC-000001 by default). */
  firstNumber?: number;
};

/** How far into its SLA a ticket is: fresh, near the 50% / 75% thresholds, or breached. */
const PROGRESS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[0.02, 0.3], 35],
  [[0.3, 0.5], 12],
  [[0.5, 0.72], 15],
  [[0.75, 0.98], 16],
  [[1.02, 2.5], 22],
];

const STATUS_WEIGHTS: ReadonlyArray<readonly [TicketStatus, number]> = [
  ['new', 14],
  ['assigned', 18],
  ['in_progress', 30],
  ['pending_acceptance', 10],
  ['on_hold', 8],
  ['resolved', 14],
  ['closed', 6],
];

const SEVERITY_FOR_IMPACT: Record<string, ReadonlyArray<readonly [Severity, number]>> = {
  high: [['S1', 3], ['S2', 7]],
  medium: [['S2', 3], ['S3', 7]],
  low: [['S3', 5], ['S4', 5]],
};

const ESCALATION_GROUP: Record<Tier, (category: string) => string> = {
  L1: () => 'service-desk',
  L2: (c) => (c === 'network' ? 'network-ops' : c === 'erp' ? 'business-apps' : 'desktop-support'),
  L3: () => 'platform-engineering',
  L4: () => 'vendor-management',
};

/** Latest start such that `calendar` has `elapsedMs` of open time between it and `endMs`. */
export function startForElapsed(endMs: number, elapsedMs: number, calendar: ClockCalendar): number {
  let lo = endMs - elapsedMs * 20 - 30 * 24 * HOUR_MS;
  let hi = endMs - elapsedMs;
  for (let i = 0; i < 60 && hi - lo > 1000; i++) {
    const mid = Math.floor((lo + hi) / 2);
    if (calendar.businessTimeBetween(mid, endMs) >= elapsedMs) lo = mid;
    else hi = mid;
  }
  return lo;
}

function requester(random: Random) {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { name: `${first} ${last}`, email: `${first}.${last}@example.com`.toLowerCase(), vip: random.chance(0.06) };
}

function ownerFor(group: string, random: Random): string | null {
  const members = DEMO_AGENTS.filter((a) => a.groups.includes(group) && a.role !== 'manager');
  const demo = members.find((a) => a.email.startsWith('l1.') || a.email.startsWith('l2.') || a.email.startsWith('l3.'));
  // The demo accounts own a good share so "My tickets" is never empty.
  if (demo && random.chance(0.45)) return demo.id;
  return members.length ? random.pick(members).id : null;
}

function tierFor(entry: Tier, random: Random, category: string): Tier {
  const allowed = (['L1', 'L2', 'L3', 'L4'] as const).filter((t) => t >= entry);
  const weights: Record<Tier, number> = { L1: 60, L2: 25, L3: 10, L4: 5 };
  const tier = random.weighted(allowed.map((t) => [t, weights[t]] as const));
  return tier === 'L4' && !DEMO_GROUPS.find((g) => g.id === 'vendor-management')?.categories.includes(category) ? 'L3' : tier;
}

export function generateTicket(n: number, options: GenerateOptions): Ticket {
  const { random, policy, nowMs, calendars } = options;
  const categoryDef = random.pick(policy.categories);
  const category = categoryDef.id;
  const service = random.pick(SERVICES[category] ?? ['General']);
  const impact = category === 'major-outage' ? 'high' : random.weighted([['high', 15], ['medium', 45], ['low', 40]] as const);
  const urgency = random.weighted([['high', 25], ['medium', 45], ['low', 30]] as const);
  const priority = priorityFor(policy, impact, urgency);
  const severity = random.weighted(SEVERITY_FOR_IMPACT[impact]!);
  const status = random.weighted(STATUS_WEIGHTS);
  const tier = status === 'new' ? categoryDef.entryTier : tierFor(categoryDef.entryTier, random, category);
  const group = tier === categoryDef.entryTier ? categoryDef.group : ESCALATION_GROUP[tier](category);
  const assignee = status === 'new' || status === 'pending_acceptance' ? null : ownerFor(group, random);

  const targets = policy.targets[priority]!;
  const [lo, hi] = random.weighted(PROGRESS);
  const progress = lo + random.next() * (hi - lo);
  const open = status !== 'resolved' && status !== 'closed';
  // Open tickets sit at `progress` of the clock that drives them now: the
  // response clock until someone responds, then resolution.
  const driving = status === 'new' ? targets.response : targets.resolution;
  const drivingCalendar = calendars(driving.calendar);
  const endMs = open ? nowMs : nowMs - random.int(1, 72) * HOUR_MS;
  const createdAt = startForElapsed(endMs, Math.round(progress * driving.within), drivingCalendar);

  let sla: TicketSla = initialSla(priority, createdAt, policy, calendars);
  const responseCal = calendars(sla.response.calendar);
  const resolutionCal = calendars(sla.resolution.calendar);
  let updatedAt = createdAt;
  if (status !== 'new') {
    // Most first responses are on time; some are late, which stays on record.
    const responseFraction = random.chance(0.85) ? 0.1 + random.next() * 0.8 : 1.1 + random.next();
    const respondedAt = Math.min(
      endMs - MINUTE_MS,
      responseCal.addBusinessTime(createdAt, Math.round(responseFraction * sla.response.targetMs)),
    );
    sla = { ...sla, response: stopClock(sla.response, Math.max(createdAt, respondedAt), responseCal) };
    updatedAt = Math.max(createdAt, respondedAt);
  }
  if (status === 'on_hold') {
    const pausedAt = Math.max(updatedAt, endMs - random.int(5, 300) * MINUTE_MS);
    const reason = random.pick(policy.pauseReasons).id;
    sla = { ...sla, resolution: pauseClock(sla.resolution, pausedAt, reason, resolutionCal) };
    updatedAt = pausedAt;
  }
  if (!open) {
    sla = { ...sla, resolution: stopClock(sla.resolution, endMs, resolutionCal) };
    updatedAt = endMs;
  }

  const titleTemplate = random.pick(TITLES[category] ?? ['Issue with {service}']);
  const who = requester(random);
  return {
    id: random.uuid(),
    number: formatTicketNumber(n),
    title: titleTemplate.replace('{service}', service),
    description: `${who.name} reports: ${titleTemplate.replace('{service}', service).toLowerCase()}. Reported via ${random.pick(['phone', 'email', 'portal', 'chat'])}.`,
    requester: who,
    category,
    service,
    impact,
    urgency,
    priority,
    severity,
    tier,
    group,
    assignee,
    status,
    createdAt,
    updatedAt,
    sla,
    version: 1,
  };
}

export function* generateTickets(options: GenerateOptions): Generator<Ticket> {
  const first = options.firstNumber ?? 1;
  for (let i = 0; i < options.count; i++) yield generateTicket(first + i, options);
}
