import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors';
import { parseTicketEvent, parseTicketEvents } from './ticket-event';

describe('ticket events', () => {
  test('parses a functional escalation with a skip approval', () => {
    const event = parseTicketEvent({
      type: 'escalated',
      kind: 'functional',
      at: 1_770_000_000_000,
      by: 'lead-1',
      role: 'lead',
      trigger: 'lacks_access_or_expertise',
      fromTier: 'L1',
      toTier: 'L3',
      reason: 'database corruption',
      approval: { by: 'lead-1', role: 'lead', reason: 'L2 cannot touch production data' },
    });
    expect(event.type === 'escalated' && event.kind).toBe('functional');
  });

  test('names the bad field of a malformed event', () => {
    try {
      parseTicketEvent({ type: 'paused', at: 1, by: 'a', role: 'l1_agent', clock: 'lunch', reason: 'x' });
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['clock']);
    }
  });

  test('keeps every valid event of a stored stream and reports the damaged ones by index', () => {
    const { events, invalid } = parseTicketEvents([
      { type: 'resolved', at: 5, by: 'a', role: 'l1_agent' },
      { type: 'teleported', at: 6 },
      { type: 'closed', at: 7, by: 'a', role: 'l1_agent' },
    ]);
    expect(events.map((e) => e.type)).toEqual(['resolved', 'closed']);
    expect(invalid.map((i) => i.index)).toEqual([1]);
  });
});
