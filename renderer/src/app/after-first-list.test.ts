import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { afterFirstList, firstListShown, resetFirstList } from './after-first-list';

beforeEach(() => {
  resetFirstList();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  firstListShown();
});

test('work waiting for the queue starts when the first list shows, once, and at once after that', () => {
  const run = vi.fn();
  afterFirstList(run);
  vi.advanceTimersByTime(1000);
  expect(run).not.toHaveBeenCalled();
  firstListShown();
  firstListShown();
  expect(run).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(5000);
  expect(run).toHaveBeenCalledTimes(1);
  const later = vi.fn();
  afterFirstList(later);
  expect(later).toHaveBeenCalledTimes(1);
});

test('without a list it starts after the fallback; cancelled, it never starts', () => {
  const run = vi.fn();
  const cancelled = vi.fn();
  afterFirstList(run, 1500);
  afterFirstList(cancelled, 1500)();
  vi.advanceTimersByTime(1499);
  expect(run).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(run).toHaveBeenCalledTimes(1);
  firstListShown();
  expect(run).toHaveBeenCalledTimes(1);
  expect(cancelled).not.toHaveBeenCalled();
});
