import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import type { TierdeskDb } from '../../db/db';
import { useAgents } from '../../db/use-directory';
import { useActions } from './actions-context';
import { dismissWorkNews, readWorkNews, stillForMe } from '../../sync/work-news';
import { byName, cameText } from './work-news-notification';
import { useWatched } from '../alerts/watch-list';

/**
 * "Jordan Blake gave you INC-000086", "Sam Okafor escalated INC-000123 to
 * L2": work that came to this agent as the sync brings it (a lead
 * rebalancing the queue, a colleague off sick, a ticket moved to their tier
 * to accept), with the reason or what the new tier needs. Open goes to the
 * ticket; each stays until its ticket is opened (from here or anywhere) or it
 * is dismissed (also across a restart), or
 * until it is no longer theirs to act on (a colleague accepted it first, it
 * was closed). The ticket is in My work or Pending my acceptance either way.
 */
const FOLDED = 3;

/** Forgets the news about one ticket, or all of it; a failed write leaves the notice up (said in the console). */
const forget = (db: TierdeskDb, ticketId?: string) => void dismissWorkNews(db, ticketId).catch((error) => console.warn('work news not dismissed', error));

export function WorkNewsNotices() {
  const db = useDb();
  const { agent } = useActions();
  const [expanded, setExpanded] = useState(false);
  const openDetail = useAppStore((s) => s.openDetail);
  const detailId = useAppStore((s) => s.detailId);
  const agents = useAgents(db);
  // Opening the ticket, from the queue as much as from here, is seeing the news (news that comes while it is open stays).
  useEffect(() => {
    if (detailId) forget(db, detailId);
  }, [db, detailId]);
  const watched = useWatched();
  // The kept news with its tickets, live: an entry is shown only while it is still the agent's to act on.
  const read = useLiveQuery(async () => {
    const list = await readWorkNews(db);
    const tickets = new Map((await db.tickets.bulkGet(list.map((h) => h.ticketId))).flatMap((t) => (t ? [[t.id, t] as const] : [])));
    return { tickets, shown: list.filter((h) => tickets.has(h.ticketId) && stillForMe(h, tickets.get(h.ticketId)!, agent, watched)) };
  }, [db, agent, watched]);
  if (!read?.shown.length) return null;
  const { shown, tickets } = read;
  const dismiss = (ticketId?: string) => forget(db, ticketId);
  // The newest few; the rest behind "more", so a busy morning does not fill the screen.
  const hidden = expanded ? 0 : Math.max(0, shown.length - FOLDED);
  return (
    <ul className="handed-over" aria-label="Tickets that came to you" aria-live="polite">
      {shown.slice(0, shown.length - hidden).map((h) => {
        const ticket = tickets.get(h.ticketId)!;
        const said = `${byName(agents, h)} ${cameText(h, ticket, agent.id)}`;
        const text = `${said}: ${ticket.title}${h.reason ? ` — ${h.reason}` : ''}`;
        return (
          <li key={`${h.kind}:${h.ticketId}`} className="recent">
            <span className="handed-over-text" title={text}>
              {text}
            </span>{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                openDetail(h.ticketId);
                // Also when the ticket is open already (opening it again changes nothing the effect above sees).
                dismiss(h.ticketId);
              }}
            >
              Open {ticket.number}
            </button>
            <button type="button" className="icon" aria-label={`Dismiss: ${said}`} onClick={() => dismiss(h.ticketId)}>
              ×
            </button>
          </li>
        );
      })}
      {shown.length > FOLDED && (
        <li>
          <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `${hidden} more`}
          </button>
        </li>
      )}
      {shown.length > 1 && (
        <li>
          <button type="button" className="link" onClick={() => dismiss()}>
            Dismiss all
          </button>
        </li>
      )}
    </ul>
  );
}
