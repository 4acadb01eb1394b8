import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../mutations/testing/harness';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/duration';
import { defaultPolicy } from '../policy/default-policy';
import { deskMetrics, metricsCsv, ticketFacts, ticketsBehind, ticketsCsv, tierCosts, type MetricsRow, type TicketFacts } from './desk-metrics';

const facts = (story: TicketStory, nowMs: number): TicketFacts => ticketFacts(story.ticket, story.agg!.events.map((e) => e.event), nowMs);

function story(id: string, priority: { impact: 'high' | 'medium' | 'low'; urgency: 'high' | 'medium' | 'low' } = { impact: 'medium', urgency: 'medium' }) {
  const s = new TicketStory();
  s.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ...priority, ticketId: id });
  return s;
}

/** Resolved by L1 at first contact, 30 min after creation (Tuesday 09:00 New York). */
function firstContact(id: string) {
  const s = story(id);
  s.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: id });
  s.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'resolve', { ticketId: id, resolution: 'Reset the VPN profile with the user.' });
  return s;
}

/** Taken by L1, escalated to L2 after 30 min, accepted there 10 min later. */
function acceptedInL2(id: string) {
  const s = story(id);
  s.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: id });
  s.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: id, toTier: 'L2', handoffNote: goodHandoff() });
  s.do(AGENTS.l2, T0 + 40 * MINUTE_MS, 'acceptTicket', { ticketId: id });
  return s;
}

/** Escalated to L2, returned to L1 once, escalated again, resolved by L2 with a KB article. */
function bounced(id: string) {
  const s = acceptedInL2(id);
  s.do(AGENTS.l2, T0 + 60 * MINUTE_MS, 'escalateFunctional', {
    ticketId: id,
    toTier: 'L1',
    trigger: 'escalated_without_first_line_work',
    handoffNote: goodHandoff({ nextTierNeeds: 'Collect the client logs from the laptop while the drop happens and attach them' }),
  });
  return s;
}

describe('ticket facts', () => {
  test('a first-contact fix: SLA met, no escalation, business time to resolve', () => {
    const f = facts(firstContact('a'), T0 + DAY_MS);
    expect(f).toMatchObject({ resolved: true, responseMet: true, resolutionMet: true, functionalEscalations: 0, reopens: 0, bouncedBack: false });
    expect(f.resolveBusinessMs).toBe(30 * MINUTE_MS);
    expect(f.resolveWallMs).toBe(30 * MINUTE_MS);
  });

  test('a ticket left open past its targets counts as missed, not as pending', () => {
    const f = facts(story('late'), T0 + 30 * DAY_MS);
    expect(f).toMatchObject({ resolved: false, responseMet: false, resolutionMet: false, resolveBusinessMs: null });
    expect(facts(story('fresh'), T0 + MINUTE_MS)).toMatchObject({ responseMet: null, resolutionMet: null });
  });

  test('escalations, a bounce back down a tier and a reopen are counted', () => {
    const s = firstContact('r');
    s.do(AGENTS.l1, T0 + 2 * HOUR_MS, 'reopen', { ticketId: 'r', reason: 'It happened again this morning' });
    expect(facts(s, T0 + DAY_MS)).toMatchObject({ reopens: 1, resolved: false });
    expect(facts(bounced('b'), T0 + DAY_MS)).toMatchObject({ functionalEscalations: 2, bouncedBack: true });
  });
});

describe('desk metrics', () => {
  const now = T0 + 2 * DAY_MS;
  const all = [facts(firstContact('a'), now), facts(firstContact('b'), now), facts(bounced('c'), now), facts(story('d', { impact: 'high', urgency: 'high' }), now)];

  test('rates per priority and in total, over tickets created in the period', () => {
    const { rows, total } = deskMetrics(all, 'priority', T0 - DAY_MS, T0 + DAY_MS);
    expect(rows.map((r) => r.key)).toEqual(['P1', 'P3']);
    const p3 = rows.find((r) => r.key === 'P3')!;
    expect(p3).toMatchObject({ tickets: 3, resolved: 2, escalationRate: 1 / 3, firstContactResolution: 1, reopenRate: 0, bounceRate: 1, mttrBusinessMs: 30 * MINUTE_MS });
    // The P1 was never touched: two days later both its clocks have breached.
    expect(rows.find((r) => r.key === 'P1')).toMatchObject({ tickets: 1, resolved: 0, responseSla: 0, resolutionSla: 0, firstContactResolution: null, mttrBusinessMs: null });
    expect(total).toMatchObject({ key: 'all', tickets: 4, resolved: 2 });
    expect(deskMetrics(all, 'priority', T0 + DAY_MS, T0 + 2 * DAY_MS).total.tickets).toBe(0);
  });

  test('exports the table as CSV with hours and fractions, total last', () => {
    const csv = metricsCsv('priority', deskMetrics(all, 'priority', 0, Infinity));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'priority,tickets,resolved,response SLA met,resolution SLA met,mean time to resolve (business hours),mean time to resolve (calendar hours),escalation rate,first-contact resolution,reopen rate,bounce-back rate,management escalations,cost per resolved ticket (USD)',
    );
    expect(lines[1]).toMatch(/^P1,1,0,0\.0000,0\.0000,,,0\.0000,,,,0,$/);
    expect(lines[2]).toMatch(/^P3,3,2,.*,0\.50,0\.50,0\.3333,1\.0000,0\.0000,1\.0000,0,$/);
    expect(lines[3]).toMatch(/^all,4,2,/);
  });

  test('groups by first owner (first contact) and by the hour of day tickets came in', () => {
    const byOwner = deskMetrics(all, 'owner', 0, Infinity);
    // l1 took a, b and c first (and escalated c); the P1 was never taken.
    expect(byOwner.rows.map((r) => [r.key, r.tickets, r.resolved, r.escalationRate])).toEqual([
      ['(unowned)', 1, 0, 0],
      ['l1', 3, 2, 1 / 3],
    ]);
    // The log may come in any order: the earliest acceptance counts.
    const c = bounced('c2');
    expect(ticketFacts(c.ticket, c.agg!.events.map((e) => e.event).reverse(), now).owner).toBe('l1');
    // A lead's dispatch is the agent's acceptance, not the lead's.
    const d = bounced('d2');
    d.do(AGENTS.lead, T0 + 3 * HOUR_MS, 'assignTicket', { ticketId: 'd2', assignee: 'l1b', reason: 'Blake has room today' });
    const dispatchedOnly = d.agg!.events.map((e) => e.event).filter((e) => !(e.type === 'accepted' && !e.onBehalfOf));
    expect(ticketFacts(d.ticket, dispatchedOnly, now).owner).toBe('l1b');
    const nineToFive = (ms: number) => new Date(ms - 5 * HOUR_MS).getUTCHours(); // New York in November
    const h = firstContact('h');
    const byHour = deskMetrics([ticketFacts(h.ticket, h.agg!.events.map((e) => e.event), now, nineToFive)], 'hour', 0, Infinity);
    expect(byHour.rows.map((r) => r.key)).toEqual(['09']);
  });

  test('keeps group names as text in a spreadsheet: no formulas, quotes and commas escaped', () => {
    const odd = [{ ...all[0]!, category: '=HYPERLINK("http://x","y")' }, { ...all[1]!, category: 'mail, calendar' }];
    const csv = metricsCsv('category', deskMetrics(odd, 'category', 0, Infinity));
    expect(csv).toContain(`\n"'=HYPERLINK(""http://x"",""y"")",1,`);
    expect(csv).toContain('\n"mail, calendar",1,');
  });
});

describe('cost per ticket by tier', () => {
  const costs = tierCosts(defaultPolicy)!;
  const now = T0 + 2 * DAY_MS;
  const priced = (s: TicketStory) => ticketFacts(s.ticket, s.agg!.events.map((e) => e.event), now, undefined, costs);

  /** Escalated to L2 by L1, accepted and resolved there with a new article. */
  function resolvedInL2(id: string) {
    const s = acceptedInL2(id);
    s.do(AGENTS.l2, T0 + 90 * MINUTE_MS, 'resolve', {
      ticketId: id,
      resolution: 'Raised the idle timeout on the concentrator.',
      kbDraft: { articleId: `kb-${id}`, title: 'VPN drops: idle timeout', body: 'Raise the idle timeout on the concentrator and confirm with the user.' },
    });
    return s;
  }

  test('each acceptance adds the cost of its tier: an escalation and a bounce back cost what they cost', () => {
    expect(costs.get('L1')).toBe(22);
    expect(priced(firstContact('a')).cost).toBe(22);
    expect(priced(resolvedInL2('e')).cost).toBe(22 + 62);
    // L1, then L2, then sent back to L1 (not yet taken again).
    expect(priced(bounced('b')).cost).toBe(22 + 62);
    expect(priced(story('new')).cost).toBe(0);
    expect(facts(firstContact('x'), now).cost).toBeNull();
  });

  test('grouped by tier, the mean cost of resolved tickets shows the L1 → L2 gap; CSV says the currency', () => {
    const all = [priced(firstContact('a')), priced(firstContact('b')), priced(resolvedInL2('c')), priced(story('open'))];
    const { rows, total } = deskMetrics(all, 'tier', 0, Infinity);
    expect(rows.map((r) => [r.key, r.costPerTicket])).toEqual([
      ['L1', 22],
      ['L2', 84],
    ]);
    expect(total.costPerTicket).toBeCloseTo((22 + 22 + 84) / 3);
    const csv = metricsCsv('tier', { rows, total }, 'EUR');
    expect(csv.split('\n')[0]).toMatch(/,cost per resolved ticket \(EUR\)$/);
    expect(csv).toContain('\nL2,1,1,');
    expect(csv).toMatch(/\nL2,.*,84\.00\n/);
  });

  test('a policy without costs has no cost figures', () => {
    const policy = { ...defaultPolicy, tiers: defaultPolicy.tiers.map(({ costPerTicket: _, ...tier }) => tier) };
    expect(tierCosts(policy)).toBeNull();
  });
});

describe('desk metrics: one pass', () => {
  // The definitions, written the plain way (a filter per measure): the one-pass row must give exactly these.
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  function plainRow(key: string, facts: TicketFacts[]): MetricsRow {
    const resolved = facts.filter((f) => f.resolved);
    const response = facts.filter((f) => f.responseMet !== null);
    const resolution = facts.filter((f) => f.resolutionMet !== null);
    const escalated = facts.filter((f) => f.functionalEscalations > 0);
    return {
      key,
      tickets: facts.length,
      resolved: resolved.length,
      responseSla: share(response.filter((f) => f.responseMet).length, response.length),
      resolutionSla: share(resolution.filter((f) => f.resolutionMet).length, resolution.length),
      mttrBusinessMs: mean(resolved.map((f) => f.resolveBusinessMs ?? 0)),
      mttrWallMs: mean(resolved.map((f) => f.resolveWallMs ?? 0)),
      escalationRate: share(escalated.length, facts.length),
      firstContactResolution: share(resolved.filter((f) => f.functionalEscalations === 0).length, resolved.length),
      reopenRate: share(resolved.filter((f) => f.reopens > 0).length, resolved.length),
      bounceRate: share(escalated.filter((f) => f.bouncedBack).length, escalated.length),
      hierarchicalEscalations: facts.reduce((n, f) => n + f.hierarchicalEscalations, 0),
      costPerTicket: mean(resolved.flatMap((f) => (f.cost === null ? [] : [f.cost]))),
    };
  }
  const fact = fc.record<TicketFacts>({
    ticketId: fc.uuid(),
    number: fc.constantFrom('INC-000001', 'INC-000002'),
    title: fc.string({ maxLength: 8 }),
    priority: fc.constantFrom('P1', 'P2', 'P3'),
    category: fc.constantFrom('network', 'email'),
    tier: fc.constantFrom('L1', 'L2', 'L3'),
    owner: fc.constantFrom('a', 'b', 'unowned'),
    hour: fc.constantFrom('09', '14'),
    createdAt: fc.integer({ min: 0, max: 1000 }),
    resolved: fc.boolean(),
    responseMet: fc.option(fc.boolean(), { nil: null }),
    resolutionMet: fc.option(fc.boolean(), { nil: null }),
    resolveBusinessMs: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
    resolveWallMs: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
    functionalEscalations: fc.nat(3),
    hierarchicalEscalations: fc.nat(2),
    reopens: fc.nat(2),
    bouncedBack: fc.boolean(),
    cost: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  });

  test('gives exactly the plain definitions, per group and in total, for any facts', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), fc.constantFrom('priority', 'category', 'tier', 'owner', 'hour'), (facts, groupBy) => {
        const { rows, total } = deskMetrics(facts, groupBy, 100, 900);
        const inRange = facts.filter((f) => f.createdAt >= 100 && f.createdAt < 900);
        expect(total).toEqual(plainRow('all', inRange));
        const keys = [...new Set(inRange.map((f) => f[groupBy]))].sort();
        expect(rows).toEqual(keys.map((key) => plainRow(key, inRange.filter((f) => f[groupBy] === key))));
      }),
      { numRuns: 300 },
    );
  });

  test('a row opens onto exactly the tickets it counts, SLA misses first and newest first within each', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), fc.constantFrom('priority', 'category', 'tier', 'owner', 'hour'), (facts, groupBy) => {
        const { rows, total } = deskMetrics(facts, groupBy, 100, 900);
        const standing = (f: TicketFacts) => (f.resolutionMet === false ? 0 : f.responseMet === false ? 1 : 2);
        for (const [key, row] of [...rows.map((r) => [r.key, r] as const), [null, total] as const]) {
          const behind = ticketsBehind(facts, groupBy, key, 100, 900);
          // The same tickets the row's figures were computed from…
          expect(plainRow(row.key, behind)).toEqual(row);
          expect(behind.every((f) => f.createdAt >= 100 && f.createdAt < 900 && (key === null || f[groupBy] === key))).toBe(true);
          // …in order: a missed resolution, then a missed response, then the rest; newest first within each.
          for (let i = 1; i < behind.length; i++) {
            const [a, b] = [behind[i - 1]!, behind[i]!];
            expect(standing(a) < standing(b) || (standing(a) === standing(b) && a.createdAt >= b.createdAt)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the tickets behind a row as CSV', () => {
  const base: TicketFacts = {
    ticketId: 't1',
    number: 'INC-000001',
    title: 'VPN drops',
    priority: 'P1',
    category: 'network',
    tier: 'L2',
    owner: 'agent-l1',
    hour: '09',
    createdAt: Date.UTC(2026, 10, 2, 9, 30),
    resolved: true,
    responseMet: true,
    resolutionMet: false,
    resolveBusinessMs: 5_400_000,
    resolveWallMs: 9_000_000,
    functionalEscalations: 1,
    hierarchicalEscalations: 2,
    reopens: 0,
    bouncedBack: false,
    cost: null,
  };

  test('one line per ticket in the order given, with names, outcomes and business hours', () => {
    const open: TicketFacts = { ...base, ticketId: 't2', number: 'INC-000002', title: 'Printer "jams", again', resolved: false, responseMet: null, resolutionMet: null, resolveBusinessMs: null, owner: '(unowned)' };
    const csv = ticketsCsv([base, open], (id) => (id === 'agent-l1' ? 'Alex Rivera' : id));
    expect(csv.split('\n')).toEqual([
      'number,title,priority,category,tier,first owner,created,response,resolution,resolved,time to resolve (business hours),functional escalations,management escalations,reopens',
      'INC-000001,VPN drops,P1,network,L2,Alex Rivera,2026-11-02T09:30:00.000Z,met,missed,yes,1.50,1,2,0',
      'INC-000002,"Printer ""jams"", again",P1,network,L2,(unowned),2026-11-02T09:30:00.000Z,open,open,no,,1,2,0',
      '',
    ]);
  });

  test('a title that starts like a formula stays text in a spreadsheet', () => {
    expect(ticketsCsv([{ ...base, title: '=HYPERLINK("http://x")' }]).split('\n')[1]).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });
});
