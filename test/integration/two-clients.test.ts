import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { freePort } from '../e2e/support';
import { readLog } from '../../renderer/src/db/ticket-log';
import { pullAll } from '../../renderer/src/sync/puller';
import { SyncClient } from './sync-client';

let api: ApiProcess;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-two-'));
  api = await startApiProcess({ port: await freePort(), dataDir, env: { TIERDESK_SEED_TICKETS: '20' } });
});
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

let seq = 0;
async function sharedTicket(a: SyncClient, b: SyncClient): Promise<string> {
  const ticketId = `two-${++seq}-${Date.now()}`;
  await a.sync();
  await a.mutate('createTicket', {
    ticketId,
    title: 'Monitor flickers',
    description: 'The external monitor flickers every few seconds.',
    requester: { name: 'Ben Brandt', email: 'ben.brandt@example.com', vip: false },
    category: 'hardware',
    service: 'Monitors',
    impact: 'medium',
    urgency: 'medium',
    severity: 'S3',
    channel: 'phone',
  });
  await a.mutate('acceptTicket', { ticketId });
  await a.sync();
  await b.sync();
  return ticketId;
}

const handoff = (nextTierNeeds: string) => ({
  steps: [{ action: 'Swapped the display cable and the port', outcome: 'Flicker continues on every port' }],
  businessImpact: 'Ben cannot read his spreadsheets for more than a minute',
  workaround: 'none',
  involved: ['Alex Rivera (service desk)'],
  nextTierNeeds,
  kbArticlesChecked: ['kb-hardware-1'],
  category: 'hardware',
  priority: 'P3' as const,
});

describe('two clients against one server', () => {
  test('notes written offline on both sides all arrive, once each, on both', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'dana.fox@demo.test');
    const ticketId = await sharedTicket(a, b);
    for (const text of ['A: checked cable', 'A: checked driver', 'A: called Ben']) {
      await a.mutate('addWorkNote', { ticketId, noteId: crypto.randomUUID(), body: text, visibility: 'internal' });
    }
    await b.mutate('addWorkNote', { ticketId, noteId: crypto.randomUUID(), body: 'B: spare monitor ready', visibility: 'internal' });
    expect(await a.notes(ticketId)).toHaveLength(3);
    await a.sync();
    await b.sync();
    await a.sync();
    const expected = ['A: called Ben', 'A: checked cable', 'A: checked driver', 'B: spare monitor ready'];
    expect((await a.notes(ticketId)).sort()).toEqual(expected);
    expect((await b.notes(ticketId)).sort()).toEqual(expected);
    expect(await a.db.outbox.count()).toBe(0);
  });

  test('edits of different fields merge; the same field collides and the loser keeps its text in Needs attention', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(a, b);
    const base = (await a.ticket(ticketId))!.version;
    await a.mutate('updateFields', { ticketId, baseVersion: base, fields: { title: 'Monitor flickers on the dock' } });
    await b.mutate('updateFields', { ticketId, baseVersion: base, fields: { service: 'Docking stations' } });
    await b.mutate('updateFields', { ticketId, baseVersion: base, fields: { title: 'Flicker: bad cable?' } });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const client of [a, b]) {
      expect(await client.ticket(ticketId)).toMatchObject({ title: 'Monitor flickers on the dock', service: 'Docking stations', pending: 0 });
    }
    const attention = await b.db.needsAttention.toArray();
    expect(attention).toHaveLength(1);
    expect(attention[0]).toMatchObject({ name: 'updateFields', code: 'conflict', field: 'fields.title' });
    expect(attention[0]!.args).toMatchObject({ fields: { title: 'Flicker: bad cable?' } });
  });

  test('a pending change is rebased on what the server says meanwhile', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(a, b);
    await a.mutate('addWorkNote', { ticketId, noteId: crypto.randomUUID(), body: 'A: not yet sent', visibility: 'internal' });
    await b.mutate('updateFields', { ticketId, baseVersion: (await b.ticket(ticketId))!.version, fields: { urgency: 'high' } });
    await b.sync();
    // A pulls without pushing: server state (B's edit) plus A's pending note.
    const { pullAll } = await import('../../renderer/src/sync/puller');
    await pullAll(a.api, a.db, a.agent);
    const view = (await a.ticket(ticketId))!;
    expect(view).toMatchObject({ urgency: 'high', priority: 'P2', pending: 1 });
    expect(await a.notes(ticketId)).toContain('A: not yet sent');
    expect(await a.db.serverTickets.get(ticketId)).toMatchObject({ urgency: 'high' });
  });

  test('when both escalate the same ticket, the second handoff is refused and kept word for word', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(a, b);
    await a.mutate('escalateFunctional', { ticketId, toTier: 'L2', handoffNote: handoff('A diagnosis of the monitor and the dock firmware') });
    const leadNote = handoff('Replace the monitor under warranty and check the dock');
    await b.mutate('escalateFunctional', { ticketId, toTier: 'L2', handoffNote: leadNote });
    await a.sync();
    await b.sync();
    expect(await b.ticket(ticketId)).toMatchObject({ tier: 'L2', status: 'pending_acceptance' });
    const [refused] = await b.db.needsAttention.toArray();
    expect(refused).toMatchObject({ name: 'escalateFunctional', code: 'conflict' });
    expect(refused!.args).toEqual(expect.objectContaining({ handoffNote: leadNote }));
    // The requester heard about the (one) handoff, through the default file transport.
    const number = (await a.ticket(ticketId))!.number;
    await expect
      .poll(() => {
        const file = path.join(dataDir, 'requester-mail.jsonl');
        return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.includes(`${number} escalated`)).length : 0;
      })
      .toBe(1);
  });

  test('a tier skip L1 asks for waits on the ticket for a lead; approved, it reaches L3 with L1\'s note', async () => {
    const l1 = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const lead = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(l1, lead);
    const note = handoff('Replace the panel: the flicker is a hardware fault engineering confirmed last week');
    await l1.mutate('requestTierSkip', { ticketId, toTier: 'L3', handoffNote: note, skipReason: 'Same fault as the whole batch; engineering handles these' });
    await l1.sync();
    await lead.sync();
    const waiting = (await lead.ticket(ticketId))!;
    expect(waiting).toMatchObject({ tier: 'L1', assignee: 'agent-l1', skipRequest: { toTier: 'L3', by: 'agent-l1', note } });
    // The lead's Skip approvals view finds it through the index, and the lead was written to (default file transport).
    expect(await lead.db.tickets.where('keys').equals('#sk:service-desk').primaryKeys()).toContain(ticketId);
    const mail = path.join(dataDir, 'requester-mail.jsonl');
    await expect
      .poll(() =>
        (existsSync(mail) ? readFileSync(mail, 'utf8').split('\n') : [])
          .filter((l) => l.includes(`[${waiting.number}] Alex Rivera asks to skip L1 → L3`))
          .map((l) => (JSON.parse(l) as { to: string }).to)
          .sort(),
      )
      .toEqual(['lead@demo.test', 'manager@demo.test']);

    await lead.mutate('decideTierSkip', { ticketId, decision: 'approve', reason: 'Known batch fault, engineering owns the fix' });
    await lead.sync();
    const l3 = await SyncClient.signIn(api.url, 'l3.engineer@demo.test');
    await l3.sync();
    expect(await l3.ticket(ticketId)).toMatchObject({ tier: 'L3', status: 'pending_acceptance', assignee: null, skipRequest: null });
    const log = (await readLog(l3.db, ticketId)).map((e) => e.event);
    expect(log.find((e) => e.type === 'handoff_note')).toMatchObject({ by: 'agent-l1', note, skipReason: 'Same fault as the whole batch; engineering handles these' });
    expect(log.find((e) => e.type === 'escalated')).toMatchObject({ by: 'agent-lead', approval: { by: 'agent-lead', reason: 'Known batch fault, engineering owns the fix' } });
    await l1.sync();
    expect(await l1.db.tickets.where('keys').equals('#sk:service-desk').count()).toBe(0);
  });

  test('a lead gives a ticket to another agent: it lands in their My work, the owner keeps working offline meanwhile, nothing is lost', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'dana.fox@demo.test');
    const lead = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(a, b);
    await lead.sync();
    // A is offline and writes a note; the lead reassigns meanwhile.
    await a.mutate('addWorkNote', { ticketId, noteId: crypto.randomUUID(), body: 'A: ordered a new cable', visibility: 'internal' });
    await lead.mutate('assignTicket', { ticketId, assignee: b.agent.id, reason: 'Alex goes on site visits this afternoon' });
    await lead.sync();
    await a.sync();
    // B's pull says the ticket was given to B, by whom and why (what the app shows); A's does not.
    const pulled = await pullAll(b.api, b.db, b.agent);
    // (and that A wrote a note on what is now B's ticket).
    expect(pulled.news).toEqual([
      { kind: 'given', ticketId, by: lead.agent.id, reason: 'Alex goes on site visits this afternoon', at: expect.any(Number) },
      { kind: 'noted', ticketId, by: a.agent.id, reason: 'A: ordered a new cable', at: expect.any(Number) },
    ]);
    expect((await pullAll(a.api, a.db, a.agent)).news).toEqual([]);
    // A new computer's bootstrap brings that entry as history, not as news.
    const fresh = await SyncClient.signIn(api.url, 'dana.fox@demo.test');
    expect((await pullAll(fresh.api, fresh.db, fresh.agent)).news).toEqual([]);
    expect((await fresh.ticket(ticketId))!.assignee).toBe(b.agent.id);
    expect(await b.ticket(ticketId)).toMatchObject({ assignee: b.agent.id, status: 'assigned' });
    const mine = await b.db.tickets.where('[open+assignee+nextDueAt]').between([1, b.agent.id, -Infinity], [1, b.agent.id, Infinity]).primaryKeys();
    expect(mine).toContain(ticketId);
    expect(await a.notes(ticketId)).toContain('A: ordered a new cable');
    expect(await b.notes(ticketId)).toContain('A: ordered a new cable');
    const change = (await readLog(a.db, ticketId)).find((e) => e.event.type === 'owner_changed')!;
    expect(change.event).toMatchObject({ by: lead.agent.id, from: a.agent.id, to: b.agent.id, reason: 'Alex goes on site visits this afternoon' });
    expect(await a.db.needsAttention.count()).toBe(0);
    // The old owner can no longer release it: refused at once, before anything is queued.
    await expect(a.mutate('assignTicket', { ticketId, assignee: null, reason: 'Releasing it' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await a.db.outbox.count()).toBe(0);
  });

  test('a lead dispatches a ticket waiting for L2: L2 engineers are told it came, the chosen one owns it, and the acceptance is theirs', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const lead = await SyncClient.signIn(api.url, 'lead@demo.test');
    const sam = await SyncClient.signIn(api.url, 'l2.engineer@demo.test');
    const ines = await SyncClient.signIn(api.url, 'ines.duarte@demo.test');
    const ticketId = await sharedTicket(a, lead);
    await sam.sync();
    await ines.sync();
    await a.mutate('escalateFunctional', { ticketId, toTier: 'L2', handoffNote: handoff('Check the docking station firmware for this monitor model') });
    await a.sync();
    // Both L2 engineers of the group hear that it came to their tier.
    expect((await pullAll(ines.api, ines.db, ines.agent)).news).toEqual([
      { kind: 'escalated', ticketId, by: a.agent.id, reason: 'Check the docking station firmware for this monitor model', at: expect.any(Number) },
    ]);
    await lead.sync();
    expect(await lead.ticket(ticketId)).toMatchObject({ status: 'pending_acceptance', tier: 'L2' });
    await lead.mutate('assignTicket', { ticketId, assignee: sam.agent.id, reason: 'Sam fixed this model last week' });
    await lead.sync();
    const pulled = await pullAll(sam.api, sam.db, sam.agent);
    // Sam pulls after the dispatch: that it came to L2 is no longer news (it waits for nobody), that it is his is.
    expect(pulled.news.map((h) => [h.kind, h.by])).toEqual([['given', lead.agent.id]]);
    expect(await sam.ticket(ticketId)).toMatchObject({ assignee: sam.agent.id, status: 'assigned', tier: 'L2' });
    expect((await readLog(sam.db, ticketId)).map((e) => e.event).find((e) => e.type === 'accepted' && e.tier === 'L2')).toMatchObject({ by: lead.agent.id, onBehalfOf: sam.agent.id });
    // Inês's copy says it is no longer waiting for her tier.
    await ines.sync();
    expect(await ines.ticket(ticketId)).toMatchObject({ status: 'assigned', assignee: sam.agent.id });
  });

  test('a ticket created offline gets its real number when it syncs', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    await a.sync();
    const ticketId = `offline-${Date.now()}`;
    await a.mutate('createTicket', {
      ticketId,
      title: 'Printer jams on every page',
      description: 'Third floor printer.',
      requester: { name: 'Cara Costa', email: 'cara.costa@example.com', vip: true },
      category: 'hardware',
      service: 'Printers',
      impact: 'low',
      urgency: 'medium',
      severity: 'S4',
      channel: 'walk_in',
    });
    expect((await a.ticket(ticketId))!.number).toMatch(/^NEW-[0-9A-Z]{8}$/);
    await a.sync();
    await a.sync();
    expect(await a.ticket(ticketId)).toMatchObject({ number: expect.stringMatching(/^INC-\d{6}$/), origin: 'server', pending: 0 });
  });

  test('a lost push response is harmless: the resend is ignored as a duplicate', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(a, b);
    await a.mutate('addWorkNote', { ticketId, noteId: crypto.randomUUID(), body: 'sent twice', visibility: 'internal' });
    const { pushOutbox } = await import('../../renderer/src/sync/pusher');
    await pushOutbox(a.api, a.db);
    await pushOutbox(a.api, a.db);
    await a.sync();
    await b.sync();
    expect((await b.notes(ticketId)).filter((n) => n === 'sent twice')).toHaveLength(1);
  });

  test('a backlog bigger than one request (by count and by bytes) goes out in one sync, nothing refused for size', async () => {
    const a = await SyncClient.signIn(api.url, 'l1.agent@demo.test');
    const b = await SyncClient.signIn(api.url, 'lead@demo.test');
    const ticketId = await sharedTicket(a, b);
    // Hours offline: 60 long notes (20,000 characters, ~22 KB of UTF-8 each, over the server's 1 MiB body limit together) and 450 short ones.
    for (let i = 0; i < 60; i++) await a.mutate('addWorkNote', { ticketId, noteId: `long-${i}`, body: `${i} ${'Prüfung '.repeat(2_499)}`.slice(0, 20_000), visibility: 'internal' });
    for (let i = 0; i < 450; i++) await a.mutate('addWorkNote', { ticketId, noteId: `short-${i}`, body: `short ${i}`, visibility: 'internal' });
    await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    expect(await a.db.needsAttention.count()).toBe(0);
    await b.sync();
    const notes = await b.notes(ticketId);
    expect(notes.filter((n) => n.includes('Prüfung'))).toHaveLength(60);
    expect(notes.filter((n) => n.startsWith('short '))).toHaveLength(450);
  });
});
