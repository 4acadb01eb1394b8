import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { tickerListenerCount } from '../../time/ticker';
import { makeTicket, skipRequestAt } from '../../test/tickets';
import { FAKE_TIMERS, GROUPS, L1, Providers, fakeLayout } from '../../test/workspace-harness';
import { QueueList } from './QueueList';

const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
let db: TierdeskDb;

beforeEach(() => {
  vi.useFakeTimers({ now: T0, ...FAKE_TIMERS });
  fakeLayout(vi, 560, 1200);
  db = new TierdeskDb(`queue-list-${Math.random()}`);
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

/** Rows given as the list's head (as on first paint, before the full id list is read): no IndexedDB round trip under fake timers. */
function show(tickets: TicketRecord[], label = 'My work') {
  render(
    <Providers db={db} agent={L1}>
      <QueueList ids={undefined} head={tickets} meId={L1.id} label={label} agents={new Map()} groups={GROUPS} selectedId={null} onOpen={() => {}} />
    </Providers>,
  );
}

const responseOf = (ticketNumber: string) => within(document.querySelector(`[data-ticket="${ticketNumber}"]`) as HTMLElement).getAllByLabelText(/^Response:/)[0]!;

describe('QueueList', () => {
  test('shows live response and resolution countdowns that tick every second', () => {
    // P1 default targets: response 15 min, resolution 4 h.
    show([makeTicket(1, { createdAt: T0 })]);
    expect(responseOf('INC-000001')).toHaveTextContent('15m 00s left');
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('4h 00m left');
    advance(1000);
    expect(responseOf('INC-000001')).toHaveTextContent('14m 59s left');
    advance(59_000);
    expect(responseOf('INC-000001')).toHaveTextContent('14m 00s left');
  });

  test('colours a countdown at 50, 75 and 100% of its target', () => {
    show([makeTicket(1, { createdAt: T0 })]);
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

  test('puts the calendar time to the deadline in the countdown tooltip', () => {
    show([makeTicket(1, { createdAt: T0 })]);
    expect(responseOf('INC-000001').getAttribute('title')).toMatch(/0% of target elapsed, counted in calendar time \(24×7\); due .*, in 15m 00s of calendar time/);
  });

  test('mounts only the visible rows of a long queue and drives them from one shared timer', () => {
    const tickets = Array.from({ length: 2000 }, (_, i) => makeTicket(i + 1, { createdAt: T0 - i * 1000 }));
    show(tickets, 'All open');
    const rows = document.querySelectorAll('[data-ticket]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThanOrEqual(25);
    // Two countdowns per mounted row subscribe to the ticker; timers do not grow with rows:
    // the ticker's one, plus the one Dexie's live query (the row window) keeps.
    expect(tickerListenerCount()).toBe(rows.length * 2);
    expect(vi.getTimerCount()).toBe(2);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '2001');
  });

  test('outside business hours says when a running clock counts again, and stops saying it once it does', () => {
    // T0 is 04:00 in New York, a Tuesday: the demo policy's business calendar opens at 08:00 there (13:00 UTC).
    show([makeTicket(1, { createdAt: T0, priority: 'P3', impact: 'medium', urgency: 'medium' })]);
    const opensAt = Date.UTC(2026, 10, 24, 13, 0, 0);
    const at = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(opensAt);
    const row = document.querySelector('[data-ticket="INC-000001"]') as HTMLElement;
    expect(responseOf('INC-000001')).toHaveTextContent(/^2h 00m left$/);
    expect(row).toHaveTextContent(`resumes ${at}`);
    expect(responseOf('INC-000001')).toHaveAccessibleName(`Response: 2h 00m left, resumes ${at}, 0% elapsed`);
    expect(responseOf('INC-000001').getAttribute('title')).toMatch(/not counting now \(outside the calendar's hours\), counts again/);
    advance(opensAt - T0 + 60_000);
    expect(responseOf('INC-000001')).toHaveTextContent('1h 59m left');
    expect(row).not.toHaveTextContent(/resumes/);
  });

  test('a 24×7 clock never says it resumes', () => {
    show([makeTicket(1, { createdAt: T0 })]);
    expect(document.querySelector('[data-ticket="INC-000001"]')).not.toHaveTextContent(/resumes/);
    expect(responseOf('INC-000001').getAttribute('data-resumes-at')).toBeNull();
  });

  test('shows a paused clock with its reason instead of a countdown', () => {
    const ticket = makeTicket(1, { createdAt: T0 });
    const paused = { ...ticket, sla: { ...ticket.sla, resolution: { ...ticket.sla.resolution, state: 'paused' as const, pauseReason: 'awaiting_customer', dueAt: null } } };
    show([paused]);
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('Paused · Awaiting customer');
  });

  test('says when a tier skip waits for a lead, to which tier, and who asked', () => {
    show([makeTicket(1, { createdAt: T0 - 60_000, assignee: L1.id, skipRequest: skipRequestAt(T0) }), makeTicket(2, { createdAt: T0 })]);
    const marker = within(document.querySelector('[data-ticket="INC-000001"]') as HTMLElement).getByText('Skip to L3 waits for a lead');
    expect(marker.title).toMatch(/^you asked on .+: Needs a firmware patch$/i);
    expect(within(document.querySelector('[data-ticket="INC-000002"]') as HTMLElement).queryByText(/Skip to/)).toBeNull();
  });

  test('marks VIP requesters', () => {
    show([makeTicket(1, { createdAt: T0, requester: { name: 'Big Boss', email: 'boss@example.com', vip: true } })]);
    expect(screen.getByLabelText('VIP requester')).toBeInTheDocument();
  });
});

describe('stopped clocks', () => {
  test('show only their outcome: met in neutral colour, breached in red', () => {
    const ticket = makeTicket(1, { createdAt: T0 - 14 * 60_000 });
    const met = { ...ticket.sla.response, state: 'stopped' as const, elapsedMs: 14 * 60_000, dueAt: null };
    const late = { ...ticket.sla.resolution, state: 'stopped' as const, elapsedMs: 5 * 3600_000, dueAt: null, breachedAt: T0 - 3600_000 };
    show([{ ...ticket, sla: { response: met, resolution: late } }]);
    expect(screen.getByLabelText(/^Response:/)).toHaveTextContent('Met');
    expect(screen.getByLabelText(/^Response:/)).toHaveAttribute('data-level', '0');
    expect(screen.getByLabelText(/^Resolution:/)).toHaveTextContent('Breached');
    expect(screen.getByLabelText(/^Resolution:/)).toHaveAttribute('data-level', '100');
  });
});
