import { useLiveQuery } from 'dexie-react-hooks';
import type { TierdeskDb } from '../../db/db';
import { serverNow } from '../../time/ticker';

/** How much one agent has on their plate: open tickets they own, and how many of them are breached or at risk. */
export type Workload = { open: number; atRisk: number; breached: number };

/** Each agent's open tickets through the [open+assignee+nextDueAt] index: one range per agent, as of `now` (server time). */
export async function readWorkloads(db: TierdeskDb, agentIds: readonly string[], now: number): Promise<Map<string, Workload>> {
  const rows = await Promise.all(
    agentIds.map(async (id) => {
      const owned = await db.tickets.where('[open+assignee+nextDueAt]').between([1, id, -Infinity], [1, id, Infinity], true, true).toArray();
      const breached = owned.filter((t) => t.breachAt <= now).length;
      const atRisk = owned.filter((t) => t.breachAt > now && t.riskAt <= now).length;
      return [id, { open: owned.length, atRisk, breached }] as const;
    }),
  );
  return new Map(rows);
}

/** "7 open · 2 at risk · 1 breached" (the parts that are not zero after the first). */
export function workloadText(w: Workload): string {
  return [`${w.open} open`, w.atRisk && `${w.atRisk} at risk`, w.breached && `${w.breached} breached`].filter(Boolean).join(' · ');
}

/** Live workloads of `agentIds`, read again as their tickets change; undefined while the first read runs. */
export function useWorkloads(db: TierdeskDb, agentIds: readonly string[]): Map<string, Workload> | undefined {
  const key = agentIds.join('\n');
  // Keyed by the ids' content, not the array's identity (a new array every render).
  return useLiveQuery(() => readWorkloads(db, agentIds, serverNow()), [db, key]);
}
