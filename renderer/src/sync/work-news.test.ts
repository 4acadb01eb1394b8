import { describe, expect, test } from 'vitest';
import type { PullResponse } from '../../../shared/sync/pull';
import { fromRecord } from '../db/ticket-record';
import { makeTicket } from '../test/tickets';
import { L1, LEAD } from '../test/workspace-harness';
import { newsOf, stillForMe } from './work-news';

const NOW = Date.UTC(2026, 10, 25, 15);

/** A delta page with one resolution recorded on `ticketId` by `by`. */
function resolvedPage(ticketId: string, by: string, resolution: string): PullResponse {
  return {
    cursor: '1',
    hasMore: false,
    lastMutationId: 0,
    serverTime: NOW,
    unreadable: 0,
    changes: [{ kind: 'event', value: { id: 'e1', ticketId, seq: 9, event: { type: 'resolution_recorded', at: NOW - 60_000, by, role: 'lead', resolution, kbArticleId: null } } }],
  } as unknown as PullResponse;
}

describe('work news: resolutions', () => {
  test('a resolution someone else recorded is news, with its text; my own is not', () => {
    expect(newsOf(L1, resolvedPage('t-1', LEAD.id, 'Replaced the docking station.'))).toEqual([
      { kind: 'resolved', ticketId: 't-1', by: LEAD.id, reason: 'Replaced the docking station.', at: NOW - 60_000 },
    ]);
    expect(newsOf(L1, resolvedPage('t-1', L1.id, 'Mine'))).toEqual([]);
  });

  test('is for the owner or a watcher, while the ticket stays resolved', () => {
    const news = { kind: 'resolved' as const, ticketId: 't-1', by: LEAD.id, reason: 'Fixed', at: NOW };
    const resolvedMine = fromRecord(makeTicket(1, { createdAt: NOW - 3_600_000, status: 'resolved', assignee: L1.id }));
    const resolvedOthers = { ...resolvedMine, assignee: 'agent-l1b' };
    expect(stillForMe(news, resolvedMine, L1)).toBe(true);
    expect(stillForMe(news, resolvedOthers, L1)).toBe(false);
    expect(stillForMe(news, resolvedOthers, L1, new Set(['t-1']))).toBe(true);
    // Or for the agent who handed it on to the tier that resolved it (the puller marks it from the ticket's log).
    expect(stillForMe({ ...news, handedOver: true }, resolvedOthers, L1)).toBe(true);
    // Reopened or closed since: the timeline tells, the news is gone.
    expect(stillForMe(news, { ...resolvedMine, status: 'in_progress' }, L1)).toBe(false);
    expect(stillForMe(news, { ...resolvedMine, status: 'closed' }, L1)).toBe(false);
  });
});
