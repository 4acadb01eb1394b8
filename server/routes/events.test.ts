import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../app';
import { PokeBus } from '../sync/poke-bus';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let url: string;
let token: string;
const bus = new PokeBus();
let close: () => Promise<void>;

beforeAll(async () => {
  server = await startTestServer({ tickets: 0 });
  const app = await buildApp({ db: server.db, config: { corsOrigins: [], tokenTtlMs: 3600_000 }, pokes: bus, heartbeatMs: 100, now: () => server.clock.now });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  close = () => app.close();
  token = await server.login();
});
afterAll(async () => {
  await close();
  await server.close();
});

async function readUntil(res: Response, predicate: (text: string) => boolean, timeoutMs = 3000): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!predicate(text)) {
    if (Date.now() > deadline) throw new Error(`stream did not match in time; got: ${text}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text;
}

describe('GET /v1/events', () => {
  test('returns 401 without a token', async () => {
    const res = await fetch(`${url}/v1/events`);
    expect(res.status).toBe(401);
  });

  test('streams a poke to every connected client, with heartbeats in between', async () => {
    const open = () => fetch(`${url}/v1/events`, { headers: { authorization: `Bearer ${token}` } });
    const [a, b] = await Promise.all([open(), open()]);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/text\/event-stream/);
    await expect.poll(() => bus.size).toBe(2);
    setTimeout(() => bus.poke(42), 250);
    const [textA, textB] = await Promise.all([
      readUntil(a, (t) => t.includes('event: poke')),
      readUntil(b, (t) => t.includes('event: poke')),
    ]);
    for (const text of [textA, textB]) {
      expect(text).toMatch(/^retry: 3000/);
      expect(text).toContain('data: {"rev":42}');
      expect(text).toContain(': heartbeat');
    }
    await expect.poll(() => bus.size).toBe(0);
  });
});

describe('shutdown', () => {
  test('ends open event streams so the server can close', async () => {
    const own = await buildApp({ db: server.db, config: { corsOrigins: [], tokenTtlMs: 3600_000 }, now: () => server.clock.now });
    const ownUrl = await own.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${ownUrl}/v1/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const reading = readUntil(res, () => false, 5000).catch((e: unknown) => String(e));
    await own.close();
    expect(await reading).toMatch(/^retry: 3000/);
  });
});
