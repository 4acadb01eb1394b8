import { canReadTicket } from '../../shared/auth/access';
import type { Agent } from '../../shared/model/agent';
import { parseTicket, type Ticket } from '../../shared/model/ticket';
import { queueDueAt } from '../../shared/sla/ticket-sla';
import type { Change, PullResponse } from '../../shared/sync/pull';
import type { Db } from '../db/open-database';
import { eventsOfTickets } from '../repo/events';
import { logDamaged, readStoredOr, type DamagedSink } from '../repo/stored-record';

/** Tickets per list in a first-work answer: a screenful many times over, a small fraction of a big desk. */
export const FIRST_WORK_PER_LIST = 300;
/** Rows ranked between two turns of the event loop. */
const YIELD_EVERY = 2_000;

type FirstWorkInput = { agent: Agent; nowMs: number; perList?: number; damaged?: DamagedSink };

/**
 * What an agent signing in on a new computer looks at first, ahead of the
 * whole desk: the most urgent of their own open tickets, of those waiting
 * for their groups' acceptance, and of their groups' queues (each by time to
 * breach, as the views sort), with the tickets' logs. A bootstrap pages
 * through the desk in change order, so without this a big desk's queues
 * fill in an arbitrary order for a minute.
 *
 * The answer is a pull page that moves no cursor: everything in it comes
 * again with the bootstrap (the client writes the newer copy, and log
 * entries by id), so nothing is lost or doubled if either is cut short.
 */
export async function firstWork(db: Db, input: FirstWorkInput): Promise<PullResponse> {
  const { agent, nowMs } = input;
  const perList = input.perList ?? FIRST_WORK_PER_LIST;
  const damaged = input.damaged ?? logDamaged;
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'data'])
    .where('status', 'not in', ['resolved', 'closed'])
    .where((eb) => (agent.groups.length ? eb.or([eb('assignee_id', '=', agent.id), eb('group_id', 'in', agent.groups)]) : eb('assignee_id', '=', agent.id)))
    .execute();
  // Ranked from the raw JSON (cheap); only the chosen few are read in full, damaged ones reported and left out.
  type Ranked = { row: (typeof rows)[number]; raw: Ticket | null; due: number };
  const ranked: Ranked[] = [];
  for (let i = 0; i < rows.length; i++) {
    // A big group is tens of thousands of rows: let other requests through between slices.
    if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const row = rows[i]!;
    try {
      const raw = JSON.parse(row.data) as Ticket;
      ranked.push({ row, raw, due: queueDueAt(raw.sla) });
    } catch {
      ranked.push({ row, raw: null, due: -Infinity });
    }
  }
  ranked.sort((a, b) => a.due - b.due || (a.row.id < b.row.id ? -1 : 1));
  const pick = (keep: (raw: Ticket) => boolean) => ranked.filter((t) => t.raw === null || keep(t.raw)).slice(0, perList);
  const inMyGroups = (raw: Ticket) => agent.groups.includes(raw.group);
  const chosenRows = new Map(
    [...pick((raw) => raw.assignee === agent.id), ...pick((raw) => raw.status === 'pending_acceptance' && inMyGroups(raw)), ...pick(inMyGroups)].map((t) => [t.row.id, t.row]),
  );
  const chosen = [...chosenRows.values()]
    .map((row) => readStoredOr(damaged, 'tickets', row.id, row.id, row.data, parseTicket))
    .filter((t): t is Ticket => !!t && canReadTicket(agent, t));

  const changes: Change[] = [];
  for (let i = 0; i < chosen.length; i += 500) {
    const batch = chosen.slice(i, i + 500);
    const logs = await eventsOfTickets(db, batch.map((t) => t.id), damaged);
    for (const ticket of batch) {
      // A ticket whose log cannot be read whole is left to the bootstrap (which reports it).
      const log = logs.get(ticket.id);
      if (!log) continue;
      changes.push({ kind: 'ticket', value: ticket });
      for (const event of log) changes.push({ kind: 'event', value: event });
    }
  }
  return { version: 1, cursor: '0', hasMore: false, lastMutationId: 0, serverTime: nowMs, changes };
}
