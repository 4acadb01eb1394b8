import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import { TierdeskDb } from '../../db/db';
import { AuditTrail } from './AuditTrail';

const db = new TierdeskDb(`audit-${Math.random()}`);
afterEach(async () => db.audit.clear());

test('lists the ticket’s audit entries newest first with who, why and the chain hash', async () => {
  const hash = (c: string) => c.repeat(64);
  await db.audit.bulkPut([
    { seq: 3, at: Date.UTC(2026, 10, 24, 15), actorId: 'agent-l1', action: 'ticket.escalated_functional', ticketId: 't-1', reason: 'Troubleshooting exhausted: needs logs', hash: hash('a') },
    { seq: 1, at: Date.UTC(2026, 10, 24, 14), actorId: 'agent-l1', action: 'ticket.created', ticketId: 't-1', reason: null, hash: hash('b') },
    { seq: 2, at: Date.UTC(2026, 10, 24, 14), actorId: 'agent-l1', action: 'ticket.created', ticketId: 't-2', reason: null, hash: hash('c') },
  ]);
  const agents = new Map<string, Agent>([['agent-l1', { id: 'agent-l1', email: 'a@demo.test', name: 'Alex Rivera', role: 'l1_agent', tier: 'L1', groups: [] }]]);
  render(<AuditTrail db={db} ticketId="t-1" agents={agents} />);
  await userEvent.click(await screen.findByText('Audit trail (2)'));
  const items = screen.getAllByRole('listitem');
  expect(items.map((li) => li.getAttribute('data-audit'))).toEqual(['ticket.escalated_functional', 'ticket.created']);
  expect(items[0]).toHaveTextContent('Alex Rivera escalated to another tier: Troubleshooting exhausted: needs logs');
  expect(items[0]).toHaveTextContent('#3 aaaaaaaa');
});

test('entries the server made itself (escalation steps, automatic close) read as Tierdesk, in words', async () => {
  const hash = (c: string) => c.repeat(64);
  await db.audit.bulkPut([
    { seq: 7, at: Date.UTC(2026, 10, 26, 15), actorId: null, action: 'ticket.closed', ticketId: 't-3', reason: null, hash: hash('d') },
    { seq: 5, at: Date.UTC(2026, 10, 24, 15), actorId: null, action: 'escalation.fired', ticketId: 't-3', reason: null, hash: hash('e') },
  ]);
  render(<AuditTrail db={db} ticketId="t-3" agents={new Map()} />);
  await userEvent.click(await screen.findByText('Audit trail (2)'));
  const items = screen.getAllByRole('listitem');
  expect(items[0]).toHaveTextContent('Tierdesk closed the ticket (resolved and not reopened in time)');
  expect(items[1]).toHaveTextContent('Tierdesk carried out escalation steps');
});
