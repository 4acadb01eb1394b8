import { describe, expect, test } from 'vitest';
import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../../shared/sync/push';
import type { OutboxRow } from '../db/db';
import { nextBatch } from './pusher';

const row = (id: number, body: string): OutboxRow => ({
  id,
  name: 'addWorkNote',
  args: { ticketId: 't-1', noteId: `n-${id}`, body, visibility: 'internal' },
  clientTime: 1_000 + id,
  ticketId: 't-1',
  queuedAt: 1_000 + id,
});
const bytesOf = (batch: unknown[]) => new TextEncoder().encode(JSON.stringify(batch)).length;

describe('nextBatch', () => {
  test('cuts a backlog of long notes by size, counting bytes, not characters', () => {
    // 20,000 characters of two-byte letters: ~40 KB each in UTF-8.
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 1, 'ü'.repeat(20_000)));
    const batch = nextBatch(rows);
    expect(bytesOf(batch)).toBeLessThanOrEqual(PUSH_MAX_BYTES);
    expect(batch.length).toBeGreaterThan(5);
    expect(batch.length).toBeLessThan(rows.length);
    expect(batch.map((m) => m.id)).toEqual(rows.slice(0, batch.length).map((r) => r.id));
  });

  test('cuts many small ones by count', () => {
    const rows = Array.from({ length: PUSH_MAX_MUTATIONS + 20 }, (_, i) => row(i + 1, 'short'));
    expect(nextBatch(rows)).toHaveLength(PUSH_MAX_MUTATIONS);
  });

  test('sends the oldest row even when it alone is over the size (the server decides), and nothing for an empty outbox', () => {
    const huge = row(1, 'x'.repeat(PUSH_MAX_BYTES + 10));
    expect(nextBatch([huge, row(2, 'next')]).map((m) => m.id)).toEqual([1]);
    expect(nextBatch([])).toEqual([]);
  });
});
