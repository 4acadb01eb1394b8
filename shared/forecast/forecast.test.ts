import { describe, expect, test } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { calendarLookup } from '../sla/calendars';
import { computeClocks } from '../sla/compute-clocks';
import { agent, created, ny, nyLocal } from '../testing/ticket-events';
import { HOUR_MS } from '../time/duration';
import { forecast, indexHistory, sampleFromClocks, type ResolvedSample } from './forecast';

const business = calendarLookup(defaultPolicy)('business');
const hours = (list: number[], over: Partial<ResolvedSample> = {}): ResolvedSample[] =>
  list.map((h) => ({ category: 'software', tier: 'L1', priority: 'P3', resolutionMs: h * HOUR_MS, ...over }));

/** A P3 software ticket at L1 created Monday 09:00, as seen at `now`. */
function subject(now: number, events = [created(ny('2026-03-02T09:00'))]) {
  const clocks = computeClocks(events, defaultPolicy, now);
  return { category: 'software', tier: 'L1' as const, priority: 'P3' as const, resolution: clocks.resolution!.snapshot, calendar: business };
}

describe('forecast', () => {
  test('expects completion at the median of the same category × tier × priority, with p90 as the high estimate', () => {
    const now = ny('2026-03-02T10:00');
    const result = forecast(subject(now), hours([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]), now, defaultPolicy.forecast)!;
    expect(result).toMatchObject({ group: 'category×tier×priority', samples: 10, elapsedMs: HOUR_MS, expectedMs: 11 * HOUR_MS, atRisk: false });
    expect(result.highMs).toBeCloseTo(18.2 * HOUR_MS, -3);
    expect(nyLocal(result.expectedAt!)).toBe('2026-03-03T11:00');
  });

  test('flags a ticket at risk when the expected completion passes its due time, before any threshold', () => {
    const now = ny('2026-03-02T10:00');
    const result = forecast(subject(now), hours([25, 28, 30, 32, 40]), now, defaultPolicy.forecast)!;
    expect(result.atRisk).toBe(true);
    expect(result.expectedAt!).toBeGreaterThan(result.dueAt!);
    expect(result.elapsedMs / (27 * HOUR_MS)).toBeLessThan(0.5);
  });

  test('counts only tickets that took longer than this one has already run', () => {
    const now = ny('2026-03-03T10:00'); // 10 business hours in
    const result = forecast(subject(now), hours([2, 3, 4, 5, 6, 12, 14, 16, 18, 20]), now, defaultPolicy.forecast)!;
    expect(result.elapsedMs).toBe(10 * HOUR_MS);
    expect(result.expectedMs).toBe(16 * HOUR_MS);
  });

  test('falls back to coarser groups while the exact group has too few samples, and says which', () => {
    const now = ny('2026-03-02T10:00');
    const history = [...hours([3, 5]), ...hours([4, 6, 8, 10, 12], { tier: 'L2' })];
    const result = forecast(subject(now), indexHistory(history), now, defaultPolicy.forecast)!;
    expect(result).toMatchObject({ group: 'category×priority', samples: 7, expectedMs: 6 * HOUR_MS });
    expect(forecast(subject(now), hours([4, 6], { category: 'email', priority: 'P4' }), now, defaultPolicy.forecast)?.group).toBe('all');
  });

  test('gives no forecast without history and no completion time while paused', () => {
    const now = ny('2026-03-02T12:00');
    expect(forecast(subject(now), [], now)).toBeNull();
    const paused = subject(now, [
      created(ny('2026-03-02T09:00')),
      { type: 'paused', at: ny('2026-03-02T11:00'), ...agent, clock: 'resolution', reason: 'awaiting_customer' },
    ]);
    expect(forecast(paused, hours([20, 30, 40, 50, 60]), now)).toMatchObject({ expectedAt: null, dueAt: null, atRisk: true });
  });

  test('a resolved ticket becomes a history sample of its open resolution time', () => {
    const clocks = computeClocks([created(ny('2026-03-02T09:00')), { type: 'resolved', at: ny('2026-03-03T09:00'), ...agent }], defaultPolicy, ny('2026-03-04T09:00'));
    expect(sampleFromClocks(clocks)).toEqual({ category: 'software', tier: 'L1', priority: 'P3', resolutionMs: 9 * HOUR_MS });
  });
});
