import { ValidationError, formatPath } from '../errors';
import { formatCivilDate } from '../time/civil';
import { CalendarDays } from './calendar-days';
import type { CalendarSpec } from './calendar-spec';
import { checkCalendarSpec, type NormalizedCalendar } from './calendar-week';
import { zoneOffsets } from './zone-offsets';

export type { CalendarSpec } from './calendar-spec';

/**
 * Public and stable: every SLA computation reads time through this. All
 * instants are UTC epoch ms and all amounts are real elapsed time. Local
 * interval boundaries resolve like Temporal's 'compatible' disambiguation:
 * a boundary inside a spring-forward gap moves forward by the gap (02:30 →
 * 03:30), a boundary inside a repeated fall-back hour is its first
 * occurrence, and an interval spanning the change holds its real length
 * (00:00–03:00 on a fall-back night is 4 h). Intervals that the gap maps
 * onto each other count once. Holidays close whole local days.
 */
export interface BusinessCalendar {
  /** Earliest instant t with exactly `durationMs` of open time in [startMs, t). */
  addBusinessTime(startMs: number, durationMs: number): number;
  /** Open time in [startMs, endMs); 0 when endMs ≤ startMs. */
  businessTimeBetween(startMs: number, endMs: number): number;
  isOpen(ms: number): boolean;
  /** `ms` itself when open, else the next opening instant. */
  nextOpen(ms: number): number;
}

/** Longest span a search may cover before giving up (an endless closure is a bug, not a deadline). */
const MAX_SEARCH_DAYS = 1000 * 366;

/**
 * A calendar built from a spec: weekly local intervals in an IANA zone,
 * minus holidays. Costs do not grow with the duration asked for: whole
 * spans are summed from the weekly pattern plus per-year exception prefix
 * sums, and a long `addBusinessTime` binary-searches the day it ends on.
 */
export class SpecCalendar implements BusinessCalendar {
  private readonly days: CalendarDays;
  private readonly alwaysOpen: boolean;
  // One-entry memos: a ticket's two clocks usually start at the same instant
  // and are read at the same instant, so the second identical call is free.
  private addStart = NaN;
  private addDuration = NaN;
  private addOut = NaN;
  private betweenStart = NaN;
  private betweenEnd = NaN;
  private betweenOut = NaN;
  private openIn = NaN;
  private openOut = NaN;

  constructor(
    readonly spec: CalendarSpec,
    private readonly normalized: NormalizedCalendar,
  ) {
    this.days = new CalendarDays(normalized, zoneOffsets(normalized.timeZone));
    this.alwaysOpen = normalized.week.alwaysOpen && normalized.holidays.size === 0 && !normalized.holidayRegion;
  }

  get timeZone(): string {
    return this.normalized.timeZone;
  }

  addBusinessTime(startMs: number, durationMs: number): number {
    finite(startMs, durationMs);
    if (!(durationMs > 0)) return startMs;
    if (this.alwaysOpen) return startMs + durationMs;
    if (this.addStart === startMs && this.addDuration === durationMs) return this.addOut;
    this.addStart = startMs;
    this.addDuration = durationMs;
    return (this.addOut = this.add(startMs, durationMs));
  }

  private add(startMs: number, durationMs: number): number {
    const days = this.days;
    const day = days.dayOf(startMs);
    let rest = durationMs;
    days.view(day);
    const { base, flat } = days;
    for (let i = 0; i < flat.length; i += 2) {
      const to = base + flat[i + 1]!;
      if (to <= startMs) continue;
      const from = Math.max(base + flat[i]!, startMs);
      if (rest <= to - from) return from + rest;
      rest -= to - from;
    }
    return this.jump(day + 1, rest);
  }

  businessTimeBetween(startMs: number, endMs: number): number {
    finite(startMs, endMs);
    if (!(endMs > startMs)) return 0;
    if (this.alwaysOpen) return endMs - startMs;
    if (this.betweenStart === startMs && this.betweenEnd === endMs) return this.betweenOut;
    this.betweenStart = startMs;
    this.betweenEnd = endMs;
    return (this.betweenOut = this.between(startMs, endMs));
  }

  private between(startMs: number, endMs: number): number {
    const first = this.days.dayOf(startMs);
    const last = this.days.dayOf(endMs);
    if (first === last) return this.openWithin(first, startMs, endMs);
    return (
      this.openWithin(first, startMs, Infinity) +
      this.days.openBetweenDays(first + 1, last) +
      this.openWithin(last, -Infinity, endMs)
    );
  }

  isOpen(ms: number): boolean {
    finite(ms, 0);
    if (this.alwaysOpen) return true;
    this.days.view(this.days.dayOf(ms));
    const { base, flat } = this.days;
    for (let i = 0; i < flat.length; i += 2) if (ms >= base + flat[i]! && ms < base + flat[i + 1]!) return true;
    return false;
  }

  nextOpen(ms: number): number {
    finite(ms, 0);
    if (this.alwaysOpen) return ms;
    if (this.openIn === ms) return this.openOut;
    this.openIn = ms;
    return (this.openOut = this.opening(ms));
  }

  private opening(ms: number): number {
    const days = this.days;
    const day = days.dayOf(ms);
    days.view(day);
    for (let i = 0; i < days.flat.length; i += 2) {
      if (ms < days.base + days.flat[i + 1]!) return Math.max(ms, days.base + days.flat[i]!);
    }
    for (let next = day + 1; next <= day + 7; next++) {
      if (days.amount(next) > 0) {
        days.view(next);
        return days.base + days.flat[0]!;
      }
    }
    // A long closure (holidays after a weekend …): the first open millisecond ends one millisecond of open time.
    return this.addBusinessTime(ms, 1) - 1;
  }

  /** Open intervals overlapping [fromMs, toMs), clipped, at most `limit` of them (for explanations). */
  openIntervals(fromMs: number, toMs: number, limit = 200): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (!(toMs > fromMs)) return out;
    if (this.alwaysOpen) return [[fromMs, toMs]];
    const lastDay = this.days.dayOf(toMs);
    for (let day = this.days.dayOf(fromMs); day <= lastDay && out.length < limit; day++) {
      this.days.view(day);
      const { base, flat } = this.days;
      for (let i = 0; i < flat.length && out.length < limit; i += 2) {
        const from = Math.max(fromMs, base + flat[i]!);
        const to = Math.min(toMs, base + flat[i + 1]!);
        if (to <= from) continue;
        const prev = out[out.length - 1];
        if (prev && prev[1] === from) prev[1] = to;
        else out.push([from, to]);
      }
    }
    return out;
  }

  /** Holidays (closed local dates) between two instants. */
  holidaysBetween(fromMs: number, toMs: number): Array<{ date: string; name: string }> {
    if (!(toMs > fromMs)) return [];
    return this.days
      .holidaysBetween(this.days.dayOf(fromMs), this.days.dayOf(toMs) + 1)
      .map((h) => ({ date: formatCivilDate(h.day), name: h.name }));
  }

  private openWithin(day: number, fromMs: number, toMs: number): number {
    this.days.view(day);
    const { base, flat } = this.days;
    let sum = 0;
    for (let i = 0; i < flat.length; i += 2) {
      const open = Math.min(toMs, base + flat[i + 1]!) - Math.max(fromMs, base + flat[i]!);
      if (open > 0) sum += open;
    }
    return sum;
  }

  private placeInDay(day: number, rest: number): number {
    this.days.view(day);
    const { base, flat } = this.days;
    for (let i = 0; i < flat.length; i += 2) {
      const length = flat[i + 1]! - flat[i]!;
      if (rest <= length) return base + flat[i]! + rest;
      rest -= length;
    }
    return base + (flat[flat.length - 1] ?? 0);
  }

  /**
   * Where `rest` open time, counted from the start of `day`, runs out: whole
   * local years are consumed from their sums, then the final year's
   * cumulative day sums are bisected.
   */
  private jump(day: number, rest: number): number {
    const days = this.days;
    let from = day;
    let yearEnd = days.yearEnd(from);
    for (let inYear = days.openBetweenDays(from, yearEnd); inYear < rest; inYear = days.openBetweenDays(from, yearEnd)) {
      rest -= inYear;
      from = yearEnd;
      yearEnd = days.yearEnd(from);
      if (from - day > MAX_SEARCH_DAYS) throw new RangeError('calendar has no open time left within 1000 years');
    }
    const last = days.dayReaching(from, rest);
    return this.placeInDay(last, rest - days.openBetweenDays(from, last));
  }
}

function finite(a: number, b: number): void {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('calendar arithmetic needs finite epoch milliseconds');
}

/** Builds a calendar, or throws a ValidationError naming each bad field (`timeZone`, `week.mon[1]`, `holidays[0]`). */
export function createCalendar(spec: CalendarSpec): BusinessCalendar {
  return createSpecCalendar(spec);
}

/** createCalendar, typed with the explanation helpers (open intervals, holidays). */
export function createSpecCalendar(spec: CalendarSpec): SpecCalendar {
  const check = checkCalendarSpec(spec);
  if (!check.ok) {
    throw new ValidationError(
      'calendar',
      check.issues.map((i) => ({ field: formatPath(i.path), message: i.message })),
    );
  }
  return new SpecCalendar(spec, check.calendar);
}
