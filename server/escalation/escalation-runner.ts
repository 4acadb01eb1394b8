import { dueActions, nextActionAt, type DueAction } from '../../shared/escalation/due-actions';
import { escalationNotices } from '../../shared/escalation/escalation-notices';
import { isOpenStatus, type TicketStatus } from '../../shared/model/levels';
import type { StoredEvent } from '../../shared/model/stored-event';
import type { Ticket } from '../../shared/model/ticket';
import type { Policy } from '../../shared/policy/schema';
import { autoClose, autoCloseAt } from '../../shared/mutations/ops/auto-close';
import { clocksOf } from '../../shared/mutations/recompute';
import { formatInstant } from '../../shared/time/format-instant';
import { appendAudit } from '../audit/audit-log';
import { DEFAULT_RUNNER_LEASE_RETRY_MS } from '../config';
import type { Db } from '../db/open-database';
import { enqueueNotifications } from '../notify/outbox';
import { loadActivePolicy } from '../policy/active-policy';
import { loadDirectory, type Directory } from '../repo/directory';
import { appendEvents, eventsOfTickets } from '../repo/events';
import { logDamaged, skipDamaged, type DamagedSink } from '../repo/stored-record';
import { putTickets, readTicketRow } from '../repo/tickets';
import { CoalescedRun } from '../sync/coalesced-run';
import { faultPoint } from '../sync/fault-point';
import { lockTicketRows } from '../sync/load-aggregate';
import type { RunnerLease } from './runner-lease';

/** The system actor of fired steps, as it appears in ticket logs. */
export const ESCALATION_ACTOR = 'tierdesk-escalations';
const POLICY_META_KEY = 'escalation_policy_version';
const BATCH = 200;
/** Longest sleep: a wall-clock step (NTP, a suspended VM) is noticed within this. */
export const MAX_SLEEP_MS = 5 * 60_000;

export type Timer = { cancel(): void };

export type EscalationDeps = {
  db: Db;
  now: () => number;
  /** After a commit that fired steps: poke clients, send queued messages. */
  afterCommit(effect: { fired: number; notifications: number }): void;
  /** One timer at a time; tests pass a fake. */
  schedule?: (run: () => void, delayMs: number) => Timer;
  onError?: (error: unknown) => void;
  /** Told of a damaged stored ticket or log entry; that ticket is left out of the run until it is written again (default: the server log). */
  damaged?: DamagedSink;
  /** Several processes on one PostgreSQL desk: only the lease holder runs (runner-lease.ts); none means always. */
  lease?: RunnerLease;
  /** How often a standby process tries to take the lease (default DEFAULT_RUNNER_LEASE_RETRY_MS). */
  leaseRetryMs?: number;
};


/** The directory, read once per run on first use (inside the caller's transaction: SQLite has one connection). */
type People = (trx: Db) => Promise<Directory>;

export type RunReport = { checked: number; fired: number; notifications: number; closed: number; nextAt: number | null };
const nothingDone = (): RunReport => ({ checked: 0, fired: 0, notifications: 0, closed: 0, nextAt: null });

const realTimer = (run: () => void, delayMs: number): Timer => {
  const handle = setTimeout(run, delayMs);
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
};

/**
 * Lets requests and signals in between two batches. On SQLite every query
 * resolves without returning to the event loop, so a long pass (the first
 * start on a big desk) would otherwise hold up every push, pull and a
 * shutdown until it ends.
 */
const betweenBatches = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Carries out the escalation matrix and time rules on the server, where they
 * happen whether or not anyone has the app open. Each ticket row keeps the
 * instant its next step comes due (worked out again whenever the ticket is
 * written or the policy changes); one timer wakes the runner at the
 * earliest. A due step is recorded as an `action_fired` event on the ticket
 * (so it fires once, and the timeline and "why" show it), its people are
 * written to through the notification outbox, and the firing goes into the
 * audit chain — all in one transaction per batch, pokes after commit.
 * Resolved tickets are planned the same way: at policy.closeResolvedAfter
 * they close (a system `closed` event and an audit entry), unless reopened.
 */
export class EscalationRunner {
  private timer: Timer | undefined;
  private readonly job = new CoalescedRun<RunReport>(() => this.loop(), nothingDone);
  private readonly schedule: (run: () => void, delayMs: number) => Timer;
  /** "planning" until the first pass over every stale ticket has finished; "standby" while another process holds the lease. */
  state: 'planning' | 'running' | 'standby' = 'planning';

  constructor(private readonly deps: EscalationDeps) {
    this.schedule = deps.schedule ?? realTimer;
  }

  /** Runs now (coalescing with a run under way) and sets the timer for the next step. Call after each commit that changed tickets. */
  kick(): Promise<RunReport> {
    return this.job.kick();
  }

  /**
   * No more runs: cancels the timer and resolves once a pass under way has
   * committed its current batch (the rest stays marked for the next start),
   * so the database can be closed without failing it.
   */
  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    await this.job.stop();
    await this.deps.lease?.release();
  }

  private async loop(): Promise<RunReport> {
    const total = nothingDone();
    if (this.deps.lease && !(await this.deps.lease.held())) {
      // Another process runs the matrix; try to take over later (its death lets the lease go).
      this.state = 'standby';
      this.arm(this.deps.now() + (this.deps.leaseRetryMs ?? DEFAULT_RUNNER_LEASE_RETRY_MS));
      return total;
    }
    if (this.state === 'standby') this.state = 'planning';
    try {
      do {
        const report = await this.runOnce();
        total.checked += report.checked;
        total.fired += report.fired;
        total.notifications += report.notifications;
        total.closed += report.closed;
        total.nextAt = report.nextAt;
      } while (this.job.takeAgain() && !this.job.stopped);
      this.state = 'running';
    } finally {
      // Also after a failed run (database briefly unavailable): try again at the latest after MAX_SLEEP_MS.
      this.arm(total.nextAt);
    }
    return total;
  }

  private arm(nextAt: number | null): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.job.stopped) return;
    const delay = nextAt === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, nextAt - this.deps.now()));
    this.timer = this.schedule(() => {
      this.timer = undefined;
      void this.kick().catch((error: unknown) => this.deps.onError?.(error));
    }, delay);
  }

  /** One pass: re-plan stale tickets, fire everything due, report the next instant. */
  async runOnce(): Promise<RunReport> {
    const { db } = this.deps;
    const active = await loadActivePolicy(db);
    await this.replanAfterPolicyChange(active.version);
    // Agents and groups are read only when a step fires: most runs (one after every push) fire nothing.
    let loaded: Promise<Directory> | undefined;
    const directory: People = (trx) => (loaded ??= loadDirectory(trx));
    const report = nothingDone();
    while (!this.job.stopped) {
      // No ORDER BY here or below other than the index's own: sorting by id made
      // SQLite walk the whole table on every pass (rows are locked in id order
      // by lockTicketRows anyway).
      const stale = await db.selectFrom('tickets').select('id').where('next_action_stale', '=', 1).limit(BATCH).execute();
      if (!stale.length) break;
      await this.process(stale.map((r) => r.id), active.policy, directory, report);
      report.checked += stale.length;
      faultPoint('escalation-batch', report.checked / BATCH);
      await betweenBatches();
    }
    while (!this.job.stopped) {
      // Earliest due first, straight off the next_action_at index.
      const due = await db.selectFrom('tickets').select('id').where('next_action_at', '<=', this.deps.now()).orderBy('next_action_at').limit(BATCH).execute();
      if (!due.length) break;
      await this.process(due.map((r) => r.id), active.policy, directory, report);
      await betweenBatches();
    }
    const next = await db.selectFrom('tickets').select((eb) => eb.fn.min('next_action_at').as('next')).executeTakeFirst();
    report.nextAt = next?.next === null || next?.next === undefined ? null : Number(next.next);
    return report;
  }

  /** A new policy version can move every open ticket's steps. */
  private async replanAfterPolicyChange(version: number): Promise<void> {
    const { db } = this.deps;
    const row = await db.selectFrom('meta').select('value').where('key', '=', POLICY_META_KEY).executeTakeFirst();
    if (row?.value === String(version)) return;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('tickets').set({ next_action_stale: 1 }).where('status', '!=', 'closed').execute();
      await trx
        .insertInto('meta')
        .values({ key: POLICY_META_KEY, value: String(version) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(version) }))
        .execute();
    });
  }

  /**
   * Fires what is due for these tickets and stores when their next step
   * comes, in one transaction. Rows are locked (PostgreSQL) in id order, the
   * same lock a push takes on its one ticket, so the two cannot deadlock.
   */
  private async process(ids: string[], policy: Policy, directory: People, report: RunReport): Promise<void> {
    const fired: { fired: number; notifications: number } = { fired: 0, notifications: 0 };
    let closed = 0;
    await this.deps.db.transaction().execute(async (trx) => {
      const now = this.deps.now();
      const rows = await lockTicketRows(trx, ids);
      // A damaged ticket or log is reported and left out (planned for nothing,
      // so it is not read again every pass); writing it again re-plans it.
      const broken = new Set<string>();
      const damaged: DamagedSink = (error) => {
        broken.add(error.ticketId ?? error.id);
        (this.deps.damaged ?? logDamaged)(error);
      };
      const logs = await eventsOfTickets(trx, rows.filter((r) => isOpenStatus(r.status as TicketStatus) || r.status === 'resolved').map((r) => r.id), damaged);
      const parsed = rows.flatMap((row) => {
        const ticket = broken.has(row.id) ? undefined : skipDamaged(damaged, () => readTicketRow(row));
        return ticket ? [{ row, ticket }] : [];
      });
      const open = parsed.filter(({ row }) => isOpenStatus(row.status as TicketStatus));
      const resolved = parsed.filter(({ row }) => row.status === 'resolved');
      const plans = new Map<string, number | null>(rows.map((r) => [r.id, null]));
      for (const { row, ticket } of resolved) {
        const done = autoClose({ ticket, events: logs.get(row.id) ?? [] }, policy, now, `auto-close:${ticket.id}`);
        if (!done) {
          plans.set(row.id, autoCloseAt(ticket, policy));
          continue;
        }
        await putTickets(trx, [done.ticket]);
        await appendEvents(trx, done.events);
        await appendAudit(trx, [
          {
            at: now,
            actorId: null,
            action: 'ticket.closed',
            entityType: 'ticket',
            entityId: ticket.id,
            data: { number: ticket.number, resolvedAt: ticket.resolution?.at ?? null, closeResolvedAfter: policy.closeResolvedAfter, before: ticket, after: done.ticket },
          },
        ]);
        closed++;
      }
      for (const { row, ticket } of open) {
        const events = logs.get(row.id) ?? [];
        const clocks = clocksOf(events, policy, now);
        const due = dueActions(clocks, policy, now);
        if (due.length) {
          const n = await this.fire(trx, ticket, events, due, policy, directory, now);
          fired.fired += due.length;
          fired.notifications += n;
        }
        plans.set(row.id, nextActionAt(clocks, policy, now, new Set(due.map((a) => a.id))));
      }
      for (const [id, nextAt] of plans) {
        await trx.updateTable('tickets').set({ next_action_at: nextAt, next_action_stale: 0 }).where('id', '=', id).execute();
      }
    });
    report.fired += fired.fired;
    report.notifications += fired.notifications;
    report.closed += closed;
    if (fired.fired || closed) this.deps.afterCommit(fired);
  }

  private async fire(trx: Db, ticket: Ticket, log: readonly StoredEvent[], due: readonly DueAction[], policy: Policy, people: People, now: number): Promise<number> {
    const lastSeq = log.reduce((max, e) => Math.max(max, e.seq), 0);
    await appendEvents(
      trx,
      due.map((action, i) => ({
        id: `escalation:${action.id}`,
        ticketId: ticket.id,
        seq: lastSeq + i + 1,
        event: { type: 'action_fired' as const, at: now, by: ESCALATION_ACTOR, role: 'system' as const, actionId: action.id },
      })),
    );
    const zone = policy.calendars.business?.timeZone ?? 'UTC';
    const directory = await people(trx);
    const notices = escalationNotices(ticket, due, [...directory.agents.values()], directory.groups, (ms) => formatInstant(ms, zone), policy.contacts);
    await enqueueNotifications(
      trx,
      notices.map((n) => ({ id: `escalation:${n.actionIds[n.actionIds.length - 1]}:${n.recipient.id}`, ticketId: ticket.id, recipient: n.recipient.email, subject: n.subject, body: n.body, createdAt: now })),
    );
    await appendAudit(trx, [
      {
        at: now,
        actorId: null,
        action: 'escalation.fired',
        entityType: 'ticket',
        entityId: ticket.id,
        data: {
          number: ticket.number,
          steps: due.map((a) => ({ id: a.id, dueAt: a.dueAt, reason: a.reason, actions: a.actions })),
          // An agent's id, or contact:<email> for a contact of the policy.
          notified: notices.map((n) => ({ agent: n.recipient.id, steps: n.actionIds })),
        },
      },
    ]);
    return notices.length;
  }
}
