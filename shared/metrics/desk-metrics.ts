import { TIERS, type Priority, type Tier } from '../model/levels';
import type { TimelineEvent } from '../model/stored-event';
import type { Ticket } from '../model/ticket';
import type { Policy } from '../policy/schema';
import { breachedAt, type ClockSnapshot } from '../sla/clock-snapshot';

/**
 * Desk metrics (DESIGN §2 "Metrics"): per ticket, the facts that matter
 * (SLA met or missed, business time to resolve, escalations, reopens,
 * bounce-backs), then rates over any grouping. Times to resolve are the
 * resolution clock's own business time (pauses and closed hours left out),
 * so a ticket raised on Friday evening is not counted as a weekend's work.
 */
export type TicketFacts = {
  ticketId: string;
  /** Number and title, to list the tickets behind a row (ticketsBehind). */
  number: string;
  title: string;
  priority: Priority;
  category: string;
  tier: Tier;
  /**
   * The first agent who accepted it (first contact: whose escalation rate and
   * first-contact resolution it counts for), else its owner, else UNOWNED.
   */
  owner: string;
  /** Hour of the day it was created, "00"…"23", in the zone the caller chose. */
  hour: string;
  createdAt: number;
  resolved: boolean;
  /** true met, false missed (breached), null still running and not breached. */
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  /** Resolution clock time (business time, pauses excluded) when resolved, else null. */
  resolveBusinessMs: number | null;
  /** Wall-clock time from creation to the last resolution, else null. */
  resolveWallMs: number | null;
  functionalEscalations: number;
  hierarchicalEscalations: number;
  reopens: number;
  /** Sent back down a tier at least once (the receiving tier returned it). */
  bouncedBack: boolean;
  /** Handling cost so far: each tier's cost per ticket, once per acceptance there (see tierCosts); null without costs in the policy. */
  cost: number | null;
};

/** What one ticket handled at each tier costs, from the policy; null when the policy sets no costs. */
export type TierCosts = ReadonlyMap<Tier, number>;

export function tierCosts(policy: Policy): TierCosts | null {
  const costs = new Map<Tier, number>();
  for (const tier of policy.tiers) if (tier.costPerTicket !== undefined) costs.set(tier.id, tier.costPerTicket);
  return costs.size ? costs : null;
}

/** How a clock ended or stands at `nowMs`: met once stopped in time, missed once breached, else still open. */
function clockOutcome(clock: ClockSnapshot, nowMs: number): boolean | null {
  if (breachedAt(clock, nowMs) !== null) return false;
  return clock.state === 'stopped' ? true : null;
}

export const UNOWNED = '(unowned)';

const utcHour = (ms: number): number => new Date(ms).getUTCHours();

/**
 * `hourOf` gives the hour of day of an instant (the reader's zone; UTC by
 * default). With `costs`, every acceptance adds the cost of the tier it was
 * accepted in (a ticket escalated L1 → L2 and back costs L1 + L2 + L1); a
 * ticket resolved without anyone accepting it costs its tier once.
 */
export function ticketFacts(ticket: Ticket, events: readonly TimelineEvent[], nowMs: number, hourOf: (ms: number) => number = utcHour, costs: TierCosts | null = null): TicketFacts {
  let cost = 0;
  let acceptances = 0;
  let functional = 0;
  let hierarchical = 0;
  let reopens = 0;
  let bounced = false;
  let resolvedAt: number | null = null;
  let firstOwner: string | null = null;
  let firstOwnerAt = Infinity;
  // Any order (a log read by id is not in time order): earliest acceptance, latest resolution.
  for (const event of events) {
    if (event.type === 'accepted') {
      acceptances++;
      cost += costs?.get(event.tier) ?? 0;
      if (event.at < firstOwnerAt) {
        firstOwner = event.onBehalfOf ?? event.by;
        firstOwnerAt = event.at;
      }
    }
    if (event.type === 'escalated' && event.kind === 'functional') {
      functional++;
      if (TIERS.indexOf(event.toTier) < TIERS.indexOf(event.fromTier)) bounced = true;
    } else if (event.type === 'escalated') hierarchical++;
    else if (event.type === 'reopened') reopens++;
    else if (event.type === 'resolved') resolvedAt = Math.max(resolvedAt ?? -Infinity, event.at);
  }
  const resolved = ticket.status === 'resolved' || ticket.status === 'closed';
  if (resolved && acceptances === 0) cost += costs?.get(ticket.tier) ?? 0;
  return {
    ticketId: ticket.id,
    number: ticket.number,
    title: ticket.title,
    priority: ticket.priority,
    category: ticket.category,
    tier: ticket.tier,
    owner: firstOwner ?? ticket.assignee ?? UNOWNED,
    hour: String(hourOf(ticket.createdAt)).padStart(2, '0'),
    createdAt: ticket.createdAt,
    resolved,
    responseMet: clockOutcome(ticket.sla.response, nowMs),
    resolutionMet: clockOutcome(ticket.sla.resolution, nowMs),
    resolveBusinessMs: resolved ? ticket.sla.resolution.elapsedMs : null,
    resolveWallMs: resolved ? (ticket.resolution?.at ?? resolvedAt ?? ticket.updatedAt) - ticket.createdAt : null,
    functionalEscalations: functional,
    hierarchicalEscalations: hierarchical,
    reopens,
    bouncedBack: bounced,
    cost: costs ? cost : null,
  };
}

export type MetricsGroupBy = 'priority' | 'category' | 'tier' | 'owner' | 'hour';

export type MetricsRow = {
  /** The group's key (P1, network, L2) or 'all' for the total. */
  key: string;
  tickets: number;
  resolved: number;
  /** Shares in 0…1, or null when nothing in the group has an outcome yet. */
  responseSla: number | null;
  resolutionSla: number | null;
  /** Mean business time to resolve (resolution clock), ms. */
  mttrBusinessMs: number | null;
  /** Mean wall-clock time to resolve, ms. */
  mttrWallMs: number | null;
  /** Tickets escalated to another tier at least once ÷ tickets. */
  escalationRate: number | null;
  /** Resolved without any functional escalation ÷ resolved. */
  firstContactResolution: number | null;
  /** Reopened at least once ÷ resolved. */
  reopenRate: number | null;
  /** Sent back down a tier at least once ÷ tickets escalated. */
  bounceRate: number | null;
  hierarchicalEscalations: number;
  /** Mean handling cost of resolved tickets (null without costs in the policy or nothing resolved). */
  costPerTicket: number | null;
};

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** One pass over the group, no intermediate arrays (a 100k desk is regrouped on every change of period or grouping). */
function row(key: string, facts: readonly TicketFacts[]): MetricsRow {
  let resolved = 0;
  let responseKnown = 0;
  let responseMet = 0;
  let resolutionKnown = 0;
  let resolutionMet = 0;
  let businessSum = 0;
  let wallSum = 0;
  let escalated = 0;
  let firstContact = 0;
  let reopened = 0;
  let bounced = 0;
  let hierarchical = 0;
  let costSum = 0;
  let costCount = 0;
  for (const f of facts) {
    if (f.responseMet !== null) {
      responseKnown++;
      if (f.responseMet) responseMet++;
    }
    if (f.resolutionMet !== null) {
      resolutionKnown++;
      if (f.resolutionMet) resolutionMet++;
    }
    if (f.functionalEscalations > 0) {
      escalated++;
      if (f.bouncedBack) bounced++;
    }
    hierarchical += f.hierarchicalEscalations;
    if (!f.resolved) continue;
    resolved++;
    businessSum += f.resolveBusinessMs ?? 0;
    wallSum += f.resolveWallMs ?? 0;
    if (f.functionalEscalations === 0) firstContact++;
    if (f.reopens > 0) reopened++;
    if (f.cost !== null) {
      costSum += f.cost;
      costCount++;
    }
  }
  return {
    key,
    tickets: facts.length,
    resolved,
    responseSla: share(responseMet, responseKnown),
    resolutionSla: share(resolutionMet, resolutionKnown),
    mttrBusinessMs: resolved ? businessSum / resolved : null,
    mttrWallMs: resolved ? wallSum / resolved : null,
    escalationRate: share(escalated, facts.length),
    firstContactResolution: share(firstContact, resolved),
    reopenRate: share(reopened, resolved),
    bounceRate: share(bounced, escalated),
    hierarchicalEscalations: hierarchical,
    costPerTicket: costCount ? costSum / costCount : null,
  };
}

const createdIn = (f: TicketFacts, fromMs: number, toMs: number) => f.createdAt >= fromMs && f.createdAt < toMs;

/** One row per group (sorted by key) and the total, over the tickets created in [fromMs, toMs). */
export function deskMetrics(facts: readonly TicketFacts[], groupBy: MetricsGroupBy, fromMs: number, toMs: number): { rows: MetricsRow[]; total: MetricsRow } {
  const inRange = facts.filter((f) => createdIn(f, fromMs, toMs));
  const groups = new Map<string, TicketFacts[]>();
  for (const f of inRange) {
    const key = f[groupBy];
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const rows = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, list]) => row(key, list));
  return { rows, total: row('all', inRange) };
}

/** Where a ticket stands when its row is opened: a missed resolution first, then a missed response, then the rest. */
const missRank = (f: TicketFacts) => (f.resolutionMet === false ? 0 : f.responseMet === false ? 1 : 2);

/**
 * The tickets counted in one row of deskMetrics (`key`, or null for the
 * total): SLA misses first (resolution, then response), newest first within
 * each, so "38% resolution SLA" opens onto the tickets that missed it.
 */
export function ticketsBehind(facts: readonly TicketFacts[], groupBy: MetricsGroupBy, key: string | null, fromMs: number, toMs: number): TicketFacts[] {
  return facts
    .filter((f) => createdIn(f, fromMs, toMs) && (key === null || f[groupBy] === key))
    .sort((a, b) => missRank(a) - missRank(b) || b.createdAt - a.createdAt);
}

const CSV_COLUMNS: Array<[keyof MetricsRow, string]> = [
  ['key', 'group'],
  ['tickets', 'tickets'],
  ['resolved', 'resolved'],
  ['responseSla', 'response SLA met'],
  ['resolutionSla', 'resolution SLA met'],
  ['mttrBusinessMs', 'mean time to resolve (business hours)'],
  ['mttrWallMs', 'mean time to resolve (calendar hours)'],
  ['escalationRate', 'escalation rate'],
  ['firstContactResolution', 'first-contact resolution'],
  ['reopenRate', 'reopen rate'],
  ['bounceRate', 'bounce-back rate'],
  ['hierarchicalEscalations', 'management escalations'],
  ['costPerTicket', 'cost per resolved ticket'],
];

/** A text cell: quoted when it must be, and never read as a formula (a name or title starting with = + - @ stays text). */
function csvText(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(key: keyof MetricsRow, value: MetricsRow[keyof MetricsRow]): string {
  if (value === null) return '';
  if (typeof value === 'string') return csvText(value);
  if (key === 'mttrBusinessMs' || key === 'mttrWallMs') return (value / 3_600_000).toFixed(2);
  if (key === 'costPerTicket') return value.toFixed(2);
  if (key === 'tickets' || key === 'resolved' || key === 'hierarchicalEscalations') return String(value);
  return value.toFixed(4);
}

/** The table as CSV (shares as 0…1 fractions, times in hours, costs in `currency`), total last. */
export function metricsCsv(groupBy: MetricsGroupBy, result: { rows: MetricsRow[]; total: MetricsRow }, currency = 'USD'): string {
  const header = CSV_COLUMNS.map(([key, name]) => (name === 'group' ? groupBy : key === 'costPerTicket' ? `${name} (${currency})` : name)).join(',');
  const lines = [...result.rows, result.total].map((r) => CSV_COLUMNS.map(([key]) => csvCell(key, r[key])).join(','));
  return `${[header, ...lines].join('\n')}\n`;
}

const outcomeCell = (met: boolean | null) => (met === null ? 'open' : met ? 'met' : 'missed');

/**
 * The tickets behind a row (ticketsBehind) as CSV, one line each in the
 * order given: what a manager hands on ("these 51 P1 tickets missed").
 * Times in business hours; instants as ISO 8601 UTC; `ownerName` turns an
 * agent id into the name people know.
 */
export function ticketsCsv(facts: readonly TicketFacts[], ownerName: (id: string) => string = (id) => id): string {
  const header = 'number,title,priority,category,tier,first owner,created,response,resolution,resolved,time to resolve (business hours),functional escalations,management escalations,reopens';
  const lines = facts.map((f) =>
    [
      csvText(f.number),
      csvText(f.title),
      f.priority,
      csvText(f.category),
      f.tier,
      csvText(ownerName(f.owner)),
      new Date(f.createdAt).toISOString(),
      outcomeCell(f.responseMet),
      outcomeCell(f.resolutionMet),
      f.resolved ? 'yes' : 'no',
      f.resolveBusinessMs === null ? '' : (f.resolveBusinessMs / 3_600_000).toFixed(2),
      String(f.functionalEscalations),
      String(f.hierarchicalEscalations),
      String(f.reopens),
    ].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}
