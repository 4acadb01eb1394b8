import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import * as bridge from '../../bridge/bridge';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { useTrayCount } from './use-tray-count';

const l2: Agent = { id: 'agent-l2', email: 'l2@demo.test', name: 'Sam', role: 'l2_agent', tier: 'L2', groups: ['network-ops'] };
let db: TierdeskDb;
const setTrayCount = vi.fn(async () => undefined);

beforeEach(async () => {
  vi.spyOn(bridge, 'getBridge').mockReturnValue({ setTrayCount } as unknown as ReturnType<typeof bridge.getBridge>);
  db = new TierdeskDb(`tray-${Math.random()}`);
  const now = Date.now();
  await db.groups.bulkPut([
    { id: 'network-ops', name: 'Network Operations', tier: 'L2', categories: ['network'] },
    { id: 'service-desk', name: 'Service Desk', tier: 'L1', categories: ['network'] },
  ]);
  await db.tickets.bulkPut([
    // Mine, P1 created 14 min ago: response at 93% of 15 min.
    makeTicket(1, { createdAt: now - 14 * 60_000, assignee: 'agent-l2', group: 'network-ops', tier: 'L2' }),
    // Mine, fresh.
    makeTicket(2, { createdAt: now - 60_000, assignee: 'agent-l2', group: 'network-ops', tier: 'L2' }),
    // Waiting for acceptance in my group and tier, at risk.
    makeTicket(3, { createdAt: now - 13 * 60_000, assignee: null, status: 'pending_acceptance', group: 'network-ops', tier: 'L2' }),
    // At risk but someone else's, in another group.
    makeTicket(4, { createdAt: now - 14 * 60_000, assignee: 'agent-l1', group: 'service-desk' }),
  ]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

test('counts my at-risk tickets and the ones waiting for my acceptance, nobody else’s', async () => {
  renderHook(() => useTrayCount(db, l2));
  await waitFor(() => expect(setTrayCount).toHaveBeenLastCalledWith({ atRisk: 2 }));
});
