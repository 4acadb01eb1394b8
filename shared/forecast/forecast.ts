import type { Priority, Tier } from '../model/levels';
import type { ClockCalendar, ClockSnapshot } from '../sla/clock-snapshot';
import { accruedAt } from '../sla/clock-snapshot';
import type { TicketClocks } from '../sla/ticket-clocks';

/** One resolved ticket: open time its resolution clock ran (pauses excluded) until it was resolved. */
export type ResolvedSample = { category: string; tier: Tier; priority: Priority; resolutionMs: number };

/** The ticket being forecast: its grouping and its running (or paused) resolution clock. */
export type ForecastSubject = {
  category: string;
  tier: Tier;
  priority: Priority;
  resolution: ClockSnapshot;
  /** The calendar of the resolution clock (calendarLookup(policy)(resolution.calendar)). */
  calendar: ClockCalendar;
};

export type ForecastGroup = 'category×tier×priority' | 'category×priority' | 'tier×priority' | 'priority' | 'all';

export type Forecast = {
  group: ForecastGroup;
  /** Resolved tickets the estimate is drawn from. */
  samples: number;
  elapsedMs: number;
  /** Expected total open time to resolution (median), and the high estimate (e.g. p90). */
  expectedMs: number;
  highMs: number;
  quantile: number;
  /** When those totals are reached if the clock keeps running; null while paused. */
  expectedAt: number | null;
  highAt: number | null;
  dueAt: number | null;
  /** The median outcome passes the target: flag it before any threshold fires. */
  atRisk: boolean;
  /** Even the high estimate would pass the target. */
  highRisk: boolean;
};

export type ForecastOptions = { quantile: number; minSamples: number };

/** Resolved history grouped once, values sorted; build it with indexHistory and reuse it across tickets. */
export type ForecastHistory = { groups: ReadonlyMap<string, readonly number[]> };

const GROUPS: Array<[ForecastGroup, (s: { category: string; tier: Tier; priority: Priority }) => string]> = [
  ['category×tier×priority', (s) => `c:${s.category}|t:${s.tier}|p:${s.priority}`],
  ['category×priority', (s) => `c:${s.category}|p:${s.priority}`],
  ['tier×priority', (s) => `t:${s.tier}|p:${s.priority}`],
  ['priority', (s) => `p:${s.priority}`],
  ['all', () => '*'],
];

export function indexHistory(history: readonly ResolvedSample[]): ForecastHistory {
  const groups = new Map<string, number[]>();
  for (const sample of history) {
    if (!(sample.resolutionMs >= 0)) continue;
    for (const [, key] of GROUPS) {
      const k = key(sample);
      const list = groups.get(k);
      if (list) list.push(sample.resolutionMs);
      else groups.set(k, [sample.resolutionMs]);
    }
  }
  for (const list of groups.values()) list.sort((a, b) => a - b);
  return { groups };
}

/** Linear interpolation between order statistics. */
function quantileOf(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Expected completion from resolved history of the same category × tier ×
 * priority, falling back to coarser groups while a group has fewer than
 * `minSamples`. The estimate is conditional on time already spent: only
 * tickets that took longer than this one has so far are counted, when
 * there are enough of them — a ticket already past the typical time is
 * not "expected now". Null without any history.
 */
export function forecast(
  ticket: ForecastSubject,
  history: ForecastHistory | readonly ResolvedSample[],
  nowMs: number,
  options: ForecastOptions = { quantile: 0.9, minSamples: 5 },
): Forecast | null {
  const index = 'groups' in history ? history : indexHistory(history);
  let chosen: [ForecastGroup, readonly number[]] | null = null;
  for (const [group, key] of GROUPS) {
    const values = index.groups.get(key(ticket));
    if (!values?.length) continue;
    if (!chosen || values.length >= options.minSamples) chosen = [group, values];
    if (values.length >= options.minSamples) break;
  }
  if (!chosen) return null;
  const [group, values] = chosen;
  const clock = ticket.resolution;
  const elapsedMs = accruedAt(clock, nowMs, ticket.calendar);
  const longer = values.filter((v) => v > elapsedMs);
  const basis = longer.length >= Math.min(options.minSamples, values.length) ? longer : values;
  const expectedMs = Math.max(elapsedMs, quantileOf(basis, 0.5));
  const highMs = Math.max(elapsedMs, quantileOf(basis, options.quantile));
  const running = clock.state === 'running';
  const from = Math.max(nowMs, clock.since ?? nowMs);
  const at = (total: number) => (running ? ticket.calendar.addBusinessTime(from, total - elapsedMs) : null);
  return {
    group,
    samples: values.length,
    elapsedMs,
    expectedMs,
    highMs,
    quantile: options.quantile,
    expectedAt: at(expectedMs),
    highAt: at(highMs),
    dueAt: running ? clock.dueAt : null,
    atRisk: clock.state !== 'stopped' && expectedMs > clock.targetMs,
    highRisk: clock.state !== 'stopped' && highMs > clock.targetMs,
  };
}

/** A resolved ticket's sample for the history, from its computed clocks (null unless resolved or closed). */
export function sampleFromClocks(clocks: TicketClocks): ResolvedSample | null {
  const state = clocks.state;
  const resolution = clocks.resolution;
  if (!state || !resolution || state.status === 'open') return null;
  return { category: state.category, tier: state.tier, priority: state.priority, resolutionMs: resolution.elapsedMs };
}
