import { useState } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import type { HandoffNote } from '../../../../shared/handoff/handoff-note';
import type { KbArticle } from '../../../../shared/model/kb-article';
import { getActivePolicy } from '../../app/policy';
import type { EventRow } from '../../db/db';
import { formatDateTime } from '../../time/format';
import { HandoffNoteView } from './HandoffNoteView';
import { describeEvent } from './timeline-text';

/** What the timeline shows: everything, what people did (no automatic escalation steps or requester messages), or only the notes. */
export type TimelineShow = 'all' | 'people' | 'notes';

const SHOW_LABEL: Record<TimelineShow, string> = { all: 'Everything', people: 'By people', notes: 'Notes and handoffs' };

/** The entries a reader of the history looks for: notes, handoff notes, resolutions and reopens (with why). */
const NOTE_TYPES = new Set<EventRow['event']['type']>(['note_added', 'handoff_note', 'resolution_recorded', 'reopened']);

export function shownIn(show: TimelineShow, row: EventRow): boolean {
  if (show === 'notes') return NOTE_TYPES.has(row.event.type);
  // Escalation steps, requester messages, auto-closes and matrix moves are all the system's.
  if (show === 'people') return row.event.role !== 'system';
  return true;
}

/**
 * The ticket's log, newest first: notes, handoffs (as structured notes),
 * pauses, escalations, messages to the requester and escalation steps. My
 * actions not yet confirmed by the server are marked as waiting to sync.
 */
export function Timeline({ events, agents, kb }: { events: readonly EventRow[]; agents: ReadonlyMap<string, Agent>; kb: ReadonlyMap<string, KbArticle> }) {
  const policy = getActivePolicy().policy;
  const [show, setShow] = useState<TimelineShow>('all');
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);
  const shown = newestFirst.filter((row) => shownIn(show, row));
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <fieldset className="inline timeline-show">
        <legend>Show</legend>
        {(Object.keys(SHOW_LABEL) as TimelineShow[]).map((key) => (
          <label key={key} className="check">
            <input type="radio" name="timeline-show" checked={show === key} onChange={() => setShow(key)} /> {SHOW_LABEL[key]} (
            {newestFirst.filter((row) => shownIn(key, row)).length})
          </label>
        ))}
      </fieldset>
      <ol className="timeline">
        {shown.map((row) => {
          const { kind, text } = describeEvent(row.event, agents, policy);
          const e = row.event;
          return (
            <li key={row.id} className={`tl tl--${kind}${row.pending ? ' tl--pending' : ''}`} data-event={e.type}>
              <div className="tl-head">
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
                <span className="tl-text">{text}</span>
                {row.pending === 1 && <span className="badge badge--pending">waiting to sync</span>}
              </div>
              {e.type === 'note_added' && <p className="tl-body">{e.body}</p>}
              {e.type === 'handoff_note' && <HandoffNoteView note={e.note as Partial<HandoffNote>} kb={kb} />}
              {e.type === 'kb_marked' && <p className="tl-body">{kb.get(e.articleId)?.title ?? e.articleId}</p>}
              {e.type === 'resolution_recorded' && (
                <p className="tl-body">
                  {e.resolution}
                  {e.kbArticleId ? ` (article: ${kb.get(e.kbArticleId)?.title ?? e.kbArticleId})` : ''}
                </p>
              )}
              {e.type === 'notification_queued' && (
                <details className="tl-body">
                  <summary>Message text</summary>
                  <pre className="message">{e.body}</pre>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
