import { createAlertGate } from '../../../../shared/alerts/alert-gate';
import type { AlertSettings } from '../../../../shared/alerts/alert-settings';
import type { AlertPauseState, NotificationRequest, TierdeskBridge } from '../../../../shared/ipc/contract';
import type { Agent } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { latestPerTicket, stillForMe, type WorkNews } from '../../sync/work-news';
import { getWatched } from '../alerts/watch-list';

/**
 * A desktop notification when work comes to the agent (a ticket given to
 * them, or moved to their tier to accept) while they are looking elsewhere:
 * the status-bar notice (WorkNewsNotices) is only seen by someone looking
 * at Tierdesk. Quiet hours, the shift and a pause hold it as they hold SLA
 * alerts (S1 always gets through); a held one is not shown later, since the
 * ticket is in My work or Pending my acceptance and the notice waits in the app.
 */
const LISTED = 3;

export type WorkNewsItem = WorkNews & { ticket: TicketRecord };

/** "Dana Fox", or "Tierdesk" when the escalation matrix moved it (as the timeline says). */
export function byName(agents: ReadonlyMap<string, Agent>, h: Pick<WorkNews, 'by' | 'automatic'>): string {
  if (h.automatic) return 'Tierdesk';
  return agents.get(h.by)?.name ?? 'Someone';
}

/** "gave you INC-000086", "escalated INC-000086 to L2", "sent INC-000086 back to L1", "wrote a note on INC-000086" ("…, which you watch" when not the agent's). */
export function cameText(h: WorkNews, ticket: Pick<TicketRecord, 'number' | 'tier' | 'assignee'>, meId: string): string {
  const watching = ticket.assignee === meId ? '' : h.handedOver ? ', which you handed over' : ', which you watch';
  switch (h.kind) {
    case 'given':
      return `gave you ${ticket.number}`;
    case 'escalated':
      return `escalated ${ticket.number} to ${ticket.tier}`;
    case 'returned':
      return `sent ${ticket.number} back to ${ticket.tier}`;
    case 'noted':
      return `wrote a note on ${ticket.number}${watching}`;
    case 'reopened':
      return `reopened ${ticket.number}${watching}`;
    case 'resolved':
      return `resolved ${ticket.number}${watching}`;
    case 'skip_approved':
      return `approved your skip of ${ticket.number} to ${ticket.tier}`;
    case 'skip_declined':
      return `declined your request to skip ${ticket.number}`;
  }
}

/** Wording for one notification covering everything that came in one sync; null when there is nothing to say. */
export function workNewsNotification(notices: readonly WorkNewsItem[], agents: ReadonlyMap<string, Agent>, meId: string): NotificationRequest | null {
  if (!notices.length) return null;
  const first = notices[0]!;
  const s1 = (t: TicketRecord) => (t.severity === 'S1' ? 'S1 · ' : '');
  if (notices.length === 1) {
    return {
      title: `${byName(agents, first)} ${cameText(first, first.ticket, meId)}`,
      body: `${s1(first.ticket)}${first.ticket.title}${first.reason ? ` — ${first.reason}` : ''}`.slice(0, 1000),
      ticketNumber: first.ticket.number,
    };
  }
  const numbers = notices.slice(0, LISTED).map((n) => `${s1(n.ticket)}${n.ticket.number}`);
  const more = notices.length > LISTED ? ` and ${notices.length - LISTED} more` : '';
  const count = (...kinds: WorkNews['kind'][]) => notices.filter((n) => kinds.includes(n.kind)).length;
  const kinds = [
    { n: count('given'), part: 'given to you', alone: 'were given to you' },
    { n: count('escalated', 'returned'), part: 'to accept', alone: 'wait for your acceptance' },
    { n: count('noted'), part: 'with new notes', alone: 'have new notes' },
    { n: count('reopened'), part: 'reopened', alone: 'were reopened' },
    { n: count('resolved'), part: 'resolved', alone: 'were resolved' },
    { n: count('skip_approved', 'skip_declined'), part: 'skip decisions', alone: 'have a decision on your skip request' },
  ].filter((k) => k.n > 0);
  const title = kinds.length === 1 ? `${notices.length} tickets ${kinds[0]!.alone}` : `${notices.length} updates for you: ${kinds.map((k) => `${k.n} ${k.part}`).join(', ')}`;
  return { title, body: `${numbers.join(', ')}${more}`, ticketNumber: first.ticket.number };
}

/** What holds non-S1 alerts: the agent's quiet hours and shift, and a pause (from the tray or the app). */
export type AlertHold = Pick<AlertSettings, 'quietHours' | 'shift'> & AlertPauseState;

/**
 * The tickets of `list` still the agent's to act on (stillForMe), most
 * severe first, that the agent's alert hours and pause let through at `now`.
 */
export async function workNewsToShow(db: TierdeskDb, me: Agent, all: readonly WorkNews[], hold: AlertHold, now: number, watched = getWatched()): Promise<WorkNewsItem[]> {
  const list = latestPerTicket(all);
  const tickets = await db.tickets.bulkGet(list.map((h) => h.ticketId));
  const hours = createAlertGate(hold);
  const paused = hold.pausedUntil !== null && now < hold.pausedUntil;
  const gate = { allows: (severity: TicketRecord['severity']) => severity === 'S1' || (!paused && hours.allows(now, severity)) };
  return list
    .flatMap((h, i) => {
      const ticket = tickets[i];
      // Given and taken back, accepted by a colleague, or closed before this sync ended: nothing to tell.
      return ticket && stillForMe(h, ticket, me, watched) && gate.allows(ticket.severity) ? [{ ...h, ticket }] : [];
    })
    .sort((a, b) => a.ticket.severity.localeCompare(b.ticket.severity) || b.at - a.at);
}

/** Whether the agent is looking at this window now (then the in-app notice is enough). */
export function windowInView(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Tells the agent on the desktop about work that came to them, unless they are looking at Tierdesk. Never throws: the in-app notice stands either way. */
export async function notifyWorkNews(db: TierdeskDb, bridge: TierdeskBridge, me: Agent, list: readonly WorkNews[], now: number, inView = windowInView): Promise<boolean> {
  if (!list.length || inView()) return false;
  try {
    const [settings, pause] = await Promise.all([bridge.getAlertSettings(), bridge.getAlertPause()]);
    const notices = await workNewsToShow(db, me, list, { ...settings, ...pause }, now);
    const givers = await db.agents.bulkGet([...new Set(notices.map((n) => n.by))]);
    const request = workNewsNotification(notices, new Map(givers.flatMap((a) => (a ? [[a.id, a] as const] : []))), me.id);
    return request ? await bridge.showNotification(request) : false;
  } catch (error) {
    console.warn('work news notification not shown', error);
    return false;
  }
}
