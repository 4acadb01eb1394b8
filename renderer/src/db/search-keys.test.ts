import { describe, expect, test } from 'vitest';
import { makeTicket } from '../test/tickets';
import { FACET, queryWords, searchKeysOf } from './search-keys';

const T0 = Date.UTC(2026, 10, 24, 9, 0);

describe('search keys', () => {
  test('index the number, title, service and requester of a ticket as words', () => {
    const ticket = makeTicket(123, { createdAt: T0, title: 'VPN drops every hour', requester: { name: 'Zoë Müller', email: 'zoe.mueller@example.com', vip: false } });
    const keys = searchKeysOf(ticket, true);
    expect(keys).toEqual(expect.arrayContaining(['123', 'vpn', 'drops', 'every', 'hour', 'zoe', 'muller', 'zoe.mueller@example.com']));
  });

  test('give open tickets their filter facets and closed tickets only the done mark', () => {
    const open = makeTicket(1, { createdAt: T0, priority: 'P2', severity: 'S1', requester: { name: 'Big Boss', email: 'boss@example.com', vip: true } });
    expect(searchKeysOf(open, true)).toEqual(expect.arrayContaining(['#c:network', '#s:S1', '#p:P2', '#vip']));
    expect(searchKeysOf({ ...open, status: 'resolved' }, false)).toEqual([FACET.done]);
  });

  test('mark tickets waiting for acceptance in a tier and tickets with a paused clock', () => {
    const pending = makeTicket(1, { createdAt: T0, status: 'pending_acceptance', tier: 'L2', group: 'network-ops', assignee: null });
    expect(searchKeysOf(pending, true)).toContain('#pa:network-ops');
    const paused = { ...pending, status: 'on_hold' as const, sla: { ...pending.sla, resolution: { ...pending.sla.resolution, state: 'paused' as const } } };
    expect(searchKeysOf(paused, true)).toContain(FACET.pausedIn('network-ops'));
    expect(searchKeysOf(paused, true)).not.toContain(FACET.skipRequestedIn('network-ops'));
  });

  test('mark tickets whose tier skip waits for a lead, in their group', () => {
    const note = { steps: [], businessImpact: '', workaround: 'none', involved: [], nextTierNeeds: '', kbArticlesChecked: [], category: 'network', priority: 'P1' as const };
    const skipRequest = { toTier: 'L3' as const, trigger: 'troubleshooting_exhausted', reason: 'Firmware patch', note, by: 'agent-l1', role: 'l1_agent' as const, at: T0 };
    const asking = makeTicket(1, { createdAt: T0, skipRequest });
    expect(searchKeysOf(asking, true)).toContain('#sk:service-desk');
    expect(searchKeysOf({ ...asking, skipRequest: null }, true)).not.toContain('#sk:service-desk');
  });

  test('turn a typed query into index prefixes', () => {
    expect(queryWords('INC-000123')).toEqual(['123']);
    expect(queryWords('inc-7')).toEqual(['7']);
    expect(queryWords('  vpn   Müller ')).toEqual(['vpn', 'muller']);
    expect(queryWords('ava.adams@exa')).toEqual(['ava.adams@exa']);
    expect(queryWords('a vpn')).toEqual(['vpn']);
  });
});
