import { afterEach, describe, expect, test, vi } from 'vitest';
import { OfflineError } from './api-client';
import { LiveHints, readEventStream } from './live-hints';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('readEventStream', () => {
  test('splits events across arbitrary chunk boundaries and skips heartbeats', async () => {
    const events = [];
    for await (const e of readEventStream(streamOf(['retry: 3000\n\nevent: hel', 'lo\ndata: {}\n\n: heartbeat\n\n', 'event: poke\r\ndata: {"rev":4', '2}\r\n\r\n']))) {
      events.push(e);
    }
    expect(events).toEqual([
      { event: 'hello', data: '{}' },
      { event: 'poke', data: '{"rev":42}' },
    ]);
  });
});

/** A stream the test writes to: `send` a chunk, `end` it, or leave it silent. */
function controlledStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    body,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: (error: unknown) => controller.error(error),
  };
}

/** An API whose n-th events() call gets the n-th script (connection refused when there is none). */
function fakeApi(scripts: Array<(stream: ReturnType<typeof controlledStream>, signal: AbortSignal) => void>) {
  const signals: AbortSignal[] = [];
  return {
    signals,
    events: vi.fn(async (signal: AbortSignal) => {
      signals.push(signal);
      const script = scripts[signals.length - 1];
      if (!script) throw new OfflineError(new TypeError('Failed to fetch'));
      const stream = controlledStream();
      // An aborted fetch errors its body, so a pending read fails, as in a browser.
      signal.addEventListener('abort', () => stream.fail(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
      script(stream, signal);
      return { body: stream.body } as Response;
    }),
  };
}

function listen(api: ReturnType<typeof fakeApi>, options: { stallMs?: number } = {}) {
  const calls = { hint: 0, lost: 0, unauthorized: 0 };
  const hints = new LiveHints(
    api,
    { onHint: () => calls.hint++, onLost: () => calls.lost++, onUnauthorized: () => calls.unauthorized++ },
    { retryMinMs: 5, stallMs: options.stallMs ?? 5_000 },
  );
  hints.start();
  return { hints, calls };
}

describe('LiveHints', () => {
  let running: LiveHints | undefined;
  afterEach(() => running?.stop());

  test('a stream that was up and ends is reported lost once, then reconnects (the hello is a hint)', async () => {
    const api = fakeApi([
      (s) => {
        s.send('event: hello\ndata: {}\n\n');
        setTimeout(() => s.end(), 10);
      },
      (s) => s.send('event: hello\ndata: {}\n\n'),
    ]);
    const { hints, calls } = listen(api);
    running = hints;
    await vi.waitFor(() => expect(calls.hint).toBe(2));
    expect(calls.lost).toBe(1);
    expect(api.events).toHaveBeenCalledTimes(2);
  });

  test('a stream gone silent (no heartbeat) counts as lost and is reconnected; heartbeats keep it alive', async () => {
    const api = fakeApi([
      (s) => {
        s.send('event: hello\ndata: {}\n\n');
        // Heartbeats for 300 ms (the stall limit is 120 ms), then nothing: a dead connection sends no end.
        let beats = 0;
        const timer = setInterval(() => (++beats > 15 ? clearInterval(timer) : s.send(': heartbeat\n\n')), 20);
      },
      (s) => s.send('event: hello\ndata: {}\n\n'),
    ]);
    const { hints, calls } = listen(api, { stallMs: 120 });
    running = hints;
    await new Promise((r) => setTimeout(r, 250));
    expect(calls.lost).toBe(0);
    await vi.waitFor(() => expect(calls.lost).toBe(1), { timeout: 2_000 });
    expect(api.signals[0]!.aborted).toBe(true);
    await vi.waitFor(() => expect(calls.hint).toBe(2));
  });

  test('a server that cannot be reached is not reported lost on every retry, and stop() ends the retries', async () => {
    const api = fakeApi([]);
    const { hints, calls } = listen(api);
    // Three tries take ~35 ms of backoff; a machine busy with the whole suite can stretch that well past a second.
    await vi.waitFor(() => expect(api.events.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    hints.stop();
    const tried = api.events.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(api.events.mock.calls.length).toBe(tried);
    expect(calls).toEqual({ hint: 0, lost: 0, unauthorized: 0 });
  });

  test('stop() while connected is not a loss', async () => {
    const api = fakeApi([(s) => s.send('event: hello\ndata: {}\n\n')]);
    const { hints, calls } = listen(api);
    await vi.waitFor(() => expect(calls.hint).toBe(1));
    hints.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.lost).toBe(0);
    expect(api.events).toHaveBeenCalledTimes(1);
  });
});
