import type { ApiClient } from './api-client';

export type ServerSentEvent = { event: string; data: string };

/**
 * Splits a server-sent-events byte stream into events (comments and
 * heartbeats are skipped). `onBytes` hears every chunk, heartbeats included:
 * the sign that the stream is still alive.
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>, onBytes?: () => void): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onBytes?.();
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith(':')) continue;
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
        if (data.length || event !== 'message') yield { event, data: data.join('\n') };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

export type LiveHintsOptions = {
  /** First wait before reconnecting (doubles per failed attempt, up to 60 s). */
  retryMinMs?: number;
  /** Silence after which the stream counts as dead (the server sends a heartbeat every 15 s). */
  stallMs?: number;
};

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;
/** Two missed heartbeats (server/routes/events.ts: every 15 s) and a margin. */
export const STALL_MS = 40_000;

type Callbacks = {
  /** Pull now: a poke, or a (re)connect (whatever was poked meanwhile is pulled then). */
  onHint(): void;
  onUnauthorized(): void;
  /**
   * The stream was up and has gone: the server stopped, the network dropped,
   * or it fell silent past `stallMs` (a connection lost without a reset sends
   * nothing at all). Check the server now, so the agent sees "Offline" within
   * seconds instead of at the next poll.
   */
  onLost(): void;
};

/**
 * Listens for "pull now" hints over /v1/events (fetch, so the bearer token
 * goes in a header, not the URL), and reconnects with backoff when the
 * stream ends, fails or stalls.
 */
export class LiveHints {
  private abort: AbortController | undefined;
  private retryMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly retryMinMs: number;
  private readonly stallMs: number;

  constructor(
    private readonly api: Pick<ApiClient, 'events'>,
    private readonly on: Callbacks,
    options: LiveHintsOptions = {},
  ) {
    this.retryMinMs = options.retryMinMs ?? RETRY_MIN_MS;
    this.stallMs = options.stallMs ?? STALL_MS;
    this.retryMs = this.retryMinMs;
  }

  start(): void {
    this.stop();
    this.abort = new AbortController();
    void this.connect(this.abort.signal);
  }

  stop(): void {
    this.abort?.abort();
    clearTimeout(this.timer);
  }

  private async connect(signal: AbortSignal): Promise<void> {
    // One controller per attempt: stop() aborts it, and so does a stall.
    const attempt = new AbortController();
    const stopAttempt = () => attempt.abort();
    signal.addEventListener('abort', stopAttempt, { once: true });
    let stall: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(stall);
      stall = setTimeout(stopAttempt, this.stallMs);
    };
    let connected = false;
    try {
      alive();
      const res = await this.api.events(attempt.signal);
      connected = true;
      this.retryMs = this.retryMinMs;
      for await (const message of readEventStream(res.body!, alive)) {
        if (message.event === 'hello' || message.event === 'poke') this.on.onHint();
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof Error && error.name === 'ApiRequestError') {
        this.on.onUnauthorized();
        return;
      }
    } finally {
      clearTimeout(stall);
      signal.removeEventListener('abort', stopAttempt);
    }
    if (signal.aborted) return;
    if (connected) this.on.onLost();
    const delay = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.timer = setTimeout(() => void this.connect(signal), delay + Math.random() * 500);
  }
}
