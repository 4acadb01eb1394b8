import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseStoredEvent } from '../../shared/model/stored-event';
import { HOUR_MS, MINUTE_MS } from '../../shared/time/duration';
import { verifyAuditChain } from '../audit/audit-log';
import type { DamagedRecordError } from '../repo/stored-record';
import { newTicket, TestClient } from '../testing/push-client';
import { startTestServer, TEST_NOW, type TestServer } from '../testing/test-server';
import { ESCALATION_ACTOR, EscalationRunner, MAX_SLEEP_MS, type Timer } from './escalation-runner';

let server: TestServer;
let runner: EscalationRunner;
let armed: Array<{ delayMs: number; cancelled: boolean }>;
let commits: Array<{ fired: number; notifications: number }>;
let damaged: DamagedRecordError[];

beforeEach(async () => {
  server = await startTestServer({ tickets: 0 });
  armed = [];
  commits = [];
  damaged = [];
  runner = new EscalationRunner({
    db: server.db,
    now: () => server.clock.now,
    afterCommit: (effect) => commits.push(effect),
    damaged: (error) => damaged.push(error),
    schedule: (_run, delayMs): Timer => {
      const timer = { delayMs, cancelled: false };
      armed.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
  });
});
afterEach(async () => {
  await runner.stop();
  await server.close();
});

// TEST_NOW is Tue 2026-11-24 10:00 in New York: newTicket's P3 phone ticket starts its response clock (2 business hours) at once.
async function l1Client(): Promise<TestClient> {
  return new TestClient(server, await server.login('l1.agent@demo.test'));
}

async function fired(ticketId: string): Promise<string[]> {
  const rows = await server.db.selectFrom('ticket_events').select('data').where('ticket_id', '=', ticketId).where('type', '=', 'action_fired').orderBy('seq').execute();
  return rows.map((r) => {
    const { event } = parseStoredEvent(JSON.parse(r.data));
    return event.type === 'action_fired' ? event.actionId : '';
  });
}

async function notices() {
  return server.db.selectFrom('notifications').select(['id', 'recipient', 'subject', 'body']).where('id', 'like', 'escalation:%').orderBy('id').execute();
}

describe('escalation runner', () => {
  test('fires each step once at its instant, writes to the people the matrix names, audits it, and sleeps until the next', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-1')));

    expect(runner.state).toBe('planning');
    const first = await runner.kick();
    expect(runner.state).toBe('running');
    expect(first.fired).toBe(2);
    expect(await fired('esc-1')).toEqual(['esc-1:resolution:0', 'esc-1:response:0']);
    // The 0% steps notify the assignment group (service desk): its agents and its lead, not the manager.
    const groupNotices = await notices();
    expect(groupNotices.map((n) => n.recipient).sort()).toEqual(['dana.fox@demo.test', 'kofi.mensah@demo.test', 'l1.agent@demo.test', 'lead@demo.test']);
    expect(groupNotices[0]!.body).toContain('Laptop will not charge');
    // Next: the response clock's 50% (1 of 2 business hours). One timer, which sleeps at most MAX_SLEEP_MS at a time.
    expect(first.nextAt).toBe(TEST_NOW + HOUR_MS);
    expect(armed.filter((t) => !t.cancelled).map((t) => t.delayMs)).toEqual([MAX_SLEEP_MS]);
    server.clock.now = TEST_NOW + 58 * MINUTE_MS;
    expect((await runner.kick()).fired).toBe(0);
    expect(armed.filter((t) => !t.cancelled).map((t) => t.delayMs)).toEqual([2 * MINUTE_MS]);

    server.clock.now = TEST_NOW + HOUR_MS;
    const second = await runner.kick();
    expect(second.fired).toBe(1);
    expect(await fired('esc-1')).toEqual(['esc-1:resolution:0', 'esc-1:response:0', 'esc-1:response:50']);
    const management = (await notices()).filter((n) => n.id.startsWith('escalation:esc-1:response:50'));
    expect(management.map((n) => n.recipient)).toEqual(['manager@demo.test']);
    expect(management[0]!.subject).toBe('[INC-000001] Response (P3): 50% of the 2h business target used');

    // Idempotent: nothing fires twice, however often it runs.
    expect((await runner.kick()).fired).toBe(0);
    expect(await fired('esc-1')).toHaveLength(3);

    const audit = await server.db.selectFrom('audit_log').select(['action', 'entity_id', 'data']).where('action', '=', 'escalation.fired').orderBy('seq').execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['esc-1', 'esc-1']);
    expect(JSON.parse(audit[1]!.data)).toMatchObject({ steps: [{ id: 'esc-1:response:50', actions: ['alert_senior_it_management'] }] });
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
    expect(commits.every((c) => c.fired > 0)).toBe(true);
  });

  test("an S1 ticket still open after 15 minutes pages the senior engineers and writes to the policy's account director", async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', { ...newTicket('esc-s1'), severity: 'S1' }));
    await runner.kick();
    server.clock.now = TEST_NOW + 15 * MINUTE_MS;
    await runner.kick();
    expect(await fired('esc-s1')).toContain('esc-s1:rule:s1-open-15m');
    const paged = (await notices()).filter((n) => n.id.startsWith('escalation:esc-s1:rule:s1-open-15m'));
    // The L3 engineers (none handles hardware, so every one) and the account director named in the policy's contacts.
    expect(paged.map((n) => n.recipient).sort()).toEqual(['account.director@example.com', 'l3.engineer@demo.test', 'raj.patel@demo.test']);
    expect(paged[0]!.body).toMatch(/notify the account director$/m);
  });

  test('a change that stops a clock moves the next step: a response before 75% leaves the resolution path only', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-2')));
    await runner.kick();
    server.clock.now = TEST_NOW + 20 * MINUTE_MS;
    await client.push(client.entry('acceptTicket', { ticketId: 'esc-2' }));
    const after = await runner.kick();
    expect(after.checked).toBe(1);
    // Resolution (27 business hours) reaches 50% at 13.5 h: Tue 10:00–17:00 is 7 h, so Wed 14:30 New York.
    expect(after.nextAt).toBe(Date.UTC(2026, 10, 25, 19, 30));
    server.clock.now = Date.UTC(2026, 10, 25, 19, 30);
    await runner.kick();
    expect(await fired('esc-2')).toEqual(['esc-2:resolution:0', 'esc-2:response:0', 'esc-2:resolution:50']);
  });

  test('after downtime it records every missed step but announces only the latest of each clock', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-3')));
    server.clock.now = TEST_NOW + 3 * HOUR_MS; // response breached at 12:00; nothing ran meanwhile
    const report = await runner.kick();
    expect(await fired('esc-3')).toEqual(['esc-3:resolution:0', 'esc-3:response:0', 'esc-3:response:50', 'esc-3:response:75', 'esc-3:response:100']);
    expect(report.fired).toBe(5);
    // One message per person: the group hears of the resolution clock starting and the response breach, not of 50% and 75%.
    const sent = await notices();
    const agent = sent.find((n) => n.recipient === 'l1.agent@demo.test')!;
    expect(agent.body).toContain('Resolution (P3): clock started');
    expect(agent.body).toContain('Response (P3): target of 2h business breached');
    expect(sent.some((n) => /50%|75%/.test(n.body))).toBe(false);
    // Full escalation at breach reaches the group, its lead and management.
    expect(sent.map((n) => n.recipient).sort()).toEqual(['dana.fox@demo.test', 'kofi.mensah@demo.test', 'l1.agent@demo.test', 'lead@demo.test', 'manager@demo.test']);
  });

  test('a resolved ticket closes by itself after closeResolvedAfter, once, unless it was reopened; closed is final', async () => {
    const client = await l1Client();
    await client.push(
      client.entry('createTicket', newTicket('close-1')),
      client.entry('acceptTicket', { ticketId: 'close-1' }),
      client.entry('resolve', { ticketId: 'close-1', resolution: 'Replaced the charger; the laptop charges again.' }),
      client.entry('createTicket', newTicket('close-2')),
      client.entry('acceptTicket', { ticketId: 'close-2' }),
      client.entry('resolve', { ticketId: 'close-2', resolution: 'Replaced the charger; the laptop charges again.' }),
    );
    const planned = await runner.kick();
    expect(planned.closed).toBe(0);
    const row = async (id: string) => server.db.selectFrom('tickets').select(['status', 'next_action_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number((await row('close-1')).next_action_at)).toBe(TEST_NOW + 2 * 24 * HOUR_MS);

    // The requester of close-2 is back a day later: reopened, it does not close.
    server.clock.now = TEST_NOW + 24 * HOUR_MS;
    // A day later the morning's token has expired: the agent signs in again (a new session, a new client).
    const nextDay = await l1Client();
    const reopened = await nextDay.push(nextDay.entry('reopen', { ticketId: 'close-2', reason: 'The charger stopped working again this morning' }));
    expect(reopened.body.results![0]).toMatchObject({ status: 'applied' });
    server.clock.now = TEST_NOW + 2 * 24 * HOUR_MS;
    const report = await runner.kick();
    expect(report.closed).toBe(1);
    expect((await row('close-1')).status).toBe('closed');
    expect((await row('close-2')).status).not.toBe('closed');
    const log = await server.db.selectFrom('ticket_events').select('data').where('ticket_id', '=', 'close-1').orderBy('seq').execute();
    expect(parseStoredEvent(JSON.parse(log.at(-1)!.data)).event).toMatchObject({ type: 'closed', by: 'tierdesk-auto-close', role: 'system', at: TEST_NOW + 2 * 24 * HOUR_MS });
    expect((await runner.kick()).closed).toBe(0);
    const closes = await server.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'ticket.closed').execute();
    expect(closes.map((a) => a.entity_id)).toEqual(['close-1']);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });

    // Clients pull it; a reopen after the close is refused and says why.
    const later = await l1Client();
    const changes = await later.pullAll();
    expect(changes.some((c) => c.kind === 'ticket' && c.value.id === 'close-1' && c.value.status === 'closed')).toBe(true);
    const refused = await later.push(later.entry('reopen', { ticketId: 'close-1', reason: 'It happened again after the weekend' }));
    expect(refused.body.results![0]).toMatchObject({ status: 'refused' });
  });

  test('clients pull the fired steps like any other log entry', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-4')));
    await client.pullAll();
    await runner.kick();
    const changes = await client.pullAll();
    const firedEvents = changes.filter((c) => c.kind === 'event' && c.value.event.type === 'action_fired');
    expect(firedEvents.map((c) => (c.kind === 'event' && c.value.event.type === 'action_fired' ? [c.value.event.actionId, c.value.event.by] : null))).toEqual([
      ['esc-4:resolution:0', ESCALATION_ACTOR],
      ['esc-4:response:0', ESCALATION_ACTOR],
    ]);
  });

  test('a new policy version re-plans every open ticket', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-5')), client.entry('createTicket', newTicket('esc-6')));
    expect((await runner.kick()).checked).toBe(2);
    expect((await runner.kick()).checked).toBe(0);
    const manager = await server.login('manager@demo.test');
    const current = (await (await fetch(`${server.url}/v1/policy`, { headers: { authorization: `Bearer ${manager}` } })).json()) as { document: Record<string, unknown> };
    const res = await fetch(`${server.url}/v1/policy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...current.document, name: 'Tierdesk default policy (re-saved)' }),
    });
    expect(res.status).toBe(200);
    expect((await runner.kick()).checked).toBe(2);
  });

  test('a damaged ticket is reported and left out; the rest of its batch still fires, and once repaired it is planned again', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-sound')), client.entry('createTicket', newTicket('esc-damaged')));
    const original = await server.db.selectFrom('tickets').select('data').where('id', '=', 'esc-damaged').executeTakeFirstOrThrow();
    await server.db.updateTable('tickets').set({ data: original.data.replace('"status":', '"status":7,"was":') }).where('id', '=', 'esc-damaged').execute();

    const first = await runner.kick();
    expect(await fired('esc-sound')).toEqual(['esc-sound:resolution:0', 'esc-sound:response:0']);
    expect(await fired('esc-damaged')).toEqual([]);
    expect(first.fired).toBe(2);
    expect(damaged.map((e) => [e.table, e.id, e.field])).toEqual([['tickets', 'esc-damaged', 'status']]);
    // Planned for nothing, so later passes do not read it again.
    const row = await server.db.selectFrom('tickets').select(['next_action_at', 'next_action_stale']).where('id', '=', 'esc-damaged').executeTakeFirstOrThrow();
    expect([row.next_action_at, Number(row.next_action_stale)]).toEqual([null, 0]);
    await runner.kick();
    expect(damaged).toHaveLength(1);

    // An administrator repairs the row; writing a ticket marks it for planning (as putTickets does).
    await server.db.updateTable('tickets').set({ data: original.data, next_action_stale: 1 }).where('id', '=', 'esc-damaged').execute();
    await runner.kick();
    expect(await fired('esc-damaged')).toEqual(['esc-damaged:resolution:0', 'esc-damaged:response:0']);
  });

  test('a failed run keeps its timer, so the next attempt comes without a new change', async () => {
    const client = await l1Client();
    await client.push(client.entry('createTicket', newTicket('esc-7')));
    let broken = true;
    const flaky = new EscalationRunner({
      db: server.db,
      now: () => {
        if (broken) throw new Error('clock unavailable');
        return server.clock.now;
      },
      afterCommit: () => {},
      schedule: (run, delayMs) => {
        armed.push({ delayMs, cancelled: false });
        retry = run;
        return { cancel: () => {} };
      },
    });
    let retry: (() => void) | undefined;
    await expect(flaky.kick()).rejects.toThrow('clock unavailable');
    expect(flaky.state).toBe('planning');
    expect(armed.at(-1)!.delayMs).toBe(MAX_SLEEP_MS);
    broken = false;
    retry!();
    await expect.poll(() => fired('esc-7')).toEqual(['esc-7:resolution:0', 'esc-7:response:0']);
    await expect.poll(() => flaky.state).toBe('running');
    await flaky.stop();
  });

  test('stop lets a pass finish the batch it is in, leaves the rest marked for the next start, and runs nothing after', async () => {
    const seeded = await startTestServer({ tickets: 450 });
    try {
      const stale = async () => Number((await seeded.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).where('next_action_stale', '=', 1).executeTakeFirstOrThrow()).n);
      expect(await stale()).toBe(450);
      const timers: number[] = [];
      let stopping: Promise<void> | undefined;
      let stopped = false;
      const stopper: EscalationRunner = new EscalationRunner({
        db: seeded.db,
        // Asked for the time inside the first batch's transaction: a shutdown arrives mid-pass.
        now: () => {
          stopping ??= stopper.stop().then(() => void (stopped = true));
          return seeded.clock.now;
        },
        afterCommit: () => {},
        schedule: (_run, delayMs) => {
          timers.push(delayMs);
          return { cancel: () => {} };
        },
      });
      const pass = stopper.kick();
      await Promise.resolve();
      expect(stopped).toBe(false);
      const report = await pass;
      await stopping;
      expect(stopped).toBe(true);
      expect(report.checked).toBe(200);
      expect(await stale()).toBe(250);
      expect(timers).toEqual([]);
      expect(await stopper.kick()).toEqual({ checked: 0, fired: 0, notifications: 0, closed: 0, nextAt: null });
      expect(await stale()).toBe(250);

      const next = new EscalationRunner({ db: seeded.db, now: () => seeded.clock.now, afterCommit: () => {}, schedule: () => ({ cancel: () => {} }) });
      expect((await next.kick()).checked).toBe(250);
      expect(await stale()).toBe(0);
      await next.stop();
    } finally {
      await seeded.close();
    }
  });
});
