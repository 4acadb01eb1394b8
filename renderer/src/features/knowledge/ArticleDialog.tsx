import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../app/db-context';
import { formatDateTime } from '../../time/format';
import { Modal } from '../../ui/Modal';
import { useTicket, useTicketEvents } from '../ticket/use-ticket';
import { KbMarkButtons } from './KbMarkButtons';
import { kbMarks } from './kb-marks';

/** Reads an article; with a ticket open, the article can be marked on it right here. */
export function ArticleDialog({ articleId, ticketId, onClose }: { articleId: string; ticketId: string | null; onClose(): void }) {
  const db = useDb();
  const article = useLiveQuery(() => db.kb.get(articleId), [db, articleId]);
  const ticket = useTicket(db, ticketId);
  const events = useTicketEvents(db, ticketId);
  if (!article) return null;
  return (
    <Modal title={article.title} onClose={onClose}>
      <p className="subtitle">
        {article.category} · updated {formatDateTime(article.updatedAt)}
        {article.tags.length ? ` · ${article.tags.join(', ')}` : ''}
      </p>
      <div className="article-body">{article.body}</div>
      {ticket && events && (
        <div className="modal-actions">
          <span>On {ticket.number}:</span>
          <KbMarkButtons ticketId={ticket.id} ticketNumber={ticket.number} articleId={article.id} title={article.title} mark={kbMarks(events).get(article.id)} closed={ticket.status === 'closed'} />
        </div>
      )}
    </Modal>
  );
}
