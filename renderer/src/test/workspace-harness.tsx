import type { ReactNode } from 'react';
import type { vi as viType } from 'vitest';
import type { Agent } from '../../../shared/model/agent';
import type { ArgsInput } from '../../../shared/mutations/mutations';
import { DbProvider } from '../app/db-context';
import { TierdeskDb } from '../db/db';
import { ActionsProvider, type Actions } from '../features/actions/actions-context';
import { mutate } from '../sync/mutate';

export const L1: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex Rivera', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
export const L2: Agent = { id: 'agent-l2', email: 'l2.engineer@demo.test', name: 'Sam Okafor', role: 'l2_agent', tier: 'L2', groups: ['network-ops'] };
export const LEAD: Agent = { id: 'agent-lead', email: 'lead@demo.test', name: 'Jordan Blake', role: 'lead', tier: 'L1', groups: ['service-desk'] };
export const GROUPS = [
  { id: 'service-desk', name: 'Service Desk', tier: 'L1' as const, categories: ['access', 'email', 'hardware', 'software', 'network'] },
  { id: 'network-ops', name: 'Network Operations', tier: 'L2' as const, categories: ['network'] },
  { id: 'platform-engineering', name: 'Platform Engineering', tier: 'L3' as const, categories: ['network', 'payments'] },
];

/**
 * Timers faked for countdowns and debounces, but not setImmediate:
 * fake-indexeddb schedules its work with it, and IndexedDB must keep running.
 */
export const FAKE_TIMERS: { toFake: Array<'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'Date'> } = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
};

/** The real local mutate (validation, shared rules, outbox) on the test database, as the app's engine would run it minus the push. */
export function localActions(db: TierdeskDb, agent: Agent): Actions {
  return { agent, mutate: (name, args) => mutate(db, agent, name, args) };
}

export function Providers({ db, agent, children }: { db: TierdeskDb; agent: Agent; children: ReactNode }) {
  return (
    <DbProvider db={db}>
      <ActionsProvider actions={localActions(db, agent)}>{children}</ActionsProvider>
    </DbProvider>
  );
}

/** Makes `jsdom` report a window-sized scroll container (it has no layout). */
export function fakeLayout(vi: { spyOn: typeof viType.spyOn }, height = 800, width = 1200): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
}

type NewTicket = Omit<ArgsInput<'createTicket'>, 'requester'> & Partial<Pick<ArgsInput<'createTicket'>, 'requester'>>;

/** A fresh local database with the demo groups, `agents`, and one ticket L1 logged and took (the same mutations the app records). */
export async function deskWithOwnedTicket(name: string, agents: readonly Agent[], ticket: NewTicket): Promise<TierdeskDb> {
  const db = new TierdeskDb(`${name}-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await db.agents.bulkPut([...agents]);
  await mutate(db, L1, 'createTicket', { requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false }, ...ticket });
  await mutate(db, L1, 'acceptTicket', { ticketId: ticket.ticketId });
  return db;
}
