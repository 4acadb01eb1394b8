import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Agent } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import type { QueueView } from './queue-slice';

function mergeByDue(lists: TicketRecord[][]): TicketRecord[] {
  return lists.flat().sort((a, b) => a.nextDueAt - b.nextDueAt || a.number.localeCompare(b.number));
}

/** Open tickets of a view, ordered by time to breach, read through the compound indexes. */
export async function queryQueue(db: TierdeskDb, view: QueueView, agent: Agent): Promise<TicketRecord[]> {
  switch (view) {
    case 'mine':
      return db.tickets
        .where('[open+assignee+nextDueAt]')
        .between([1, agent.id, Dexie.minKey], [1, agent.id, Dexie.maxKey])
        .toArray();
    case 'group':
      return mergeByDue(
        await Promise.all(
          agent.groups.map((group) =>
            db.tickets.where('[open+group+nextDueAt]').between([1, group, Dexie.minKey], [1, group, Dexie.maxKey]).toArray(),
          ),
        ),
      );
    case 'all':
      return db.tickets.where('[open+nextDueAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray();
  }
}

export function useQueue(db: TierdeskDb, view: QueueView, agent: Agent): TicketRecord[] | undefined {
  return useLiveQuery(() => queryQueue(db, view, agent), [db, view, agent]);
}
