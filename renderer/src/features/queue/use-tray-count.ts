import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import { readTicketClocks } from '../../../../shared/sla/ticket-sla';
import { getActivePolicy } from '../../app/policy';
import { getBridge } from '../../bridge/bridge';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { serverNow } from '../../time/ticker';

/** At risk: a running clock at or past the policy's 75% threshold (breached included). */
export const AT_RISK_PERCENT = 75;
const RECOUNT_MS = 15_000;

export function countAtRisk(tickets: readonly TicketRecord[], nowMs: number): number {
  const { calendars } = getActivePolicy();
  let count = 0;
  for (const t of tickets) {
    const clocks = readTicketClocks(t.sla, nowMs, calendars);
    if (
      (clocks.response.state === 'running' && clocks.response.percent >= AT_RISK_PERCENT) ||
      (clocks.resolution.state === 'running' && clocks.resolution.percent >= AT_RISK_PERCENT)
    ) {
      count++;
    }
  }
  return count;
}

/** Keeps the tray (or the tab title in a browser) showing how many of my tickets are at risk. */
export function useTrayCount(db: TierdeskDb, agent: Agent): void {
  const mine = useLiveQuery(
    () =>
      db.tickets
        .where('[open+assignee+nextDueAt]')
        .between([1, agent.id, Dexie.minKey], [1, agent.id, Dexie.maxKey])
        .toArray(),
    [db, agent.id],
  );
  useEffect(() => {
    if (!mine) return;
    let last = -1;
    const update = () => {
      const atRisk = countAtRisk(mine, serverNow());
      if (atRisk !== last) {
        last = atRisk;
        void getBridge().setTrayCount({ atRisk });
      }
    };
    update();
    const timer = setInterval(update, RECOUNT_MS);
    return () => clearInterval(timer);
  }, [mine]);
}
