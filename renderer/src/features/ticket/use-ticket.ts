import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { StoredEvent } from '../../../../shared/model/stored-event';
import { clocksOf } from '../../../../shared/mutations/recompute';
import type { TicketClocks } from '../../../../shared/sla/ticket-clocks';
import { getActivePolicy } from '../../app/policy';
import type { EventRow, TierdeskDb } from '../../db/db';
import { readLog } from '../../db/ticket-log';
import type { TicketRecord } from '../../db/ticket-record';

/** The ticket as shown (server state + my pending changes); null when it is not on this computer. */
export function useTicket(db: TierdeskDb, id: string | null): TicketRecord | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.tickets.get(id)) ?? null) : null), [db, id]);
}

/** The ticket's log in order, pending entries (my unconfirmed actions) included and marked. */
export function useTicketEvents(db: TierdeskDb, id: string | null): EventRow[] | undefined {
  return useLiveQuery(async () => (id ? readLog(db, id) : []), [db, id]);
}

/** The ticket's clocks recomputed from its log at `nowMs` (for the "why" panel and rule checks in dialogs). */
export function useClocks(events: readonly StoredEvent[] | undefined, nowMs: number): TicketClocks | null {
  return useMemo(() => (events && events.length ? clocksOf(events, getActivePolicy().policy, nowMs) : null), [events, nowMs]);
}
