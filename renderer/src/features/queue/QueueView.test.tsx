import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { QueueView } from './QueueView';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const me: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
let db: TierdeskDb;

beforeEach(async () => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  db = new TierdeskDb(`queue-view-${Math.random()}`);
  await db.tickets.bulkPut([
    // P3 created 40 h ago with nobody responding: its response clock breached long ago.
    makeTicket(1, { createdAt: NOW - 40 * 3600_000, priority: 'P3' }),
    makeTicket(2, { createdAt: NOW - 60_000 }),
    makeTicket(3, { createdAt: NOW - 10 * 60_000, assignee: 'agent-l1b' }),
    makeTicket(4, { createdAt: NOW - 5 * 60_000, group: 'network-ops', assignee: null, tier: 'L2' }),
    makeTicket(5, { createdAt: NOW - 20 * 60_000, status: 'resolved' }),
  ]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const rowNumbers = () => [...document.querySelectorAll('[data-ticket]')].map((r) => r.getAttribute('data-ticket'));

describe('QueueView', () => {
  test('lists my open tickets ordered by time to breach', async () => {
    render(<QueueView db={db} agent={me} />);
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001', 'INC-000002']));
    expect(screen.getByRole('heading')).toHaveTextContent('My tickets (2)');
  });

  test('switches to my groups and to all open tickets', async () => {
    const user = userEvent.setup();
    render(<QueueView db={db} agent={me} />);
    await waitFor(() => expect(rowNumbers()).toHaveLength(2));
    await user.click(screen.getByRole('tab', { name: 'My groups' }));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001', 'INC-000003', 'INC-000002']));
    await user.click(screen.getByRole('tab', { name: 'All open' }));
    await waitFor(() => expect(rowNumbers()).toEqual(['INC-000001', 'INC-000003', 'INC-000004', 'INC-000002']));
    expect(rowNumbers()).not.toContain('INC-000005');
  });

  test('tells the agent what to do when the view is empty', async () => {
    render(<QueueView db={db} agent={{ ...me, id: 'agent-nobody' }} />);
    expect(await screen.findByText(/Nothing assigned to you/)).toBeInTheDocument();
  });
});
