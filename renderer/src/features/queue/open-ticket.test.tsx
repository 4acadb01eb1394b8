import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { OpenTicketEvent, TierdeskBridge } from '../../../../shared/ipc/contract';
import type { Agent } from '../../../../shared/model/agent';
import { useAppStore } from '../../app/store';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { QueueView } from './QueueView';
import { useOpenTicket } from './use-open-ticket';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const me: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
let db: TierdeskDb;
let fromShell: ((event: OpenTicketEvent) => void) | undefined;

// The desktop bridge: main sends 'ticket:open' on a notification click or a tierdesk:// link.
window.tierdesk = {
  onOpenTicket: (listener: (event: OpenTicketEvent) => void) => {
    fromShell = listener;
    return () => (fromShell = undefined);
  },
} as unknown as TierdeskBridge;

function Screen() {
  useOpenTicket();
  return <QueueView db={db} agent={me} />;
}

beforeEach(async () => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  db = new TierdeskDb(`open-ticket-${Math.random()}`);
  await db.tickets.bulkPut([
    makeTicket(1, { createdAt: NOW - 60_000 }),
    makeTicket(2, { createdAt: NOW - 60_000, assignee: 'agent-x', group: 'network-ops', tier: 'L2' }),
  ]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const highlighted = () => [...document.querySelectorAll('[aria-current="true"]')].map((r) => r.getAttribute('data-ticket'));

describe('opening a ticket from outside the window', () => {
  test('switches the queue to All open and highlights the ticket', async () => {
    render(<Screen />);
    await waitFor(() => expect(document.querySelectorAll('[data-ticket]')).toHaveLength(1));
    act(() => fromShell!({ ticketNumber: 'INC-000002' }));
    await waitFor(() => expect(highlighted()).toEqual(['INC-000002']));
    expect(useAppStore.getState().queueView).toBe('all');
    expect(screen.getByRole('tab', { name: 'All open' })).toHaveAttribute('aria-selected', 'true');
  });

  test('says so when the ticket is not in the local open queue', async () => {
    render(<Screen />);
    await waitFor(() => expect(document.querySelectorAll('[data-ticket]')).toHaveLength(1));
    act(() => fromShell!({ ticketNumber: 'INC-009999' }));
    expect(await screen.findByRole('status')).toHaveTextContent('INC-009999 is not among the open tickets on this computer');
    expect(highlighted()).toEqual([]);
  });
});
