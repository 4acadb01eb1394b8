import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ tickets: 5 });
});
afterAll(() => server.close());

const post = (path: string, body: string, contentType = 'application/json', token?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

describe('GET /v1/health', () => {
  test('answers without a token', async () => {
    const res = await fetch(`${server.url}/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, serverTime: server.clock.now });
  });
});

describe('POST /v1/auth/login', () => {
  test('returns a bearer token and the agent for the right password', async () => {
    const res = await post('/v1/auth/login', JSON.stringify({ email: 'L2.Engineer@demo.test', password: 'demo' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; agent: { role: string; tier: string } };
    expect(body.token.length).toBeGreaterThanOrEqual(40);
    expect(body.agent).toMatchObject({ role: 'l2_agent', tier: 'L2' });
  });

  test('refuses a wrong password and an unknown email alike with 401', async () => {
    const wrong = await post('/v1/auth/login', JSON.stringify({ email: 'l1.agent@demo.test', password: 'nope' }));
    const unknown = await post('/v1/auth/login', JSON.stringify({ email: 'ghost@demo.test', password: 'demo' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  test('stores passwords as scrypt hashes, never in plain text', async () => {
    const rows = await server.db.selectFrom('agents').select('password_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
      expect(row.password_hash).not.toContain('demo');
    }
  });

  test('answers 400 naming the problem for malformed JSON', async () => {
    const res = await post('/v1/auth/login', '{"email": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_json');
    expect(body.message).toMatch(/JSON/);
  });

  test('answers 415 for a body that is not JSON', async () => {
    const res = await post('/v1/auth/login', 'email=a&password=b', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
    const text = await post('/v1/auth/login', 'hello', 'text/plain');
    expect(text.status).toBe(415);
  });

  test('answers 400 naming the missing field', async () => {
    const res = await post('/v1/auth/login', JSON.stringify({ email: 'l1.agent@demo.test' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_input', field: 'password' });
  });

  test('refuses unknown fields', async () => {
    const res = await post('/v1/auth/login', JSON.stringify({ email: 'l1.agent@demo.test', password: 'demo', role: 'admin' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/role/);
  });

  test('answers 413 for a body over the limit', async () => {
    const res = await post('/v1/auth/login', JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'body_too_large' });
  });
});

describe('POST /v1/auth/logout', () => {
  test('revokes the token so it answers 401 afterwards', async () => {
    const token = await server.login();
    const pull = () => fetch(`${server.url}/v1/pull`, { headers: { authorization: `Bearer ${token}` } });
    expect((await pull()).status).toBe(200);
    const res = await fetch(`${server.url}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(204);
    expect((await pull()).status).toBe(401);
  });
});

describe('unknown routes', () => {
  test('answer 401 without a token and 404 as JSON with one', async () => {
    expect((await fetch(`${server.url}/v1/nope`)).status).toBe(401);
    const token = await server.login();
    const res = await fetch(`${server.url}/v1/nope`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('CORS', () => {
  test('allows the configured renderer origin and no other', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/pull`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('http://127.0.0.1:5317');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5317');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('login rate limit', () => {
  let fresh: TestServer;
  beforeEach(async () => {
    fresh = await startTestServer({ tickets: 1 });
  });
  afterEach(() => fresh.close());

  const attempt = (email: string, password: string) =>
    fetch(`${fresh.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  test('blocks an account after 100 failed sign-ins within an hour, then lets it in again', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await attempt('l3.engineer@demo.test', 'wrong')).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const blocked = await attempt('l3.engineer@demo.test', 'demo');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: 'rate_limited' });

    fresh.clock.now += 61 * 60 * 1000;
    expect((await attempt('l3.engineer@demo.test', 'demo')).status).toBe(200);
  });

  test('blocks an address that fails 100 times across accounts', async () => {
    for (let i = 0; i < 100; i++) await attempt(`guess${i}@demo.test`, 'wrong');
    expect((await attempt('l1.agent@demo.test', 'demo')).status).toBe(429);
  });
});
