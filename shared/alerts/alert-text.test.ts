import { describe, expect, test } from 'vitest';
import { MINUTE_MS } from '../time/duration';
import { crossing } from './alert-fixtures';
import { crossingText } from './alert-text';

const NOW = Date.UTC(2026, 10, 24, 15, 0);

describe('crossingText', () => {
  test('says how much of the SLA is used and when it breaches', () => {
    expect(crossingText(crossing(1, 75, NOW, { dueAt: NOW + 30 * MINUTE_MS }), NOW)).toEqual({
      title: 'INC-000001: 75% of the resolution SLA used',
      body: 'Ticket 1 · breaches in 30 min',
    });
    expect(crossingText(crossing(2, 100, NOW, { severity: 'S1', clock: 'response' }), NOW)).toEqual({ title: 'INC-000002 breached its response SLA', body: 'S1 · Ticket 2' });
  });

  test('tells an approver the ticket waits for their approval of a tier skip', () => {
    const waiting = { ...crossing(3, 90, NOW, { dueAt: NOW + 10 * MINUTE_MS }), reason: 'skip_approval' as const };
    expect(crossingText(waiting, NOW).body).toBe('Ticket 3 · breaches in 10 min · a tier skip waits for your approval');
    expect(crossingText({ ...waiting, threshold: 100 }, NOW).body).toBe('Ticket 3 · a tier skip waits for your approval');
  });
});
