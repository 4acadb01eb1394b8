import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time/duration';
import { zoneOffsets } from './zone-offsets';

const temporalOffset = (ms: number, zone: string) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;

describe('UTC offsets of a zone', () => {
  test('agree with Temporal on both sides of each transition, asked in any order', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata']) {
      const offsets = zoneOffsets(zone);
      const instants: number[] = [];
      for (const year of [2025, 2026, 2027]) {
        for (const t of offsets.transitionsInYear(year)) instants.push(t.at - 1, t.at, t.at + 1, t.at - HOUR_MS, t.at + 3 * HOUR_MS);
        instants.push(Date.UTC(year, 0, 1) - 1, Date.UTC(year, 0, 1), Date.UTC(year, 6, 1, 12));
      }
      // Jump back and forth so each answer starts from the stretch the previous one came from.
      const shuffled = instants.map((ms, i) => instants[(i * 7) % instants.length]! + (i % 3) * MINUTE_MS);
      for (const ms of [...instants, ...shuffled, ...instants.reverse()]) expect(offsets.offsetAt(ms)).toBe(temporalOffset(ms, zone));
    }
  });
});
