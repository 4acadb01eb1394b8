import type { ArgsInput, MutationName } from '../../shared/mutations/mutations';
import { parsePullResponse, type PullResponse } from '../../shared/sync/pull';
import type { TestServer } from './test-server';

/** A minimal sync client for route tests: numbered mutations, push, pull. */
export class TestClient {
  private nextId = 1;
  cursor = '0';

  constructor(
    readonly server: TestServer,
    readonly token: string,
    readonly clientId = `client-${Math.random().toString(36).slice(2, 10)}`,
  ) {}

  entry<N extends MutationName>(name: N, args: ArgsInput<N>, id = this.nextId++, clientTime = this.server.clock.now) {
    return { id, name, args, clientTime };
  }

  rawPush(body: unknown, contentType = 'application/json'): Promise<Response> {
    return fetch(`${this.server.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async push(...mutations: Array<ReturnType<TestClient['entry']>>) {
    const res = await this.rawPush({ version: 1, clientId: this.clientId, mutations });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { results?: Array<Record<string, unknown>>; lastMutationId?: number } };
  }

  async pull(limit = 2000): Promise<PullResponse> {
    const res = await fetch(`${this.server.url}/v1/pull?cursor=${this.cursor}&limit=${limit}&clientId=${this.clientId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) throw new Error(`pull ${res.status}: ${await res.text()}`);
    const page = parsePullResponse(await res.json());
    this.cursor = page.cursor;
    return page;
  }

  /** Pulls until caught up; returns every change seen. */
  async pullAll(): Promise<PullResponse['changes'] & { lastMutationId?: number }> {
    const all: PullResponse['changes'] & { lastMutationId?: number } = [];
    for (;;) {
      const page = await this.pull();
      all.push(...page.changes);
      all.lastMutationId = page.lastMutationId;
      if (!page.hasMore) return all;
    }
  }
}

export async function ticketIdOfNumber(server: TestServer, predicate: (t: { status: string; group: string; tier: string; assignee: string | null }) => boolean): Promise<string> {
  const rows = await server.db.selectFrom('tickets').select(['id', 'data']).execute();
  const row = rows.find((r) => predicate(JSON.parse(r.data) as never));
  if (!row) throw new Error('no ticket matches');
  return row.id;
}

/** createTicket args for a P3 hardware call (medium impact and urgency, S3, by phone): the ticket route tests start from. */
export const newTicket = (ticketId: string) =>
  ({
    ticketId,
    title: 'Laptop will not charge',
    description: 'The charger light stays off.',
    requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false },
    category: 'hardware',
    service: 'Laptops',
    impact: 'medium',
    urgency: 'medium',
    severity: 'S3',
    channel: 'phone',
  }) as const;
