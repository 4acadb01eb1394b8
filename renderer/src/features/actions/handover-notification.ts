import { createAlertGate } from '../../../../shared/alerts/alert-gate';
import type { AlertSettings } from '../../../../shared/alerts/alert-settings';
import type { AlertPauseState, NotificationRequest, TierdeskBridge } from '../../../../shared/ipc/contract';
import type { Agent } from '../../../../shared/model/agent';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import type { HandedOver } from '../../sync/puller';

/**
 * A desktop notification when someone gives the agent tickets while they
 * are looking elsewhere: the status-bar notice (HandedOverNotices) is only
 * seen by someone looking at Tierdesk. Quiet hours, the shift and a pause
 * hold it as they hold SLA alerts (S1 always gets through); a held one is not shown
 * later, since the ticket is in My work and the notice waits in the app.
 */
const LISTED = 3;

export type HandoverNotice = HandedOver & { ticket: TicketRecord };

/** Wording for one notification covering everything given in one sync; null when there is nothing to say. */
export function handoverNotification(notices: readonly HandoverNotice[], agents: ReadonlyMap<string, Agent>): NotificationRequest | null {
  if (!notices.length) return null;
  const name = (id: string) => agents.get(id)?.name ?? 'Someone';
  const first = notices[0]!;
  const s1 = (t: TicketRecord) => (t.severity === 'S1' ? 'S1 · ' : '');
  if (notices.length === 1) {
    return {
      title: `${name(first.by)} gave you ${first.ticket.number}`,
      body: `${s1(first.ticket)}${first.ticket.title} — ${first.reason}`.slice(0, 1000),
      ticketNumber: first.ticket.number,
    };
  }
  const givers = new Set(notices.map((n) => n.by));
  const from = givers.size === 1 ? name(first.by) : `${givers.size} people`;
  const numbers = notices.slice(0, LISTED).map((n) => `${s1(n.ticket)}${n.ticket.number}`);
  const more = notices.length > LISTED ? ` and ${notices.length - LISTED} more` : '';
  return { title: `${from} gave you ${notices.length} tickets`, body: `${numbers.join(', ')}${more}`, ticketNumber: first.ticket.number };
}

/** What holds non-S1 alerts: the agent's quiet hours and shift, and a pause (from the tray or the app). */
export type AlertHold = Pick<AlertSettings, 'quietHours' | 'shift'> & AlertPauseState;

/**
 * The tickets of `list` still the agent's own and open, most severe first,
 * that the agent's alert hours and pause let through at `now`.
 */
export async function handoverNotices(db: TierdeskDb, me: Agent, list: readonly HandedOver[], hold: AlertHold, now: number): Promise<HandoverNotice[]> {
  const tickets = await db.tickets.bulkGet(list.map((h) => h.ticketId));
  const hours = createAlertGate(hold);
  const paused = hold.pausedUntil !== null && now < hold.pausedUntil;
  const gate = { allows: (severity: TicketRecord['severity']) => severity === 'S1' || (!paused && hours.allows(now, severity)) };
  return list
    .flatMap((h, i) => {
      const ticket = tickets[i];
      // Given and taken back (or closed) before this sync ended: nothing to tell.
      return ticket && ticket.assignee === me.id && ticket.open === 1 && gate.allows(ticket.severity) ? [{ ...h, ticket }] : [];
    })
    .sort((a, b) => a.ticket.severity.localeCompare(b.ticket.severity) || b.at - a.at);
}

/** Whether the agent is looking at this window now (then the in-app notice is enough). */
export function windowInView(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Tells the agent on the desktop about tickets given to them, unless they are looking at Tierdesk. Never throws: the in-app notice stands either way. */
export async function notifyHandedOver(db: TierdeskDb, bridge: TierdeskBridge, me: Agent, list: readonly HandedOver[], now: number, inView = windowInView): Promise<boolean> {
  if (!list.length || inView()) return false;
  try {
    const [settings, pause] = await Promise.all([bridge.getAlertSettings(), bridge.getAlertPause()]);
    const notices = await handoverNotices(db, me, list, { ...settings, ...pause }, now);
    const givers = await db.agents.bulkGet([...new Set(notices.map((n) => n.by))]);
    const request = handoverNotification(notices, new Map(givers.flatMap((a) => (a ? [[a.id, a] as const] : []))));
    return request ? await bridge.showNotification(request) : false;
  } catch (error) {
    console.warn('hand-over notification not shown', error);
    return false;
  }
}
