import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import { getActivePolicy } from '../../app/policy';
import { getBridge } from '../../bridge/bridge';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { serverNow } from '../../time/ticker';
import { useAlertSettings } from './alert-settings-state';
import { buildAlertSchedule } from './build-alert-schedule';
import { useWatched } from './watch-list';

/** Open tickets the agent owns, may accept (their groups) or watches, read through the queue indexes. */
export async function alertCandidates(db: TierdeskDb, agent: Agent, watched: ReadonlySet<string>): Promise<TicketRecord[]> {
  const range = (index: string, key: string) => db.tickets.where(index).between([1, key, Dexie.minKey], [1, key, Dexie.maxKey]).toArray();
  const [mine, groups, watchedRows] = await Promise.all([
    range('[open+assignee+nextDueAt]', agent.id),
    Promise.all(agent.groups.map((g) => range('[open+group+nextDueAt]', g))),
    db.tickets.bulkGet([...watched]),
  ]);
  return [...mine, ...groups.flat().filter((t) => t.status === 'pending_acceptance'), ...watchedRows.filter((t): t is TicketRecord => !!t)];
}

/**
 * Keeps the desktop shell's (or the web fallback's) alert schedule current:
 * recomputed and sent whenever the agent's tickets, the watch list or the
 * thresholds change. Crossings are absolute instants, so nothing needs
 * resending as time passes; main keeps the timers.
 */
export function useAlertSchedule(db: TierdeskDb, agent: Agent): void {
  const watched = useWatched();
  const thresholds = useAlertSettings()?.thresholds ?? null;
  const tickets = useLiveQuery(() => alertCandidates(db, agent, watched), [db, agent, watched]);

  useEffect(() => {
    if (!tickets || !thresholds) return;
    const now = serverNow();
    const crossings = buildAlertSchedule(tickets, agent, watched, thresholds, now, getActivePolicy().calendars);
    // Main fires on its own clock; the offset lets it convert from server time.
    const clockOffsetMs = Math.round(now - Date.now());
    getBridge()
      .setAlertSchedule({ version: 1, clockOffsetMs, crossings })
      .catch((error: unknown) => console.warn('could not hand the alert schedule to the shell', error));
  }, [tickets, thresholds, agent, watched]);
}
