import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AlertSchedule } from '../../../../shared/alerts/alert-schedule';
import { DEFAULT_ALERT_SETTINGS } from '../../../../shared/alerts/alert-settings';
import type { TierdeskBridge } from '../../../../shared/ipc/contract';
import type { Agent } from '../../../../shared/model/agent';
import { TierdeskDb } from '../../db/db';
import { makeTicket, skipRequestAt } from '../../test/tickets';
import { useAlertSchedule } from './use-alert-schedule';
import { resetWatchList, setWatched } from './watch-list';

const NOW = Date.now();
const me: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
const sent: AlertSchedule[] = [];
let db: TierdeskDb;

// The desktop bridge as the preload would expose it; only the calls this hook makes matter.
window.tierdesk = {
  getAlertSettings: async () => DEFAULT_ALERT_SETTINGS,
  setAlertSchedule: async (schedule: AlertSchedule) => {
    sent.push(schedule);
  },
} as unknown as TierdeskBridge;

function Probe({ agent }: { agent: Agent }) {
  useAlertSchedule(db, agent);
  return null;
}

const last = () => sent.at(-1)!;
const tickets = () => [...new Set(last().crossings.map((c) => `${c.ticketNumber}:${c.reason}`))].sort();

beforeEach(async () => {
  sent.length = 0;
  localStorage.clear();
  resetWatchList();
  db = new TierdeskDb(`alerts-${Math.random()}`);
  await db.tickets.bulkPut([
    makeTicket(1, { createdAt: NOW - 60_000 }),
    makeTicket(2, { createdAt: NOW - 60_000, assignee: null, status: 'pending_acceptance' }),
    makeTicket(3, { createdAt: NOW - 60_000, assignee: 'agent-x' }),
    makeTicket(4, { createdAt: NOW - 60_000, assignee: 'agent-x', group: 'network-ops' }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('useAlertSchedule', () => {
  test('sends crossings for owned and pending-acceptance tickets, in server time with the clock offset', async () => {
    render(<Probe agent={me} />);
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    expect(tickets()).toEqual(['INC-000001:owned', 'INC-000002:pending_acceptance']);
    expect(last().version).toBe(1);
    expect(Math.abs(last().clockOffsetMs)).toBeLessThan(5);
    expect(new Set(last().crossings.map((c) => c.threshold))).toEqual(new Set([75, 90, 100]));
  });

  test('resends when a ticket changes and when the agent watches another one', async () => {
    render(<Probe agent={me} />);
    await waitFor(() => expect(tickets()).toHaveLength(2));
    await act(async () => {
      await db.tickets.update('t-3', { assignee: 'agent-l1' });
    });
    await waitFor(() => expect(tickets()).toContain('INC-000003:owned'));
    act(() => setWatched('t-4', true));
    await waitFor(() => expect(tickets()).toContain('INC-000004:watched'));
    act(() => setWatched('t-4', false));
    await waitFor(() => expect(tickets()).not.toContain('INC-000004:watched'));
  });

  test("a lead is alerted on tickets whose tier skip waits for their approval; an agent who cannot approve is not", async () => {
    const lead: Agent = { id: 'agent-lead', email: 'lead@demo.test', name: 'Dana', role: 'lead', tier: 'L1', groups: ['service-desk'] };
    await db.groups.bulkPut([{ id: 'service-desk', name: 'Service desk', tier: 'L1', categories: [] }]);
    await db.tickets.put(makeTicket(3, { createdAt: NOW - 60_000, assignee: 'agent-x', skipRequest: skipRequestAt(NOW) }));
    const { unmount } = render(<Probe agent={lead} />);
    await waitFor(() => expect(tickets()).toContain('INC-000003:skip_approval'));
    unmount();
    sent.length = 0;
    render(<Probe agent={me} />);
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    expect(tickets()).not.toContain('INC-000003:skip_approval');
  });

  test('a resolved ticket drops out of the schedule', async () => {
    render(<Probe agent={me} />);
    await waitFor(() => expect(tickets()).toContain('INC-000001:owned'));
    await act(async () => {
      await db.tickets.update('t-1', { open: 0, status: 'resolved' });
    });
    await waitFor(() => expect(tickets()).not.toContain('INC-000001:owned'));
  });
});
