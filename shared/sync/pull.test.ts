import { describe, expect, test } from 'vitest';
import { AGENTS, NEW_TICKET, T0, TicketStory } from '../mutations/testing/harness';
import { parseLoginResponse } from '../api/auth';
import { parsePullPage } from './pull';
import { parsePushResponse } from './push';

/** A page as JSON, loosely typed so a test can damage or extend it anywhere. */
type Page = Record<string, unknown> & { changes: Array<Record<string, unknown>> };
const rec = (x: unknown) => x as Record<string, unknown>;
const valueOf = (sent: Page, i: number) => rec(sent.changes[i]!.value);

function page(): Page {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 't-1' });
  const json = JSON.parse(
    JSON.stringify({
      version: 1,
      cursor: '12',
      hasMore: false,
      lastMutationId: 0,
      serverTime: T0,
      changes: [{ kind: 'ticket', value: story.ticket }, ...story.agg!.events.map((value) => ({ kind: 'event', value }))],
    }),
  ) as Page;
  return json;
}

describe('parsePullPage', () => {
  test('reads a page as sent', () => {
    const { page: parsed, invalid } = parsePullPage(page());
    expect(invalid).toEqual([]);
    expect(parsed.changes.map((c) => c.kind)).toEqual(['ticket', 'event']);
  });

  test('ignores fields a newer server added, at any depth, and leaves what it was given as it was', () => {
    const sent = page();
    sent.region = 'eu-west';
    valueOf(sent, 0).slaTier = 'gold';
    rec(rec(valueOf(sent, 0).sla).response).pausedTotalMs = 0;
    rec(valueOf(sent, 0).requester).phone = '+1 555 0100';
    rec(valueOf(sent, 1).event).channelDetail = 'phone call';
    sent.changes[1]!.signature = 'abc';
    const copy = JSON.parse(JSON.stringify(sent)) as unknown;

    const { page: parsed, invalid } = parsePullPage(sent);
    expect(invalid).toEqual([]);
    expect(parsed).not.toHaveProperty('region');
    const ticket = parsed.changes[0]!;
    expect(ticket.kind === 'ticket' && ticket.value).toMatchObject({ id: 't-1', requester: { name: NEW_TICKET.requester.name } });
    expect(ticket).not.toHaveProperty('value.slaTier');
    expect(ticket).not.toHaveProperty('value.sla.response.pausedTotalMs');
    expect(ticket).not.toHaveProperty('value.requester.phone');
    expect(parsed.changes[1]).not.toHaveProperty('value.event.channelDetail');
    expect(sent).toEqual(copy);
  });

  test('still skips (and reports) a change with a wrong or missing field, new fields or not', () => {
    const sent = page();
    valueOf(sent, 0).priority = 'P9';
    valueOf(sent, 0).slaTier = 'gold';
    delete valueOf(sent, 1).seq;
    const { page: parsed, invalid } = parsePullPage(sent);
    expect(parsed.changes).toEqual([]);
    expect(invalid.map((i) => i.index)).toEqual([0, 1]);
  });

  test('a page in a newer protocol version says to update Tierdesk', () => {
    expect(() => parsePullPage({ ...page(), version: 2 })).toThrow('pull response: version: the server speaks sync protocol 2 and this Tierdesk speaks 1: update Tierdesk to sync');
  });

  test('refuses a page that is not a pull response', () => {
    const sent = page();
    delete sent.cursor;
    expect(() => parsePullPage(sent)).toThrow(/cursor/);
  });
});

describe('other answers from a newer server', () => {
  test('a push answer with a field this version does not know is read; a wrong one is still refused, naming the field', () => {
    const answer = { version: 1, lastMutationId: 2, serverTime: T0, results: [{ id: 2, status: 'applied', queuePosition: 1 }], region: 'eu-west' };
    expect(parsePushResponse(answer)).toEqual({ version: 1, lastMutationId: 2, serverTime: T0, results: [{ id: 2, status: 'applied' }] });
    expect(() => parsePushResponse({ ...answer, lastMutationId: 'two' })).toThrow(/push response: lastMutationId/);
    expect(() => parsePushResponse({ ...answer, version: 3 })).toThrow(/update Tierdesk to sync/);
  });

  test('a login answer with a field this version does not know is read', () => {
    const answer = { token: 'x'.repeat(43), expiresAt: T0 + 3_600_000, agent: AGENTS.l1, serverTime: T0, mfa: false };
    expect(parseLoginResponse(answer)).not.toHaveProperty('mfa');
  });
});
