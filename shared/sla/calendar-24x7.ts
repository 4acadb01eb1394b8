import type { ClockCalendar } from './clock-snapshot';

/** Calendar time: every instant is open. */
export const calendar24x7: ClockCalendar & { isOpen(ms: number): boolean; nextOpen(ms: number): number } = {
  addBusinessTime: (startMs, durationMs) => startMs + Math.max(0, durationMs),
  businessTimeBetween: (startMs, endMs) => Math.max(0, endMs - startMs),
  isOpen: () => true,
  nextOpen: (ms) => ms,
};
