import { useMemo, useState } from 'react';
import type { StoredEvent } from '../../../../shared/model/stored-event';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import type { TicketRecord } from '../../db/ticket-record';
import { useDebounced } from '../../time/use-debounced';
import { search, suggestFor } from './kb-index';
import { KbMarkButtons } from './KbMarkButtons';
import { kbMarks } from './kb-marks';
import { useKb } from './use-kb';

/** Suggested articles for the ticket (offline, from the synced knowledge base), a search, and what was checked. */
export function KnowledgePanel({ ticket, events }: { ticket: TicketRecord; events: readonly StoredEvent[] }) {
  const db = useDb();
  const kb = useKb(db);
  const openArticle = useAppStore((s) => s.openArticle);
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, 150);
  const marks = useMemo(() => kbMarks(events), [events]);
  const hits = useMemo(() => {
    if (!kb) return [];
    const found = settled.trim() ? search(kb.index, settled, 8) : suggestFor(kb.index, ticket);
    // Articles already marked on the ticket stay listed even if the search moved on.
    const ids = new Set(found.map((h) => h.id));
    const marked = [...marks.keys()].filter((id) => !ids.has(id) && kb.articles.has(id)).map((id) => ({ id, title: kb.articles.get(id)!.title, category: kb.articles.get(id)!.category, score: 0 }));
    return [...found, ...marked];
  }, [kb, settled, ticket, marks]);

  return (
    <section className="panel" aria-labelledby="kb-heading">
      <h2 id="kb-heading">Knowledge</h2>
      <input type="search" aria-label="Search the knowledge base" placeholder="Search articles" value={query} onChange={(e) => setQuery(e.target.value)} />
      {!kb ? (
        <p className="empty">Loading articles…</p>
      ) : hits.length === 0 ? (
        <p className="empty">{kb.articles.size === 0 ? 'No articles on this computer yet; they arrive with the next sync.' : 'No article matches. Try other words.'}</p>
      ) : (
        <ul className="kb-list">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link" onClick={() => openArticle(hit.id)}>
                {hit.title}
              </button>
              <span className="subtitle"> · {hit.category}</span>
              <KbMarkButtons ticketId={ticket.id} ticketNumber={ticket.number} articleId={hit.id} title={hit.title} mark={marks.get(hit.id)} closed={ticket.status === 'closed'} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
