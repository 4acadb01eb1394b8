import type { Db } from '../db/open-database';
import { CoalescedRun } from '../sync/coalesced-run';
import type { Transport } from './transport';

export type QueuedNotification = { id: string; ticketId: string; recipient: string; subject: string; body: string; createdAt: number };

export const MAX_ATTEMPTS = 8;
const PAGE = 100;

/** Queues a requester notification in the caller's transaction; it is sent only after commit. */
export async function enqueueNotifications(trx: Db, items: readonly QueuedNotification[]): Promise<void> {
  if (!items.length) return;
  await trx
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        id: n.id,
        ticket_id: n.ticketId,
        recipient: n.recipient,
        subject: n.subject,
        body: n.body,
        created_at: n.createdAt,
        status: 'queued' as const,
        attempts: 0,
        last_error: null,
        sent_at: null,
      })),
    )
    .execute();
}

/**
 * Sends queued notifications one by one. A failure is recorded on the row
 * and retried on a later drain (up to MAX_ATTEMPTS, then marked failed);
 * nothing is lost if the process stops between sending and marking — the
 * message is sent again (at-least-once, with a stable Message-ID).
 */
export class NotificationDispatcher {
  private readonly job = new CoalescedRun<number>(() => this.drainLoop(), () => 0);

  constructor(
    private readonly db: Db,
    private readonly transport: Transport,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call after a commit that queued messages; concurrent calls coalesce. */
  kick(): Promise<number> {
    return this.job.kick();
  }

  /** No more drains: resolves once the message being sent is marked (the rest wait for the next start). */
  stop(): Promise<void> {
    return this.job.stop();
  }

  private async drainLoop(): Promise<number> {
    let sent = 0;
    for (;;) {
      const round = await this.drainOnce();
      sent += round.sent;
      if (this.job.stopped) return sent;
      // A kick during the round, or a full page sent cleanly (more may be waiting: a burst of escalations): keep going.
      if (!this.job.takeAgain() && !(round.full && round.clean)) return sent;
    }
  }

  private async drainOnce(): Promise<{ sent: number; full: boolean; clean: boolean }> {
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    let sent = 0;
    for (const row of rows) {
      if (this.job.stopped) return { sent, full: false, clean: true };
      try {
        await this.transport.send({ id: row.id, to: row.recipient, subject: row.subject, body: row.body });
        await this.db.updateTable('notifications').set({ status: 'sent', sent_at: this.now(), attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await this.db
          .updateTable('notifications')
          .set({ attempts, last_error: String(error).slice(0, 1000), status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued' })
          .where('id', '=', row.id)
          .execute();
        // Stop this round on a transport error: the relay is probably down for all of them.
        return { sent, full: false, clean: false };
      }
    }
    return { sent, full: rows.length === PAGE, clean: true };
  }
}
