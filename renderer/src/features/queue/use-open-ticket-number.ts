import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useAppStore } from '../../app/store';
import type { TierdeskDb } from '../../db/db';

/**
 * Opens the ticket a deep link, notification or tray entry asked for, by
 * number. A ticket not on this computer yet is opened when a sync brings it
 * (the request stays until then); the queue says so meanwhile.
 */
export function useOpenTicketNumber(db: TierdeskDb): void {
  const number = useAppStore((s) => s.openTicketNumber);
  const found = useLiveQuery(async () => (number ? ((await db.tickets.where('number').equals(number).first()) ?? null) : undefined), [db, number]);
  useEffect(() => {
    if (!found) return;
    const store = useAppStore.getState();
    store.openDetail(found.id);
    store.ticketNumberResolved();
  }, [found]);
}
