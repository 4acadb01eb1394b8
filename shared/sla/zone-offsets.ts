import { Temporal } from 'temporal-polyfill';
import { civilFromDays, daysFromCivil } from '../time/civil';
import { DAY_MS } from '../time/duration';

/** A UTC offset change: local time is `utc + offsetBefore` before `at`, `utc + offsetAfter` from `at` on. */
export type ZoneTransition = { at: number; offsetBefore: number; offsetAfter: number };

type YearBlock = {
  start: number;
  end: number;
  /** Transition instants inside [start, end), ascending. */
  at: number[];
  /** offsets[0] is in effect at `start`; offsets[i + 1] from at[i] on. */
  offsets: number[];
};

/**
 * UTC offsets of one IANA zone, read from Temporal once per UTC year and
 * then answered by a short scan: a calendar asks for offsets millions of
 * times, and a Temporal conversion costs several microseconds.
 */
export class ZoneOffsets {
  private readonly blocks = new Map<number, YearBlock>();
  private last: YearBlock;
  // The stretch between two transitions that the last answer came from: most instants asked about fall in it.
  private spanStart = NaN;
  private spanEnd = NaN;
  private spanOffset = 0;

  constructor(readonly timeZone: string) {
    this.last = this.block(1970);
  }

  offsetAt(ms: number): number {
    if (ms >= this.spanStart && ms < this.spanEnd) return this.spanOffset;
    let b = this.last;
    if (!(ms >= b.start && ms < b.end)) {
      b = this.block(civilFromDays(Math.floor(ms / DAY_MS)).year);
      this.last = b;
    }
    const { at, offsets } = b;
    let i = 0;
    while (i < at.length && ms >= at[i]!) i++;
    this.spanStart = i > 0 ? at[i - 1]! : b.start;
    this.spanEnd = i < at.length ? at[i]! : b.end;
    return (this.spanOffset = offsets[i]!);
  }

  /** Transitions whose instant falls in UTC year `year`. */
  transitionsInYear(year: number): ZoneTransition[] {
    const b = this.block(year);
    return b.at.map((at, i) => ({ at, offsetBefore: b.offsets[i]!, offsetAfter: b.offsets[i + 1]! }));
  }

  private block(year: number): YearBlock {
    const cached = this.blocks.get(year);
    if (cached) return cached;
    const start = daysFromCivil(year, 1, 1) * DAY_MS;
    const end = daysFromCivil(year + 1, 1, 1) * DAY_MS;
    let zdt = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(this.timeZone);
    const block: YearBlock = { start, end, at: [], offsets: [zdt.offsetNanoseconds / 1e6] };
    for (;;) {
      const next = zdt.getTimeZoneTransition('next');
      if (!next || next.epochMilliseconds >= end) break;
      block.at.push(next.epochMilliseconds);
      block.offsets.push(next.offsetNanoseconds / 1e6);
      zdt = next;
    }
    this.blocks.set(year, block);
    return block;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The canonical id of an IANA zone (or fixed offset such as "+05:00"), or undefined when unknown. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  } catch {
    return undefined;
  }
}

/** Shared per zone: zone rules never change while the process runs. Throws RangeError for an unknown zone. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (canonicalTimeZone(timeZone) === undefined) throw new RangeError(`unknown time zone "${timeZone}"`);
    zone = new ZoneOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}
