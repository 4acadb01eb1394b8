import type { KbOutcome } from '../../../../shared/model/activity-event';
import type { StoredEvent } from '../../../../shared/model/stored-event';

/** The last outcome recorded per article on a ticket ("checked, did not resolve" / "resolved with"). */
export function kbMarks(events: readonly StoredEvent[]): ReadonlyMap<string, KbOutcome> {
  const marks = new Map<string, KbOutcome>();
  for (const e of events) if (e.event.type === 'kb_marked') marks.set(e.event.articleId, e.event.outcome);
  return marks;
}

export const OUTCOME_LABEL: Record<KbOutcome, string> = {
  checked_not_resolved: 'Checked — did not resolve',
  resolved_with: 'Resolved with this',
};
