import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../../shared/alerts/alert-settings';
import type { NotificationRequest, TierdeskBridge } from '../../../../shared/ipc/contract';
import { TierdeskDb } from '../../db/db';
import { makeTicket } from '../../test/tickets';
import { L1, L2, LEAD } from '../../test/workspace-harness';
import { resetWatchList, setWatched } from '../alerts/watch-list';
import { workNewsNotification, workNewsToShow, notifyWorkNews } from './work-news-notification';

// 15:00 UTC on a Tuesday.
const T0 = Date.UTC(2026, 10, 24, 15);
let db: TierdeskDb;

beforeEach(async () => {
  db = new TierdeskDb(`work-news-${Math.random()}`);
  await db.agents.bulkPut([L1, L2, LEAD]);
  await db.tickets.bulkPut([
    makeTicket(86, { createdAt: T0, title: 'Shared mailbox missing' }),
    makeTicket(87, { createdAt: T0, title: 'Core switch down', severity: 'S1' }),
    makeTicket(88, { createdAt: T0, title: 'Taken back', assignee: 'agent-l1b' }),
    makeTicket(89, { createdAt: T0, title: 'Closed meanwhile', status: 'resolved' }),
    makeTicket(120, { createdAt: T0, title: 'BGP session flapping', tier: 'L2', group: 'network-ops', status: 'pending_acceptance', assignee: null }),
    makeTicket(121, { createdAt: T0, title: 'Accepted by a colleague', tier: 'L2', group: 'network-ops', status: 'in_progress', assignee: 'agent-l2b' }),
    makeTicket(122, { createdAt: T0, title: 'Another L2 group', tier: 'L2', group: 'server-ops', status: 'pending_acceptance', assignee: null }),
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const given = (n: number, by = LEAD.id, at = T0) => ({ kind: 'given' as const, ticketId: `t-${n}`, by, reason: `reason ${n}`, at });
const escalated = (n: number, by = L1.id, kind: 'escalated' | 'returned' = 'escalated') => ({ ...given(n, by), kind });

function bridgeWith(settings: AlertSettings = DEFAULT_ALERT_SETTINGS, pausedUntil: number | null = null): TierdeskBridge & { shown: NotificationRequest[] } {
  const shown: NotificationRequest[] = [];
  return {
    shown,
    getAlertSettings: vi.fn(async () => settings),
    getAlertPause: vi.fn(async () => ({ pausedUntil })),
    showNotification: vi.fn(async (request: NotificationRequest) => {
      shown.push(request);
      return true;
    }),
  } as unknown as TierdeskBridge & { shown: NotificationRequest[] };
}

const elsewhere = () => false;

describe('work news desktop notification', () => {
  test('one ticket: who gave it, which and why; a click opens it', async () => {
    const bridge = bridgeWith();
    expect(await notifyWorkNews(db, bridge, L1, [given(86)], T0, elsewhere)).toBe(true);
    expect(bridge.shown).toEqual([{ title: 'Jordan Blake gave you INC-000086', body: 'Shared mailbox missing — reason 86', ticketNumber: 'INC-000086' }]);
  });

  test('nothing while the agent is looking at Tierdesk: the notice in the status bar is enough', async () => {
    const bridge = bridgeWith();
    expect(await notifyWorkNews(db, bridge, L1, [given(86)], T0, () => true)).toBe(false);
    expect(bridge.showNotification).not.toHaveBeenCalled();
  });

  test('tickets taken back or closed before the sync ended are left out; nothing left means no notification', async () => {
    const bridge = bridgeWith();
    expect(await notifyWorkNews(db, bridge, L1, [given(88), given(89), { ...given(90) }], T0, elsewhere)).toBe(false);
    expect(bridge.showNotification).not.toHaveBeenCalled();
  });

  test('quiet hours hold it, except for an S1', async () => {
    // 14:00–16:00 UTC is quiet; T0 is inside.
    const bridge = bridgeWith({ ...DEFAULT_ALERT_SETTINGS, quietHours: { from: '14:00', to: '16:00', timeZone: 'UTC' } });
    expect(await notifyWorkNews(db, bridge, L1, [given(86)], T0, elsewhere)).toBe(false);
    expect(await notifyWorkNews(db, bridge, L1, [given(86), given(87)], T0, elsewhere)).toBe(true);
    expect(bridge.shown).toEqual([{ title: 'Jordan Blake gave you INC-000087', body: 'S1 · Core switch down — reason 87', ticketNumber: 'INC-000087' }]);
    // After the quiet hours, both.
    const quiet = { quietHours: { from: '14:00', to: '16:00', timeZone: 'UTC' }, shift: null, pausedUntil: null };
    expect((await workNewsToShow(db, L1, [given(86), given(87)], quiet, T0 + 2 * 3_600_000)).map((n) => n.ticketId)).toEqual(['t-87', 't-86']);
  });

  test('a pause holds it until it ends, except for an S1', async () => {
    const bridge = bridgeWith(DEFAULT_ALERT_SETTINGS, T0 + 3_600_000);
    expect(await notifyWorkNews(db, bridge, L1, [given(86)], T0, elsewhere)).toBe(false);
    expect(await notifyWorkNews(db, bridge, L1, [given(86), given(87)], T0, elsewhere)).toBe(true);
    expect(bridge.shown.map((n) => n.ticketNumber)).toEqual(['INC-000087']);
    const paused = { ...DEFAULT_ALERT_SETTINGS, pausedUntil: T0 + 3_600_000 };
    expect((await workNewsToShow(db, L1, [given(86)], paused, T0 + 3_600_000)).map((n) => n.ticketId)).toEqual(['t-86']);
  });

  test('a ticket moved to my tier: who moved it and what the tier needs, while it waits in one of my groups', async () => {
    const bridge = bridgeWith();
    expect(await notifyWorkNews(db, bridge, L2, [escalated(120), escalated(121), escalated(122)], T0, elsewhere)).toBe(true);
    expect(bridge.shown).toEqual([{ title: 'Alex Rivera escalated INC-000120 to L2', body: 'BGP session flapping — reason 120', ticketNumber: 'INC-000120' }]);
    // Sent back down by the tier above, or moved by the escalation matrix.
    const notice = { ...escalated(120, L2.id, 'returned'), ticket: makeTicket(120, { createdAt: T0, tier: 'L1' }) };
    expect(workNewsNotification([notice], new Map([[L2.id, L2]]), L1.id)?.title).toBe('Sam Okafor sent INC-000120 back to L1');
    expect(workNewsNotification([{ ...notice, kind: 'escalated', automatic: true }], new Map(), L1.id)?.title).toBe('Tierdesk escalated INC-000120 to L1');
  });

  test("a colleague's note on a ticket I own: who wrote on which; three notes are one notification, the newest", async () => {
    const bridge = bridgeWith();
    const note = (n: number, at: number, text: string) => ({ ...given(n, L2.id, at), kind: 'noted' as const, reason: text });
    expect(await notifyWorkNews(db, bridge, L1, [note(86, T0, 'first'), note(86, T0 + 2, 'Router replaced, please confirm with the user'), note(86, T0 + 1, 'second'), note(88, T0, 'not mine')], T0, elsewhere)).toBe(true);
    expect(bridge.shown).toEqual([{ title: 'Sam Okafor wrote a note on INC-000086', body: 'Shared mailbox missing — Router replaced, please confirm with the user', ticketNumber: 'INC-000086' }]);
  });

  test("a colleague's note on a ticket I watch, though not mine, says that I watch it; unwatched, it is not news", async () => {
    const noted = { ...given(88, L2.id), kind: 'noted' as const, reason: 'Swapped the PSU' };
    expect(await notifyWorkNews(db, bridgeWith(), L1, [noted], T0, elsewhere)).toBe(false);
    setWatched('t-88', true);
    try {
      const bridge = bridgeWith();
      expect(await notifyWorkNews(db, bridge, L1, [noted], T0, elsewhere)).toBe(true);
      expect(bridge.shown).toEqual([{ title: 'Sam Okafor wrote a note on INC-000088, which you watch', body: 'Taken back — Swapped the PSU', ticketNumber: 'INC-000088' }]);
    } finally {
      localStorage.clear();
      resetWatchList();
    }
  });

  test('a reopened ticket of mine and a decision on my skip request say who and what', () => {
    const agents = new Map([[LEAD.id, LEAD]]);
    const ticket = makeTicket(86, { createdAt: T0, title: 'Shared mailbox missing' });
    const said = (kind: 'reopened' | 'resolved' | 'skip_approved' | 'skip_declined', reason: string, tier: 'L1' | 'L3' = 'L1') =>
      workNewsNotification([{ ...given(86), kind, reason, ticket: { ...ticket, tier } }], agents, L1.id);
    expect(said('reopened', 'The mailbox is gone again')).toMatchObject({ title: 'Jordan Blake reopened INC-000086', body: 'Shared mailbox missing — The mailbox is gone again' });
    expect(said('skip_approved', '', 'L3')).toMatchObject({ title: 'Jordan Blake approved your skip of INC-000086 to L3', body: 'Shared mailbox missing' });
    expect(said('skip_declined', 'L2 can patch it')?.title).toBe('Jordan Blake declined your request to skip INC-000086');
    expect(said('resolved', 'Recreated the mailbox')).toMatchObject({ title: 'Jordan Blake resolved INC-000086', body: 'Shared mailbox missing — Recreated the mailbox' });
    const handedOver = { ...given(86), kind: 'resolved' as const, reason: 'Recreated the mailbox', handedOver: true as const, ticket: { ...ticket, assignee: 'agent-l2' } };
    expect(workNewsNotification([handedOver], agents, L1.id)?.title).toBe('Jordan Blake resolved INC-000086, which you handed over');
  });

  test('several at once: one notification, most severe first, saying what kind of work came', () => {
    const notice = (n: number, severity: 'S1' | 'S2', by = LEAD.id) => ({ ...given(n, by), ticket: makeTicket(n, { createdAt: T0, severity }) });
    const agents = new Map([[LEAD.id, LEAD]]);
    expect(workNewsNotification([notice(87, 'S1'), notice(86, 'S2')], agents, L1.id)).toEqual({
      title: '2 tickets were given to you',
      body: 'S1 · INC-000087, INC-000086',
      ticketNumber: 'INC-000087',
    });
    const five = [notice(1, 'S2'), notice(2, 'S2', L2.id), notice(3, 'S2'), notice(4, 'S2'), notice(5, 'S2')];
    expect(workNewsNotification(five, agents, L1.id)).toMatchObject({ title: '5 tickets were given to you', body: 'INC-000001, INC-000002, INC-000003 and 2 more' });
    const toAccept = five.map((n) => ({ ...n, kind: 'escalated' as const }));
    expect(workNewsNotification(toAccept, agents, L1.id)?.title).toBe('5 tickets wait for your acceptance');
    expect(workNewsNotification([...toAccept.slice(0, 2), notice(6, 'S2')], agents, L1.id)?.title).toBe('3 updates for you: 1 given to you, 2 to accept');
    const noted = five.map((n) => ({ ...n, kind: 'noted' as const }));
    expect(workNewsNotification(noted.slice(0, 2), agents, L1.id)?.title).toBe('2 tickets have new notes');
    expect(workNewsNotification([noted[0]!, toAccept[1]!, notice(6, 'S2')], agents, L1.id)?.title).toBe('3 updates for you: 1 given to you, 1 to accept, 1 with new notes');
    expect(workNewsNotification(five.slice(0, 2).map((n) => ({ ...n, kind: 'resolved' as const })), agents, L1.id)?.title).toBe('2 tickets were resolved');
    expect(workNewsNotification([], agents, L1.id)).toBeNull();
  });

  test('a bridge that fails is reported, never thrown: the in-app notice stands', async () => {
    const bridge = bridgeWith();
    vi.mocked(bridge.showNotification).mockRejectedValueOnce(new Error('notifications blocked'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await notifyWorkNews(db, bridge, L1, [given(86)], T0, elsewhere)).toBe(false);
    expect(warn).toHaveBeenCalledWith('work news notification not shown', expect.any(Error));
    warn.mockRestore();
  });
});
