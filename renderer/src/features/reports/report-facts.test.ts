import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ticketFacts, tierCosts } from '../../../../shared/metrics/desk-metrics';
import { formatTicketNumber } from '../../../../shared/model/ticket';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../../../../shared/mutations/testing/harness';
import { defaultPolicy } from '../../../../shared/policy/default-policy';
import { MINUTE_MS } from '../../../../shared/time/duration';
import { TierdeskDb } from '../../db/db';
import { appendToLogs, readLog } from '../../db/ticket-log';
import { fromRecord, toRecord } from '../../db/ticket-record';
import { readReportFacts } from './report-facts';

let db: TierdeskDb;
beforeEach(() => {
  db = new TierdeskDb(`report-facts-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

// Three acted-out stories, copied under many ids so the desk spans several read batches; some tickets have no log.
const stories = (() => {
  const escalated = new TicketStory();
  escalated.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'x' });
  escalated.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 'x' });
  escalated.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 'x', toTier: 'L2', handoffNote: goodHandoff() });
  const fixed = new TicketStory();
  fixed.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'x' });
  fixed.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 'x' });
  fixed.do(AGENTS.l1, T0 + 65 * MINUTE_MS, 'resolve', { ticketId: 'x', resolution: 'Reset the VPN profile with the user.' });
  return [escalated, fixed];
})();

describe('readReportFacts', () => {
  test('reads every ticket with its own log, across read batches, as facts computed one ticket at a time would', async () => {
    const count = 2_345;
    for (let i = 0; i < count; i++) {
      const story = stories[i % 2]!;
      // Ids that do not sort like their numbers, so batch edges fall between unrelated tickets.
      const id = `t-${(i * 7919) % 10_007}`;
      await db.tickets.put(toRecord({ ...story.ticket, id, number: formatTicketNumber(i + 1) }));
      if (i % 5 !== 0) await appendToLogs(db, story.agg!.events.map((e) => ({ ...e, id: `${id}:${e.id}`, ticketId: id, pending: 0 as const })));
    }
    const now = T0 + 120 * MINUTE_MS;
    const progress: number[] = [];
    const facts = await readReportFacts(db, now, defaultPolicy, (read) => progress.push(read));

    expect(facts).toHaveLength(count);
    // Read in steps (a few buckets of tickets with their logs each), every step reported.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(count);
    const expected = [];
    for (const record of await db.tickets.toArray()) {
      const events = (await readLog(db, record.id)).map((row) => row.event);
      expected.push(ticketFacts(fromRecord(record), events, now, (ms) => new Date(ms).getHours(), tierCosts(defaultPolicy)));
    }
    const byId = (a: { ticketId: string }, b: { ticketId: string }) => (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0);
    expect([...facts].sort(byId)).toEqual(expected.sort(byId));
    // The logs really were joined: an escalation counted for every escalated ticket that has a log, and only those.
    const escalatedWithLog = Array.from({ length: count }, (_, i) => i).filter((i) => i % 2 === 0 && i % 5 !== 0).length;
    expect(facts.filter((f) => f.functionalEscalations === 1)).toHaveLength(escalatedWithLog);
    // Writing 2,345 tickets one put at a time takes seconds on a loaded machine.
  }, 30_000);
});
