import { Temporal } from 'temporal-polyfill';
import { civilFromDays, daysFromCivil, weekdayOfDay, yearOfDay } from '../time/civil';
import { DAY_MS } from '../time/duration';
import type { NormalizedCalendar } from './calendar-week';
import { regionHolidays } from './holiday-region';
import type { ZoneOffsets } from './zone-offsets';

/** A local day that does not follow the weekly pattern: a holiday, or a day touched by a DST change. */
export type ExceptionDay = { intervals: number[]; amount: number; holiday: string | null };

type YearBlock = {
  firstDay: number;
  lastDay: number;
  /** Exception days whose open time differs from the pattern, ascending, with prefix sums of the difference. */
  days: number[];
  prefix: number[];
  /** Closed local days with their names, ascending. */
  holidays: Array<{ day: number; name: string }>;
  /** Exception of each day of the year (day - firstDay), or undefined for an ordinary day: an array read, not a hash lookup. */
  byDay: Array<ExceptionDay | undefined>;
  /** Open time of the year's days before each one: cum[i] is the open time of [firstDay, firstDay + i), so any span within the year is one subtraction. */
  cum: Float64Array;
  /** What `view` shows for each day of the year: its open intervals are bases[i] + flats[i][k]. */
  bases: Float64Array;
  flats: Array<readonly number[]>;
};

/**
 * Per-day facts of one calendar. Ordinary days are computed from the week
 * pattern and one UTC offset; exceptions (holidays, days near a DST change)
 * are resolved through Temporal once per local year and cached. Sums over
 * many days are "pattern sum (whole weeks by multiplication) + exception
 * differences (prefix sums)", so no operation walks the days of a long span.
 */
export class CalendarDays {
  private readonly years = new Map<number, YearBlock>();
  private last: YearBlock | undefined;
  /** Set by `view`: a day's open intervals are base + flat[i]. */
  base = 0;
  flat: readonly number[] = [];
  private viewed = NaN;

  constructor(
    private readonly cal: NormalizedCalendar,
    private readonly zone: ZoneOffsets,
  ) {}

  /** Local day number (days since 1970-01-01 in the calendar's zone) of an instant. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.zone.offsetAt(ms)) / DAY_MS);
  }

  amount(day: number): number {
    const b = this.blockOf(day);
    const i = day - b.firstDay;
    return b.cum[i + 1]! - b.cum[i]!;
  }

  /** First day after the year of `day`. */
  yearEnd(day: number): number {
    return this.blockOf(day).lastDay + 1;
  }

  /**
   * The day on which `rest` (> 0) open time, counted from the start of
   * `fromDay`, runs out; the caller knows it runs out within fromDay's year.
   */
  dayReaching(fromDay: number, rest: number): number {
    const { cum, firstDay } = this.blockOf(fromDay);
    const need = cum[fromDay - firstDay]! + rest;
    // Smallest i with cum[i] ≥ need: the day before it is the one that reaches it. Most
    // amounts asked for end within two weeks, so look there first, then bisect the rest of the year.
    let lo = fromDay - firstDay + 1;
    const near = Math.min(lo + 14, cum.length - 1);
    while (lo < near && cum[lo]! < need) lo++;
    let hi = cum.length - 1;
    if (cum[lo]! >= need) hi = lo;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! < need) lo = mid + 1;
      else hi = mid;
    }
    return firstDay + lo - 1;
  }

  /** Points `base`/`flat` at the open intervals (UTC ms) of `day`. */
  view(day: number): void {
    // Consecutive calls mostly ask for the same day (both clocks of a ticket, start then due).
    if (day === this.viewed) return;
    this.viewed = day;
    const b = this.blockOf(day);
    this.base = b.bases[day - b.firstDay]!;
    this.flat = b.flats[day - b.firstDay]!;
  }

  exception(day: number): ExceptionDay | undefined {
    return this.exceptionOf(day);
  }

  /** Open time of the whole days in [fromDay, toDay). */
  openBetweenDays(fromDay: number, toDay: number): number {
    if (toDay <= fromDay) return 0;
    const b = this.blockOf(fromDay);
    if (toDay - 1 <= b.lastDay) return b.cum[toDay - b.firstDay]! - b.cum[fromDay - b.firstDay]!;
    return this.patternPrefix(toDay) - this.patternPrefix(fromDay) + this.differenceBetween(fromDay, toDay);
  }

  /** Holidays (closed local days) in [fromDay, toDay), ascending. */
  holidaysBetween(fromDay: number, toDay: number): Array<{ day: number; name: string }> {
    const out: Array<{ day: number; name: string }> = [];
    if (toDay <= fromDay) return out;
    for (let y = yearOfDay(fromDay); y <= yearOfDay(toDay - 1); y++) {
      for (const h of this.block(y).holidays) if (h.day >= fromDay && h.day < toDay) out.push(h);
    }
    return out;
  }

  private patternPrefix(day: number): number {
    const week = this.cal.week;
    const weeks = Math.floor(day / 7);
    return weeks * week.weekOpenMs + week.residuePrefix[day - weeks * 7]!;
  }

  private differenceBetween(fromDay: number, toDay: number): number {
    const first = this.blockOf(fromDay);
    if (toDay - 1 <= first.lastDay) return this.blockSum(first, fromDay, toDay);
    const y1 = yearOfDay(fromDay);
    const y2 = yearOfDay(toDay - 1);
    let sum = this.blockSum(first, fromDay, Infinity) + this.blockSum(this.block(y2), -Infinity, toDay);
    for (let y = y1 + 1; y < y2; y++) sum += this.blockSum(this.block(y), -Infinity, Infinity);
    return sum;
  }

  private blockSum(block: YearBlock, fromDay: number, toDay: number): number {
    const { days, prefix } = block;
    return prefix[lowerBound(days, toDay)]! - prefix[lowerBound(days, fromDay)]!;
  }

  private exceptionOf(day: number): ExceptionDay | undefined {
    const b = this.blockOf(day);
    return b.byDay[day - b.firstDay];
  }

  /** The year block of a day; the last one used is checked first (queries cluster in time). */
  private blockOf(day: number): YearBlock {
    const b = this.last;
    if (b && day >= b.firstDay && day <= b.lastDay) return b;
    return (this.last = this.block(yearOfDay(day)));
  }

  private block(year: number): YearBlock {
    const cached = this.years.get(year);
    if (cached) return cached;
    const firstDay = daysFromCivil(year, 1, 1);
    const lastDay = daysFromCivil(year + 1, 1, 1) - 1;
    const inYear = (d: number) => d >= firstDay && d <= lastDay;
    const closed = new Map<number, string>();
    for (const [day, text] of this.cal.holidays) if (inYear(day)) closed.set(day, `holiday ${text}`);
    if (this.cal.holidayRegion) {
      for (const h of regionHolidays(this.cal.holidayRegion, year)) if (inYear(h.day) && !closed.has(h.day)) closed.set(h.day, h.name);
    }
    const touched = new Set<number>();
    for (let y = year - 1; y <= year + 1; y++) {
      for (const t of this.zone.transitionsInYear(y)) {
        const a = Math.floor((t.at + t.offsetBefore) / DAY_MS);
        const b = Math.floor((t.at + t.offsetAfter) / DAY_MS);
        for (let d = Math.min(a, b) - 1; d <= Math.max(a, b) + 1; d++) if (inYear(d)) touched.add(d);
      }
    }
    const length = lastDay - firstDay + 1;
    const block: YearBlock = {
      firstDay,
      lastDay,
      days: [],
      prefix: [0],
      holidays: [],
      byDay: new Array<ExceptionDay | undefined>(length).fill(undefined),
      cum: new Float64Array(length + 1),
      bases: new Float64Array(length),
      flats: new Array<readonly number[]>(length),
    };
    const all = [...new Set([...closed.keys(), ...touched])].sort((a, b) => a - b);
    for (const day of all) {
      const holiday = closed.get(day) ?? null;
      const exception = holiday !== null ? { intervals: [], amount: 0, holiday } : this.resolveDay(day);
      block.byDay[day - firstDay] = exception;
      if (holiday !== null) block.holidays.push({ day, name: holiday });
      const difference = exception.amount - this.cal.week.dayOpenMs[weekdayOfDay(day)]!;
      if (difference !== 0) {
        block.days.push(day);
        block.prefix.push(block.prefix[block.prefix.length - 1]! + difference);
      }
    }
    const { dayOpenMs, days } = this.cal.week;
    for (let i = 0; i < length; i++) {
      const day = firstDay + i;
      const exception = block.byDay[i];
      block.cum[i + 1] = block.cum[i]! + (exception?.amount ?? dayOpenMs[weekdayOfDay(day)]!);
      // An exception's intervals are UTC instants; an ordinary day has no offset change within a day of it (those are exceptions), so one offset maps it.
      block.bases[i] = exception ? 0 : day * DAY_MS - this.zone.offsetAt(day * DAY_MS);
      block.flats[i] = exception ? exception.intervals : days[weekdayOfDay(day)]!;
    }
    this.years.set(year, block);
    return block;
  }

  /**
   * A day near a DST change, through Temporal. Local boundaries use
   * 'compatible' disambiguation: a time in a spring-forward gap maps forward
   * by the gap (02:30 → 03:30), a repeated time maps to its first occurrence.
   * Intervals are clipped to the day and unioned, so nothing counts twice,
   * and all amounts are real elapsed time (00:00–03:00 on a fall-back night is 4 h).
   */
  private resolveDay(day: number): ExceptionDay {
    const toUtc = (localMs: number) => {
      const d = Math.floor(localMs / DAY_MS);
      const { year, month, day: dayOfMonth } = civilFromDays(d);
      const minutes = Math.round((localMs - d * DAY_MS) / 60_000);
      return Temporal.PlainDateTime.from({ year, month, day: dayOfMonth, hour: Math.floor(minutes / 60), minute: minutes % 60 })
        .toZonedDateTime(this.zone.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
    };
    const dayStart = toUtc(day * DAY_MS);
    const dayEnd = toUtc((day + 1) * DAY_MS);
    const pattern = this.cal.week.days[weekdayOfDay(day)]!;
    const pieces: Array<[number, number]> = [];
    for (let i = 0; i < pattern.length; i += 2) {
      const from = Math.max(dayStart, toUtc(day * DAY_MS + pattern[i]!));
      const to = Math.min(dayEnd, toUtc(day * DAY_MS + pattern[i + 1]!));
      if (to > from) pieces.push([from, to]);
    }
    pieces.sort((a, b) => a[0] - b[0]);
    const intervals: number[] = [];
    for (const [from, to] of pieces) {
      const lastEnd = intervals[intervals.length - 1];
      if (lastEnd !== undefined && from <= lastEnd) intervals[intervals.length - 1] = Math.max(lastEnd, to);
      else intervals.push(from, to);
    }
    let amount = 0;
    for (let i = 0; i < intervals.length; i += 2) amount += intervals[i + 1]! - intervals[i]!;
    return { intervals, amount, holiday: null };
  }
}

/** First index whose value is ≥ x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
