import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { readWorkloads, workloadText } from './workload';

const NOW = Date.UTC(2026, 10, 25, 12);
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`workload-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const owned = (n: number, assignee: string | null, instants: { riskAt: number; breachAt: number }, status: 'in_progress' | 'resolved' = 'in_progress') => ({
  ...makeTicket(n, { createdAt: NOW - 3_600_000, assignee, status }),
  ...instants,
});

describe('workload', () => {
  test("counts each agent's open tickets, and of them the breached and the at-risk (not breached) as of now", async () => {
    await db.tickets.bulkPut([
      owned(1, 'a', { riskAt: NOW - 2, breachAt: NOW - 1 }), // breached
      owned(2, 'a', { riskAt: NOW - 1, breachAt: NOW + 60_000 }), // at risk
      owned(3, 'a', { riskAt: NOW + 60_000, breachAt: NOW + 120_000 }), // fine
      owned(4, 'a', { riskAt: NOW - 2, breachAt: NOW - 1 }, 'resolved'), // closed: not on the plate
      owned(5, 'b', { riskAt: NOW + 1, breachAt: NOW + 2 }),
      owned(6, null, { riskAt: NOW - 2, breachAt: NOW - 1 }), // the queue's, nobody's
    ]);
    const loads = await readWorkloads(db, ['a', 'b', 'c'], NOW);
    expect(Object.fromEntries(loads)).toEqual({
      a: { open: 3, atRisk: 1, breached: 1 },
      b: { open: 1, atRisk: 0, breached: 0 },
      c: { open: 0, atRisk: 0, breached: 0 },
    });
    expect(workloadText(loads.get('a')!)).toBe('3 open · 1 at risk · 1 breached');
    expect(workloadText(loads.get('c')!)).toBe('0 open');
  });
});
