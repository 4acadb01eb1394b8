import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database';

export const MAX_FAILURES_PER_HOUR = 100;
const WINDOW_MS = 60 * 60 * 1000;

export type ThrottleKeys = { account: string; ip: string };

const keysOf = ({ account, ip }: ThrottleKeys) => [`account:${account.toLowerCase()}`, `ip:${ip}`];

/**
 * Failed sign-ins are counted per account and per client address over a
 * sliding hour, in the database so a restart does not reset the budget.
 * Returns when the caller may try again, or null when under the limit.
 */
export async function loginBlockedUntil(db: Db, keys: ThrottleKeys, nowMs: number): Promise<number | null> {
  let until: number | null = null;
  for (const key of keysOf(keys)) {
    const rows = await db
      .selectFrom('login_failures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', nowMs - WINDOW_MS)
      .orderBy('at', 'desc')
      .limit(MAX_FAILURES_PER_HOUR)
      .execute();
    if (rows.length >= MAX_FAILURES_PER_HOUR) {
      // Blocked until the oldest failure inside the window ages out.
      const freeAt = Number(rows[rows.length - 1]!.at) + WINDOW_MS;
      until = Math.max(until ?? 0, freeAt);
    }
  }
  return until;
}

export async function recordLoginFailure(db: Db, keys: ThrottleKeys, nowMs: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const key of keysOf(keys)) {
      await trx.insertInto('login_failures').values({ id: randomUUID(), key, at: nowMs }).execute();
      await trx.deleteFrom('login_failures').where('key', '=', key).where('at', '<=', nowMs - WINDOW_MS).execute();
    }
  });
}
