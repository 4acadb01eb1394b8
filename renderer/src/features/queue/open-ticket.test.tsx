import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { OpenTicketEvent, TierdeskBridge } from '../../../../shared/ipc/contract';
import { AgentWorkspace } from '../../app/AgentWorkspace';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { GROUPS, L1, Providers, fakeLayout } from '../../test/workspace-harness';
import { useOpenTicket } from './use-open-ticket';

const NOW = Date.now();
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
  return <AgentWorkspace agent={L1} onSyncNow={() => {}} />;
}

beforeEach(async () => {
  fakeLayout(vi);
  db = new TierdeskDb(`open-ticket-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.tickets.bulkPut([
    makeTicket(1, { createdAt: NOW - 60_000 }),
    makeTicket(2, { createdAt: NOW - 60_000, assignee: 'agent-x', group: 'network-ops', tier: 'L2', title: 'Someone else’s ticket' }),
  ]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function show() {
  render(
    <Providers db={db} agent={L1}>
      <Screen />
    </Providers>,
  );
}

describe('opening a ticket from outside the window', () => {
  test('opens the ticket, even one outside my views', async () => {
    show();
    await waitFor(() => expect(document.querySelectorAll('[data-ticket]')).toHaveLength(1));
    act(() => fromShell!({ ticketNumber: 'INC-000002' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Someone else’s ticket' })).toBeInTheDocument();
    expect(document.querySelector('[data-detail]')).toHaveAttribute('data-detail', 'INC-000002');
  });

  test('says so when the ticket is not on this computer, and opens it once a sync brings it', async () => {
    show();
    await waitFor(() => expect(document.querySelectorAll('[data-ticket]')).toHaveLength(1));
    act(() => fromShell!({ ticketNumber: 'INC-000009' }));
    expect(await screen.findByText(/INC-000009 is not on this computer yet/)).toBeInTheDocument();
    await db.tickets.put(makeTicket(9, { createdAt: NOW, title: 'Arrived later' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Arrived later' })).toBeInTheDocument();
    expect(screen.queryByText(/INC-000009 is not on this computer yet/)).toBeNull();
  });
});
