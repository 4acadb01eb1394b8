import { useLiveQuery } from 'dexie-react-hooks';
import type { TierdeskDb } from '../../db/db';

export type OutboxSummary = { count: number; oldestQueuedAt: number | null; refused: number };

/** How much of my work is not on the server yet, and since when (the outbox never expires, so this only grows until a sync). */
export function useOutboxSummary(db: TierdeskDb): OutboxSummary | undefined {
  return useLiveQuery(async () => {
    const [count, oldest, refused] = await Promise.all([db.outbox.count(), db.outbox.orderBy('id').first(), db.needsAttention.count()]);
    return { count, oldestQueuedAt: oldest?.queuedAt ?? null, refused };
  }, [db]);
}
