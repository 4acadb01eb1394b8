import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { getTickerNow, serverNow, setServerOffset, subscribeTicker } from './ticker';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  setServerOffset(0);
  vi.useRealTimers();
});

test('the snapshot stays the same between ticks, as useSyncExternalStore requires', () => {
  const first = getTickerNow();
  vi.advanceTimersByTime(5);
  expect(getTickerNow()).toBe(first);
});

test('ticks once a second on whole seconds while someone listens, then stops', () => {
  const seen: number[] = [];
  const unsubscribe = subscribeTicker(() => seen.push(getTickerNow()));
  vi.advanceTimersByTime(3000);
  expect(seen).toEqual([1_001_000, 1_002_000, 1_003_000]);
  unsubscribe();
  expect(vi.getTimerCount()).toBe(0);
});

test('corrects time by the measured server offset', () => {
  setServerOffset(-90_000);
  expect(serverNow()).toBe(1_000_000 - 90_000);
  expect(getTickerNow()).toBe(1_000_000 - 90_000);
});
