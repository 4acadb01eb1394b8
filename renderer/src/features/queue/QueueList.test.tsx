import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { tickerListenerCount } from '../../time/ticker';
import { makeTicket } from '../../test/tickets';
import { QueueList } from './QueueList';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
const RECT = { width: 1200, height: 560 };

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  // jsdom has no layout: give the scroll container the size a window would have.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(RECT.height);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(RECT.width);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

const responseOf = (ticketNumber: string) =>
  within(document.querySelector(`[data-ticket="${ticketNumber}"]`) as HTMLElement)
    .getAllByLabelText(/^Response:/)[0]!;

describe('QueueList', () => {
  test('shows live response and resolution countdowns that tick every second', () => {
    // P1 default targets: response 15 min, resolution 4 h.
    render(<QueueList tickets={[makeTicket(1, { createdAt: T0 })]} meId="agent-l1" label="My tickets" />);
    expect(responseOf('INC-000001')).toHaveTextContent('15m 00s left');
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('4h 00m left');
    advance(1000);
    expect(responseOf('INC-000001')).toHaveTextContent('14m 59s left');
    advance(59_000);
    expect(responseOf('INC-000001')).toHaveTextContent('14m 00s left');
  });

  test('colours a countdown at 50, 75 and 100% of its target', () => {
    render(<QueueList tickets={[makeTicket(1, { createdAt: T0 })]} meId="agent-l1" label="My tickets" />);
    const level = () => responseOf('INC-000001').getAttribute('data-level');
    expect(level()).toBe('0');
    advance(7.5 * 60_000);
    expect(level()).toBe('50');
    advance(3.75 * 60_000);
    expect(level()).toBe('75');
    advance(3.75 * 60_000);
    expect(level()).toBe('100');
    expect(responseOf('INC-000001')).toHaveTextContent('0s over');
    advance(65_000);
    expect(responseOf('INC-000001')).toHaveTextContent('1m 05s over');
  });

  test('mounts only the visible rows of a long queue and drives them from one shared timer', () => {
    const tickets = Array.from({ length: 2000 }, (_, i) => makeTicket(i + 1, { createdAt: T0 - i * 1000 }));
    render(<QueueList tickets={tickets} meId="agent-l1" label="All open" />);
    const rows = document.querySelectorAll('[data-ticket]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThanOrEqual(25);
    // Two countdowns per mounted row subscribe to the ticker; there is one timer in all.
    expect(tickerListenerCount()).toBe(rows.length * 2);
    expect(vi.getTimerCount()).toBe(1);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '2001');
  });

  test('shows a paused clock with its reason instead of a countdown', () => {
    const ticket = makeTicket(1, { createdAt: T0 });
    const paused = {
      ...ticket,
      sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, state: 'paused' as const, pauseReason: 'awaiting_customer', dueAt: null } },
    };
    render(<QueueList tickets={[paused]} meId="agent-l1" label="My tickets" />);
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('Paused · Awaiting customer');
  });

  test('marks VIP requesters', () => {
    const ticket = makeTicket(1, { createdAt: T0, requester: { name: 'Big Boss', email: 'boss@example.com', vip: true } });
    render(<QueueList tickets={[ticket]} meId="agent-l1" label="My tickets" />);
    expect(screen.getByLabelText('VIP requester')).toBeInTheDocument();
  });
});

describe('stopped clocks', () => {
  test('show only their outcome: met in neutral colour, breached in red', () => {
    const ticket = makeTicket(1, { createdAt: T0 - 14 * 60_000 });
    const met = { ...ticket.sla.response, state: 'stopped' as const, elapsedMs: 14 * 60_000, dueAt: null };
    const late = { ...ticket.sla.resolution, state: 'stopped' as const, elapsedMs: 5 * 3600_000, dueAt: null, breachedAt: T0 - 3600_000 };
    render(<QueueList tickets={[{ ...ticket, sla: { response: met, resolution: late } }]} meId="agent-l1" label="Mine" />);
    expect(screen.getByLabelText(/^Response:/)).toHaveTextContent('Met');
    expect(screen.getByLabelText(/^Response:/)).toHaveAttribute('data-level', '0');
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('Breached');
    expect(screen.getByLabelText(/^Resolution:/)).toHaveAttribute('data-level', '100');
  });
});
