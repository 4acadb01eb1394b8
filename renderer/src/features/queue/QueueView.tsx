import type { Agent } from '../../../../shared/model/agent';
import { useAppStore } from '../../app/store';
import type { TierdeskDb } from '../../db/db';
import { QueueList } from './QueueList';
import { QUEUE_VIEWS, type QueueView as View } from './queue-slice';
import { useQueue } from './use-queue';

const VIEW_LABEL: Record<View, string> = { mine: 'My tickets', group: 'My groups', all: 'All open' };

const EMPTY_TEXT: Record<View, string> = {
  mine: 'Nothing assigned to you. Pick up a ticket from My groups.',
  group: 'Your groups have no open tickets.',
  all: 'No open tickets. If this is your first start, wait for the first sync to finish.',
};

export function QueueView({ db, agent }: { db: TierdeskDb; agent: Agent }) {
  const view = useAppStore((s) => s.queueView);
  const setView = useAppStore((s) => s.setQueueView);
  const tickets = useQueue(db, view, agent);
  const openNumber = useAppStore((s) => s.openTicketNumber);
  const missing = openNumber !== null && view === 'all' && tickets !== undefined && !tickets.some((t) => t.number === openNumber);

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <div className="queue-toolbar">
        <h1 id="queue-heading" className="queue-heading">
          {VIEW_LABEL[view]}
          {tickets && <span className="count"> ({tickets.length})</span>}
        </h1>
        <div role="tablist" aria-label="Queue views" className="tabs">
          {QUEUE_VIEWS.map((v) => (
            <button key={v} role="tab" aria-selected={v === view} className="tab" onClick={() => setView(v)}>
              {VIEW_LABEL[v]}
            </button>
          ))}
        </div>
      </div>
      {missing && (
        <p className="notice" role="status">
          {openNumber} is not among the open tickets on this computer (resolved, or not synced yet).
        </p>
      )}
      {tickets === undefined ? (
        <p className="empty">Loading the local queue…</p>
      ) : tickets.length === 0 ? (
        <p className="empty">{EMPTY_TEXT[view]}</p>
      ) : (
        // Keyed by view: a new view starts at its top, not at the old scroll offset.
        <QueueList key={view} tickets={tickets} meId={agent.id} label={VIEW_LABEL[view]} highlight={openNumber} />
      )}
    </section>
  );
}
