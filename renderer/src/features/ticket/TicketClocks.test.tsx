import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { StoredEvent } from '../../../../shared/model/stored-event';
import type { TicketEvent } from '../../../../shared/model/ticket-event';
import { clocksOf } from '../../../../shared/mutations/recompute';
import { agent, created } from '../../../../shared/testing/ticket-events';
import { getActivePolicy } from '../../app/policy';
import { makeTicket } from '../../test/tickets';
import { FAKE_TIMERS } from '../../test/workspace-harness';
import { TicketClocks } from './TicketClocks';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const MIN = 60_000;

const log = (events: TicketEvent[]): StoredEvent[] => events.map((event, i) => ({ id: `e${i}`, ticketId: 't-1', seq: i + 1, event }));

// P1 on the 24×7 calendar: response 15 min, resolution 4 h. Paused 30 min for the customer, then resumed.
const EVENTS = log([
  created(T0, { priority: 'P1', severity: 'S2', category: 'network', channel: 'phone', ticketId: 't-1' }),
  { type: 'paused', at: T0 + 10 * MIN, ...agent, clock: 'resolution', reason: 'awaiting_customer' },
  { type: 'resumed', at: T0 + 40 * MIN, ...agent, clock: 'resolution' },
]);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 + 60 * MIN, ...FAKE_TIMERS });
});
afterEach(() => {
  vi.useRealTimers();
});

function show() {
  const sla = clocksOf(EVENTS, getActivePolicy().policy, T0 + 60 * MIN).sla!;
  render(<TicketClocks ticket={{ ...makeTicket(1, { createdAt: T0 }), sla }} events={EVENTS} />);
}

const why = (kind: string) => document.querySelector(`[data-why="${kind}"]`) as HTMLElement;

describe('ticket clocks', () => {
  test('count down the resolution clock without the paused time, and show the breached response clock', () => {
    show();
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('3h 30m left');
    expect(screen.getByLabelText(/^Response:/)).toHaveTextContent('45m 00s over');
  });

  test('explain the pause with its reason and who, and what it left out of the count', () => {
    show();
    expect(why('resolution')).toHaveTextContent(/paused by agent-l1 \(l1_agent\) — Awaiting customer; resumed .*; 30m of open time not counted/);
    expect(why('resolution')).toHaveTextContent(/running, 30m of 4h used \(13%\), 3h30m left/);
    expect(why('response')).toHaveTextContent(/target breached/);
    expect(why('response')).toHaveTextContent(/reached 50% of the target → alert senior IT management/);
  });

  test('keep the countdown and the explanation moving together as time passes', () => {
    show();
    act(() => {
      vi.advanceTimersByTime(30 * MIN);
    });
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('3h 00m left');
    expect(why('resolution')).toHaveTextContent(/running, 1h of 4h used \(25%\), 3h left/);
  });
});
