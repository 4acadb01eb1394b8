import type { Agent } from '../../../../shared/model/agent';
import { latestHandoff, type HandoffNote, type HandoffNoteEvent } from '../../../../shared/handoff/handoff-note';
import type { KbArticle } from '../../../../shared/model/kb-article';
import { isReturn } from '../../../../shared/escalation/tier-rules';
import { isOpenStatus } from '../../../../shared/model/levels';
import type { Ticket } from '../../../../shared/model/ticket';
import type { EventRow } from '../../db/db';
import { formatDateTime } from '../../time/format';
import { HandoffNoteView } from './HandoffNoteView';

/** The note that brought the ticket to the tier it is in now (the log's latest, when it went to that tier), or null (created there). */
export function currentHandoff(ticket: Pick<Ticket, 'tier'>, log: readonly EventRow[]): HandoffNoteEvent | null {
  const latest = latestHandoff(log);
  return latest?.toTier === ticket.tier ? latest : null;
}

/**
 * The handoff note the ticket came to this tier with, near the top of the
 * ticket: what was tried and how it went, the impact, what this tier needs.
 * Open while the ticket waits for acceptance (it is what the engineer
 * accepts on); folded once someone works it, one click away. The timeline
 * keeps every note in its place.
 */
export function HandoffPanel({ ticket, events, agents, kb }: { ticket: Ticket; events: readonly EventRow[]; agents: ReadonlyMap<string, Agent>; kb: ReadonlyMap<string, KbArticle> }) {
  const handoff = isOpenStatus(ticket.status) ? currentHandoff(ticket, events) : null;
  if (!handoff) return null;
  const who = agents.get(handoff.by)?.name ?? handoff.by;
  return (
    // Keyed by the note: a newer handoff opens (or folds) by the rule again.
    <details key={`${handoff.at}:${handoff.by}`} className="panel handoff-panel" open={ticket.status === 'pending_acceptance'}>
      <summary>
        <h2>
          {isReturn(handoff.fromTier, handoff.toTier) ? `Sent back from ${handoff.fromTier}` : `Handoff from ${handoff.fromTier}`}: {who}, {formatDateTime(handoff.at)}
        </h2>
      </summary>
      {handoff.skipReason && <p className="handoff-skip">Skips a tier: {handoff.skipReason}</p>}
      <HandoffNoteView note={handoff.note as Partial<HandoffNote>} kb={kb} />
    </details>
  );
}
