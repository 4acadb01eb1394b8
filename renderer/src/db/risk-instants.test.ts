import { describe, expect, test } from 'vitest';
import { NO_DUE } from '../../../shared/sla/ticket-sla';
import { getActivePolicy } from '../app/policy';
import { makeTicket } from '../test/tickets';
import { riskInstants } from './risk-instants';

const T0 = Date.UTC(2026, 10, 24, 9, 0);
const MIN = 60_000;

describe('risk instants', () => {
  test('put a running clock at risk at 75% of its target and breached at 100%', () => {
    // P1: response 15 min on the 24×7 calendar.
    const ticket = makeTicket(1, { createdAt: T0 });
    const { riskAt, breachAt } = riskInstants(ticket.sla, true, getActivePolicy().calendars);
    expect(riskAt).toBe(T0 + 11.25 * MIN);
    expect(breachAt).toBe(T0 + 15 * MIN);
  });

  test('count business time only for a business-hours clock', () => {
    // P3 response: 2 business hours, so at risk after 90 minutes of open time, however many closed hours lie between.
    const ticket = makeTicket(1, { createdAt: T0, priority: 'P3' });
    const { riskAt } = riskInstants(ticket.sla, true, getActivePolicy().calendars);
    const calendar = getActivePolicy().calendars(ticket.sla.response.calendar);
    expect(calendar.businessTimeBetween(ticket.sla.response.since!, riskAt)).toBe(90 * MIN);
  });

  test('keep a recorded breach even after the clock stopped', () => {
    const ticket = makeTicket(1, { createdAt: T0 });
    const late = { ...ticket.sla.response, state: 'stopped' as const, dueAt: null, breachedAt: T0 + 16 * MIN };
    const paused = { ...ticket.sla.resolution, state: 'paused' as const, dueAt: null };
    expect(riskInstants({ response: late, resolution: paused }, true, getActivePolicy().calendars)).toEqual({ riskAt: T0 + 16 * MIN, breachAt: T0 + 16 * MIN });
  });

  test('leave closed tickets out of both views', () => {
    const ticket = makeTicket(1, { createdAt: T0 });
    expect(riskInstants(ticket.sla, false, getActivePolicy().calendars)).toEqual({ riskAt: NO_DUE, breachAt: NO_DUE });
  });
});
