import type { Agent, Group } from '../model/agent';
import type { KbArticle } from '../model/kb-article';
import type { StoredEvent, TimelineEvent } from '../model/stored-event';
import type { Ticket } from '../model/ticket';
import type { Policy } from '../policy/schema';

/** A ticket with its whole log: what a mutation is applied to. */
export type TicketAggregate = { ticket: Ticket; events: StoredEvent[] };

export type ApplyContext = {
  actor: Agent;
  /** When the action happened (server: the client's time, clamped to plausible; client: corrected now). */
  nowMs: number;
  policy: Policy;
  /** The desk's groups: escalations route to the group of the receiving tier that handles the category. */
  groups: readonly Group[];
  /** `${clientId}:${mutationId}`: event ids derive from it, so re-applying yields the same records. */
  eventIdPrefix: string;
  /** Human number for a new ticket: INC-… on the server, NEW-… while offline. */
  numberForNewTicket(): string;
  /** Known KB articles (for links and checks). */
  kbArticle(id: string): KbArticle | undefined;
  /** Display name of an agent id (for requester messages). */
  agentName?(id: string): string | undefined;
  /** The directory's agent with this id (who a ticket may be given to). */
  agent?(id: string): Agent | undefined;
};

export const REFUSAL_CODES = [
  'not_found',
  'forbidden',
  'conflict',
  'invalid_state',
  'invalid_handoff',
  'needs_lead_approval',
  'invalid_pause',
  'kb_required',
  'invalid',
  /** The server cannot read the stored ticket (or its log) it would apply to; an administrator must repair it. */
  'damaged_record',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The rules said no: a stable code, the field to fix, and a sentence for the agent. */
export type Refusal = { ok: false; code: RefusalCode; field: string | null; message: string };

export type RequesterNotification = { id: string; ticketId: string; recipient: string; subject: string; body: string };

export type Applied = {
  ok: true;
  /** The ticket after the mutation (null for createKbArticle). */
  ticket: Ticket | null;
  /** Entries appended to the ticket's log. */
  events: StoredEvent[];
  kbArticles: KbArticle[];
  /** Messages for the requester; only the server sends them. */
  notifications: RequesterNotification[];
  audit: { action: string; entityType: 'ticket' | 'kb'; entityId: string; before: unknown; after: unknown; reason: string | null };
};

export type ApplyOutcome = Applied | Refusal;

export function refuse(code: RefusalCode, message: string, field: string | null = null): Refusal {
  return { ok: false, code, field, message };
}

/** Events stamped with ids and sequence numbers after the aggregate's last one. */
export function stampEvents(agg: TicketAggregate | null, ticketId: string, events: readonly TimelineEvent[], prefix: string): StoredEvent[] {
  const last = agg?.events.reduce((max, e) => Math.max(max, e.seq), 0) ?? 0;
  return events.map((event, i) => ({ id: `${prefix}:${i}`, ticketId, seq: last + i + 1, event }));
}
