import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Agent } from '../../../shared/model/agent';
import { TierdeskDb } from '../db/db';
import { makeTicket } from '../test/tickets';
import { claimDatabase, UnsyncedWorkOfAnotherAgent } from './claim-database';

const ALEX: Agent = { id: 'agent-l1', email: 'l1.agent@demo.test', name: 'Alex Rivera', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] };
const VERA: Agent = { id: 'agent-vendor', email: 'vendor.liaison@demo.test', name: 'Vera Vendor', role: 'vendor_liaison', tier: 'L4', groups: ['vendor-management'] };
const API = 'http://127.0.0.1:4317';
let db: TierdeskDb;

const note = { id: 1, name: 'addWorkNote' as const, args: { ticketId: 't-1', noteId: 'n', body: 'Offline note written by Alex', visibility: 'internal' }, clientTime: 1, ticketId: 't-1', queuedAt: 1 };

beforeEach(async () => {
  db = new TierdeskDb(`claim-${Math.random()}`);
  await db.tickets.put(makeTicket(1, { createdAt: Date.now() }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('one local database per agent and server', () => {
  test('the same agent signing in again keeps their desk and their unsynced work', async () => {
    await claimDatabase(db, ALEX, API);
    await db.tickets.put(makeTicket(2, { createdAt: Date.now() }));
    await db.outbox.put(note);
    await claimDatabase(db, ALEX, API);
    expect(await db.tickets.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  test('another agent starts from an empty database: nothing of the previous desk is shown', async () => {
    await claimDatabase(db, ALEX, API);
    await db.tickets.put(makeTicket(2, { createdAt: Date.now() }));
    await db.syncState.put({ key: 'pull', cursor: '900', lastSyncedAt: 1, serverOffsetMs: 0 });
    await claimDatabase(db, VERA, API);
    expect(await db.tickets.count()).toBe(0);
    expect(await db.syncState.get('pull')).toBeUndefined();
    expect(await db.syncState.get('owner')).toMatchObject({ agentId: VERA.id });
  });

  test('another agent is refused while the previous one has unsynced work, and nothing changes', async () => {
    await claimDatabase(db, ALEX, API);
    await db.tickets.put(makeTicket(2, { createdAt: Date.now() }));
    await db.outbox.put(note);
    const error = await claimDatabase(db, VERA, API).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsyncedWorkOfAnotherAgent);
    expect((error as Error).message).toMatch(/1 unsynced change of Alex Rivera \(l1\.agent@demo\.test\)/);
    expect(await db.outbox.toArray()).toEqual([note]);
    expect(await db.tickets.count()).toBe(1);
    expect(await db.syncState.get('owner')).toMatchObject({ agentId: ALEX.id });
  });

  test('the same agent against another server starts empty too', async () => {
    await claimDatabase(db, ALEX, API);
    await db.tickets.put(makeTicket(2, { createdAt: Date.now() }));
    await claimDatabase(db, ALEX, 'https://desk.example.com');
    expect(await db.tickets.count()).toBe(0);
  });

  test('a database from before owners were recorded keeps its unsynced work for whoever signs in', async () => {
    await db.outbox.put(note);
    await claimDatabase(db, ALEX, API);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.syncState.get('owner')).toMatchObject({ agentId: ALEX.id });
  });
});
