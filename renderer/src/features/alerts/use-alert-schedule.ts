import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { approvesSkips } from '../../../../shared/escalation/tier-rules';
import type { Agent, Group } from '../../../../shared/model/agent';
import type { Policy } from '../../../../shared/policy/schema';
import { useAfterFirstList } from '../../app/after-first-list';
import { getActivePolicy } from '../../app/policy';
import { getBridge } from '../../bridge/bridge';
import type { TierdeskDb } from '../../db/db';
import { FACET } from '../../db/search-keys';
import type { TicketRecord } from '../../db/ticket-record';
import { scopeGroups } from '../queue/views';
import { serverNow } from '../../time/ticker';
import { useAlertSettings } from './alert-settings-state';
import { buildAlertSchedule } from './build-alert-schedule';
import { useWatched } from './watch-list';

/** Groups whose tier-skip requests wait for this agent: those of the Skip approvals view, if the policy lets their role approve. */
export function approvalGroupsOf(agent: Agent, groups: readonly Group[], policy: Policy): Set<string> {
  return new Set(approvesSkips(policy, agent.role) ? scopeGroups(agent, groups) : []);
}

export type AlertCandidates = { tickets: TicketRecord[]; approvalGroups: Set<string> };

/** Open tickets the agent owns, may accept (their groups), watches or must approve a skip on, read through the queue indexes. */
export async function alertCandidates(db: TierdeskDb, agent: Agent, watched: ReadonlySet<string>, policy: Policy): Promise<AlertCandidates> {
  const range = (index: string, key: string) => db.tickets.where(index).between([1, key, Dexie.minKey], [1, key, Dexie.maxKey]).toArray();
  // The policy row is read (not used) so a new policy version, which may change who approves skips, re-runs the live query.
  const [groupList] = await Promise.all([db.groups.toArray(), db.syncState.get('policy')]);
  const approvalGroups = approvalGroupsOf(agent, groupList, policy);
  const [mine, groups, watchedRows, skips] = await Promise.all([
    range('[open+assignee+nextDueAt]', agent.id),
    Promise.all(agent.groups.map((g) => range('[open+group+nextDueAt]', g))),
    db.tickets.bulkGet([...watched]),
    Promise.all([...approvalGroups].map((g) => db.tickets.where('keys').equals(FACET.skipRequestedIn(g)).toArray())),
  ]);
  return {
    tickets: [...mine, ...groups.flat().filter((t) => t.status === 'pending_acceptance'), ...watchedRows.filter((t): t is TicketRecord => !!t), ...skips.flat()],
    approvalGroups,
  };
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
  // Once the queue is on screen (after-first-list.ts).
  const ready = useAfterFirstList();
  const candidates = useLiveQuery(() => (ready ? alertCandidates(db, agent, watched, getActivePolicy().policy) : undefined), [db, agent, watched, ready]);

  useEffect(() => {
    if (!candidates || !thresholds) return;
    const now = serverNow();
    const crossings = buildAlertSchedule(candidates.tickets, agent, watched, thresholds, now, getActivePolicy().calendars, candidates.approvalGroups);
    // Main fires on its own clock; the offset lets it convert from server time.
    const clockOffsetMs = Math.round(now - Date.now());
    getBridge()
      .setAlertSchedule({ version: 1, clockOffsetMs, crossings })
      .catch((error: unknown) => console.warn('could not hand the alert schedule to the shell', error));
  }, [candidates, thresholds, agent, watched]);
}
