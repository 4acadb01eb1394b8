import type { ApiClient } from './api-client';

export type ServerSentEvent = { event: string; data: string };

/** Splits a server-sent-events byte stream into events (comments and heartbeats are skipped). */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
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

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/**
 * Listens for "pull now" hints over /v1/events (fetch, so the bearer token
 * goes in a header, not the URL). Every (re)connect also counts as a hint:
 * whatever was poked while disconnected is pulled then.
 */
export class LiveHints {
  private abort: AbortController | undefined;
  private retryMs = RETRY_MIN_MS;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: ApiClient,
    private readonly onHint: () => void,
    private readonly onUnauthorized: () => void,
  ) {}

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
    try {
      const res = await this.api.events(signal);
      this.retryMs = RETRY_MIN_MS;
      for await (const message of readEventStream(res.body!)) {
        if (message.event === 'hello' || message.event === 'poke') this.onHint();
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof Error && error.name === 'ApiRequestError') {
        this.onUnauthorized();
        return;
      }
    }
    if (signal.aborted) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.timer = setTimeout(() => void this.connect(signal), delay + Math.random() * 500);
  }
}
