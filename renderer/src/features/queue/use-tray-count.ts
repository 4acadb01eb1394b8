import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import { useAfterFirstList } from '../../app/after-first-list';
import { getBridge } from '../../bridge/bridge';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { serverNow } from '../../time/ticker';
import { acceptanceGroups } from './views';

const RECOUNT_MS = 15_000;

/** At risk as the At risk view counts it: the stored instant a clock reaches 75% (or breaches) has passed. */
export function countAtRisk(tickets: readonly TicketRecord[], nowMs: number): number {
  return tickets.filter((t) => t.open === 1 && t.riskAt <= nowMs).length;
}

/**
 * What the agent is answerable for, for the tray: tickets they own plus
 * tickets waiting for acceptance in their tier and groups (an unaccepted
 * escalation about to breach is exactly what the tray must warn about).
 */
async function answerableTickets(db: TierdeskDb, agent: Agent): Promise<TicketRecord[]> {
  const mine = await db.tickets
    .where('[open+assignee+nextDueAt]')
    .between([1, agent.id, Dexie.minKey], [1, agent.id, Dexie.maxKey])
    .toArray();
  const groups = acceptanceGroups(agent, await db.groups.toArray());
  const waiting = await Promise.all(
    groups.map((group) =>
      db.tickets
        .where('[open+group+nextDueAt]')
        .between([1, group, Dexie.minKey], [1, group, Dexie.maxKey])
        .filter((t) => t.status === 'pending_acceptance')
        .toArray(),
    ),
  );
  return [...mine, ...waiting.flat()];
}

/** Keeps the tray (or the tab title in a browser) showing how many of the agent's tickets are at risk. */
export function useTrayCount(db: TierdeskDb, agent: Agent): void {
  // Once the queue is on screen (after-first-list.ts).
  const ready = useAfterFirstList();
  const tickets = useLiveQuery(() => (ready ? answerableTickets(db, agent) : undefined), [db, agent, ready]);
  useEffect(() => {
    if (!tickets) return;
    let last = -1;
    const update = () => {
      const atRisk = countAtRisk(tickets, serverNow());
      if (atRisk !== last) {
        last = atRisk;
        void getBridge().setTrayCount({ atRisk });
      }
    };
    update();
    const timer = setInterval(update, RECOUNT_MS);
    return () => clearInterval(timer);
  }, [tickets]);
}
