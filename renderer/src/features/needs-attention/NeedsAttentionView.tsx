import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ArgsInput, MutationName } from '../../../../shared/mutations/mutations';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import type { NeedsAttentionRow } from '../../db/db';
import { discardRefused } from '../../sync/needs-attention';
import { formatDateTime } from '../../time/format';
import { useRunAction } from '../actions/use-run-action';
import { ExportOutboxButton } from '../sync-status/ExportOutboxButton';
import { EDIT_DIALOG, mutationLabel, typedText } from './describe-mutation';

/**
 * Actions the server refused, with everything the agent typed: retry as is,
 * edit in the dialog the action came from, or discard (asked twice). Nothing
 * here expires.
 */
export function NeedsAttentionView() {
  const db = useDb();
  const rows = useLiveQuery(() => db.needsAttention.orderBy('refusedAt').reverse().toArray(), [db]);
  const numbers = useLiveQuery(async () => {
    const ids = [...new Set((rows ?? []).map((r) => r.ticketId).filter(Boolean))];
    const tickets = await db.tickets.bulkGet(ids);
    const known = new Map(tickets.filter((t) => t !== undefined).map((t) => [t.id, t.number]));
    // A ticket whose create was refused exists only in that refused row: name it by its title.
    for (const row of rows ?? []) {
      const title = (row.args as { title?: unknown } | undefined)?.title;
      if (row.name === 'createTicket' && !known.has(row.ticketId) && typeof title === 'string') known.set(row.ticketId, `the new ticket “${title}”`);
    }
    return known;
  }, [db, rows]);

  return (
    <section className="queue attention" aria-labelledby="queue-heading">
      <div className="queue-toolbar">
        <h1 id="queue-heading" className="queue-heading">
          Needs attention <span className="count">({rows?.length ?? '…'})</span>
        </h1>
        <ExportOutboxButton />
      </div>
      {rows === undefined ? (
        <p className="empty">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="empty" role="status">
          Nothing needs your attention: every action you took was accepted by the server.
        </p>
      ) : (
        <ul className="attention-list">
          {rows.map((row) => (
            <AttentionItem key={row.id} row={row} number={numbers?.get(row.ticketId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AttentionItem({ row, number }: { row: NeedsAttentionRow; number: string | undefined }) {
  const db = useDb();
  const run = useRunAction();
  const openAction = useAppStore((s) => s.openAction);
  const openDetail = useAppStore((s) => s.openDetail);
  const editRefusedTicket = useAppStore((s) => s.editRefusedTicket);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const edit = EDIT_DIALOG[row.name];
  const what = `${mutationLabel(row.name)}${number && row.name !== 'createTicket' ? ` on ${number}` : ''}`;

  async function retry() {
    const problem = await run(row.name as MutationName, row.args as ArgsInput<MutationName>, { label: `Retried: ${what}`, refusedId: row.id });
    setMessage(problem ? `Still refused here: ${problem.message}` : null);
  }

  return (
    <li className="attention-item" data-attention={row.id}>
      <h2 className="attention-title">{what}</h2>
      <p className="attention-reason">
        Refused {formatDateTime(row.refusedAt)}: {row.reason}
        {row.field ? ` (field: ${row.field})` : ''}
      </p>
      <blockquote className="attention-text">{typedText(row.name, row.args) || '(no text)'}</blockquote>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <div className="attention-actions">
        <button type="button" onClick={() => void retry()} aria-label={`Retry ${what}`}>
          Retry
        </button>
        {edit && row.ticketId && (
          <button
            type="button"
            aria-label={`Edit ${what}`}
            onClick={() => {
              openDetail(row.ticketId);
              openAction({ kind: edit, ticketId: row.ticketId, refused: { id: row.id, args: row.args } });
            }}
          >
            Edit
          </button>
        )}
        {row.name === 'createTicket' && (
          <button type="button" aria-label={`Edit ${what}`} onClick={() => editRefusedTicket({ id: row.id, args: row.args })}>
            Edit
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void discardRefused(db, row.id)} aria-label={`Discard ${what} for good`}>
              Discard for good
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Discard ${what}`}>
            Discard…
          </button>
        )}
      </div>
    </li>
  );
}
