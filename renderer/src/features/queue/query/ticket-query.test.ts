import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TierdeskDb } from '../../../db/db';
import { makeTicket, skipRequestAt } from '../../../test/tickets';
import { GROUPS, L1, L2 } from '../../../test/workspace-harness';
import { NO_FILTERS } from './filter-ids';
import { runTicketQuery, type TicketQuery } from './ticket-query';
import { viewCounts } from './view-counts';
import type { Agent } from '../../../../../shared/model/agent';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const MIN = 60_000;
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`query-${Math.random()}`);
  // P1, 24×7: response 15 min. Ticket 1 is 12 min in (at risk), 2 is 20 min in (breached), 3 is fresh.
  await db.tickets.bulkPut([
    makeTicket(1, { createdAt: NOW - 12 * MIN }),
    makeTicket(2, { createdAt: NOW - 20 * MIN }),
    makeTicket(3, { createdAt: NOW - MIN }),
    makeTicket(4, { createdAt: NOW - MIN, group: 'network-ops', tier: 'L2', assignee: null, status: 'pending_acceptance' }),
    makeTicket(5, { createdAt: NOW - 30 * MIN, group: 'network-ops', tier: 'L2', assignee: 'agent-l2' }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const ctx = (agent: Agent, nowMs = NOW) => ({ agent, groups: GROUPS, nowMs, forecastRisk: new Set<string>() });
const numbers = async (query: Partial<TicketQuery>, agent: Agent = L1, nowMs = NOW) => {
  const ids = await runTicketQuery(db, { view: 'all', sort: 'due', filters: NO_FILTERS, ...query }, ctx(agent, nowMs));
  return (await db.tickets.bulkGet(ids)).map((t) => t!.number);
};

describe('queue queries', () => {
  test('put at-risk and breached tickets of my groups in their views, as of the given time', async () => {
    expect(await numbers({ view: 'breached' })).toEqual(['INC-000002']);
    expect(await numbers({ view: 'risk' })).toEqual(['INC-000001']);
    // Four minutes later ticket 1 has breached too.
    expect(await numbers({ view: 'breached' }, L1, NOW + 4 * MIN)).toEqual(['INC-000002', 'INC-000001']);
    // Ticket 5 breached in another group: not in L1's views, in L2's.
    expect(await numbers({ view: 'breached' }, L2)).toEqual(['INC-000005']);
  });

  test('show tickets waiting in my tier under Pending my acceptance, and only there', async () => {
    expect(await numbers({ view: 'pending' }, L2)).toEqual(['INC-000004']);
    expect(await numbers({ view: 'pending' }, L1)).toEqual([]);
  });

  test('list tickets whose tier skip waits for a lead under Skip approvals, per group, and count them', async () => {
    await db.tickets.put(makeTicket(6, { createdAt: NOW - MIN, skipRequest: skipRequestAt(NOW) }));
    expect(await numbers({ view: 'approvals' })).toEqual(['INC-000006']);
    expect(await numbers({ view: 'approvals' }, L2)).toEqual([]);
    expect((await viewCounts(db, ctx(L1))).approvals).toBe(1);
  });

  test('see a new ticket after a write although the id lists are cached', async () => {
    expect(await numbers({ view: 'all' })).toHaveLength(5);
    await db.tickets.put(makeTicket(6, { createdAt: NOW - 40 * MIN, title: 'Newest arrival' }));
    expect((await numbers({ view: 'all' }))[0]).toBe('INC-000006');
    expect(await numbers({ view: 'all', filters: { ...NO_FILTERS, text: 'arriv' } })).toEqual(['INC-000006']);
  });

  test('drop a deleted ticket and move an edited one although the id lists are cached', async () => {
    expect(await numbers({ view: 'all' })).toEqual(['INC-000005', 'INC-000002', 'INC-000001', 'INC-000003', 'INC-000004']);
    await db.tickets.delete('t-2');
    await db.tickets.update('t-3', { nextDueAt: 0 });
    expect(await numbers({ view: 'all' })).toEqual(['INC-000003', 'INC-000005', 'INC-000001', 'INC-000004']);
  });

  test('count every view from the indexes', async () => {
    const counts = await viewCounts(db, ctx(L1));
    expect(counts).toMatchObject({ mine: 3, risk: 1, breached: 1, pending: 0, paused: 0, all: 5, 'group:service-desk': 3, 'tier:L2': 2 });
    expect((await viewCounts(db, ctx(L2))).pending).toBe(1);
  });
});
