import { describe, expect, test } from 'vitest';
import { readEventStream } from './live-hints';

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
