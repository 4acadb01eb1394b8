import { ApiErrorSchema } from '../../../shared/api/error';
import { parseLoginResponse, type LoginResponse } from '../../../shared/api/auth';
import { parsePullPage, parseSnapshotPage, type PullResponse, type SnapshotPage } from '../../../shared/sync/pull';
import { parsePushResponse, type PushRequest, type PushResponse } from '../../../shared/sync/push';

/** The server could not be reached (offline, server down, timeout). */
export class OfflineError extends Error {
  constructor(cause: unknown) {
    super('the ticket server cannot be reached', { cause });
    this.name = 'OfflineError';
  }
}

/** The server answered with an error body {error, field?, message}. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export type Exchange<T> = {
  body: T;
  /** Local clock just before the request and just after the answer: the offset is measured from their midpoint. */
  sentAt: number;
  receivedAt: number;
};

const TIMEOUT_MS = 15_000;

/** A pull page as read, with how many of its changes this version could not read (skipped, never silently). */
type PageRead = PullResponse & { unreadable: number };

/** A snapshot page as read (see PageRead). */
export type SnapshotRead = SnapshotPage & { unreadable: number };

/** A page read with `parse`, the changes this version cannot read counted and said in the console. */
function readWith<P>(parse: (json: unknown) => { page: P; invalid: unknown[] }, what: string): (json: unknown) => P & { unreadable: number } {
  return (json) => {
    const { page, invalid } = parse(json);
    if (invalid.length) console.warn(`${what}: skipped ${invalid.length} change(s) this version cannot read`, invalid.slice(0, 5));
    return { ...page, unreadable: invalid.length };
  };
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token: string | null = null,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly localNow: () => number = Date.now,
  ) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  private async request<T>(path: string, init: RequestInit, parse: (body: unknown) => T): Promise<Exchange<T>> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('authorization', `Bearer ${this.token}`);
    const sentAt = this.localNow();
    let res: Response;
    try {
      res = await this.fetchImpl(new URL(path, this.baseUrl), { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new OfflineError(error);
    }
    const receivedAt = this.localNow();
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const parsed = ApiErrorSchema.safeParse(json);
      if (parsed.success) throw new ApiRequestError(res.status, parsed.data.error, parsed.data.message, parsed.data.field);
      // Not our server's error shape (a proxy's 502 page, say): treat as unreachable.
      if (res.status >= 500) throw new OfflineError(new Error(`HTTP ${res.status}`));
      throw new ApiRequestError(res.status, 'http_error', `the server answered HTTP ${res.status}`);
    }
    return { body: parse(json), sentAt, receivedAt };
  }

  login(email: string, password: string): Promise<Exchange<LoginResponse>> {
    return this.request(
      '/v1/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) },
      parseLoginResponse,
    );
  }

  /** A page, with how many of its changes this client could not read (skipped; see parsePullPage). */
  pull(cursor: string, limit: number, clientId?: string): Promise<Exchange<PageRead>> {
    const query = new URLSearchParams({ cursor, limit: String(limit), ...(clientId ? { clientId } : {}) });
    return this.request(`/v1/pull?${query}`, { method: 'GET' }, readWith(parsePullPage, 'pull'));
  }

  /** A page of the desk as it is now, by ticket id (server/sync/snapshot.ts): `after` the last id of the page before, `cursor` the first page's. */
  snapshot(after: string, cursor: string | null, limit: number, clientId?: string): Promise<Exchange<SnapshotRead>> {
    const query = new URLSearchParams({ after, limit: String(limit), ...(cursor !== null ? { cursor } : {}), ...(clientId ? { clientId } : {}) });
    return this.request(`/v1/pull/snapshot?${query}`, { method: 'GET' }, readWith(parseSnapshotPage, 'snapshot'));
  }

  /** The agent's most urgent work, asked for ahead of a bootstrap (server/sync/first-work.ts); moves no cursor. */
  firstWork(): Promise<Exchange<PageRead>> {
    return this.request('/v1/pull/first-work', { method: 'GET' }, readWith(parsePullPage, 'first-work'));
  }

  push(request: PushRequest): Promise<Exchange<PushResponse>> {
    return this.request(
      '/v1/push',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
      parsePushResponse,
    );
  }

  /** The live-hint stream (server-sent events); read with readEventStream. */
  async events(signal: AbortSignal): Promise<Response> {
    const headers = new Headers({ accept: 'text/event-stream' });
    if (this.token) headers.set('authorization', `Bearer ${this.token}`);
    let res: Response;
    try {
      res = await this.fetchImpl(new URL('/v1/events', this.baseUrl), { headers, signal });
    } catch (error) {
      throw new OfflineError(error);
    }
    if (res.status === 401) throw new ApiRequestError(401, 'unauthorized', 'sign in again');
    if (!res.ok || !res.body) throw new OfflineError(new Error(`HTTP ${res.status}`));
    return res;
  }
}

/** Server clock minus local clock, assuming the server read its clock halfway through the exchange. */
export function measureOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}
