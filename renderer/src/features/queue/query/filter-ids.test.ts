import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { TierdeskDb } from '../../../db/db';
import { makeTicket } from '../../../test/tickets';
import { L1, GROUPS } from '../../../test/workspace-harness';
import { NO_FILTERS, scanMatching, type QueueFilters } from './filter-ids';
import { clearKeyCache } from './key-cache';
import { clearResolvedSearch } from './resolved-search';
import { runTicketQuery } from './ticket-query';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
let db: TierdeskDb;

beforeEach(() => {
  clearKeyCache();
  db = new TierdeskDb(`filters-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

// Few words, so that searches hit, miss and share prefixes.
const WORDS = ['vpn', 'vpnclient', 'printer', 'print', 'mail', 'mailbox', 'élan', 'elan', 'boss'];
const word = fc.constantFrom(...WORDS);
const ticket = fc.record({
  title: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  service: word,
  name: fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
  vip: fc.boolean(),
  category: fc.constantFrom('network', 'email', 'access'),
  priority: fc.constantFrom('P1', 'P2', 'P3' as const),
});
const filters: fc.Arbitrary<QueueFilters> = fc.record({
  category: fc.constantFrom(null, 'network', 'email'),
  severity: fc.constant(null),
  priority: fc.constantFrom(null, 'P1', 'P3' as const),
  vip: fc.boolean(),
  requester: fc.constantFrom('', 'bo', 'elan', 'mail'),
  text: fc.constantFrom('', 'vp', 'print', 'ELAN', 'mailbox vpn', '7', 'INC-000003', 'xyz'),
});

describe('filters decided from records (Recently resolved)', () => {
  test('mean exactly what the index lookups of the open views mean', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ticket, { minLength: 1, maxLength: 12 }), filters, async (specs, chosen) => {
        clearKeyCache();
        clearResolvedSearch();
        await db.tickets.clear();
        await db.tickets.bulkPut(
          specs.map((t, i) =>
            makeTicket(i + 1, {
              createdAt: NOW - i * 60_000,
              title: t.title,
              service: t.service,
              category: t.category,
              priority: t.priority,
              requester: { name: t.name, email: `${t.name.replace(/\s+/g, '.')}@example.com`, vip: t.vip },
            }),
          ),
        );
        const ctx = { agent: L1, groups: GROUPS, nowMs: NOW, forecastRisk: new Set<string>() };
        const all = await runTicketQuery(db, { view: 'all', sort: 'due', filters: NO_FILTERS }, ctx);
        const byIndex = await runTicketQuery(db, { view: 'all', sort: 'due', filters: chosen }, ctx);
        expect(await scanMatching(db, all, chosen)).toEqual(byIndex);
      }),
      { numRuns: 150 },
    );
  });
});

describe('search of Recently resolved', () => {
  const ctx = { agent: L1, groups: GROUPS, nowMs: NOW, forecastRisk: new Set<string>() };
  const search = async (text: string) => {
    const ids = await runTicketQuery(db, { view: 'resolved', sort: 'updated', filters: { ...NO_FILTERS, text } }, ctx);
    return (await db.tickets.bulkGet(ids)).map((t) => t!.number);
  };

  test('matches resolved tickets by number, title, service and requester, most recently updated first, and follows writes', async () => {
    await db.tickets.bulkPut([
      makeTicket(1, { createdAt: NOW - 3 * 60_000, status: 'resolved', title: 'Printer jams' }),
      makeTicket(2, { createdAt: NOW - 2 * 60_000, status: 'closed', title: 'Printer offline', requester: { name: 'Zoe Silva', email: 'zoe@example.com', vip: false } }),
      makeTicket(3, { createdAt: NOW - 60_000, status: 'in_progress', title: 'Printer on fire' }),
    ]);
    expect(await search('print')).toEqual(['INC-000002', 'INC-000001']);
    expect(await search('zoe')).toEqual(['INC-000002']);
    expect(await search('vpn 1')).toEqual(['INC-000001']);
    // Kept in memory after the first search; a write to a resolved ticket is seen by the next one.
    const first = (await db.tickets.get('t-1'))!;
    await db.tickets.put({ ...first, title: 'Scanner jams', updatedAt: NOW });
    expect(await search('print')).toEqual(['INC-000002']);
    expect(await search('scan')).toEqual(['INC-000001']);
    await db.tickets.delete('t-2');
    expect(await search('print')).toEqual([]);
    await db.tickets.clear();
    await db.tickets.put(makeTicket(4, { createdAt: NOW, status: 'resolved', title: 'Printer again' }));
    expect(await search('print')).toEqual(['INC-000004']);
  });

  test('a damaged stored record is left out of the search (said in the console); the others still answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.tickets.bulkPut([makeTicket(1, { createdAt: NOW, status: 'resolved', title: 'Printer jams' }), makeTicket(2, { createdAt: NOW - 1, status: 'resolved', title: 'Printer offline' })]);
    const damaged = (await db.tickets.get('t-2'))!;
    await db.tickets.put({ ...damaged, requester: null } as never);
    expect(await search('print')).toEqual(['INC-000001']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('resolved ticket t-2 left out of searches'), expect.anything());
    warn.mockRestore();
  });

  test('a write while the resolved tickets are being read is not hidden by the older copy read', async () => {
    await db.tickets.bulkPut(Array.from({ length: 300 }, (_, i) => makeTicket(i + 1, { createdAt: NOW - i * 60_000, status: 'resolved', title: `Printer ${i + 1}` })));
    const before = search('scanner');
    const renamed = (await db.tickets.get('t-7'))!;
    await db.tickets.put({ ...renamed, title: 'Scanner jams', updatedAt: NOW + 1 });
    await before;
    expect(await search('scanner')).toEqual(['INC-000007']);
    expect(await search('printer')).toHaveLength(299);
  });
});
