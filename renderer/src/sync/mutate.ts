import type { Agent } from '../../../shared/model/agent';
import { zodFieldErrors, type FieldError } from '../../../shared/errors';
import { applyMutation } from '../../../shared/mutations/apply';
import type { RefusalCode } from '../../../shared/mutations/context';
import { MutationArgs, ticketIdOf, type ArgsInput, type Mutation, type MutationName } from '../../../shared/mutations/mutations';
import type { TierdeskDb } from '../db/db';
import { appendToLogs, mergeLog, writeLog } from '../db/ticket-log';
import { fromRecord, toRecord, type TicketRecord } from '../db/ticket-record';
import { serverNow } from '../time/ticker';
import { applyContextFor, kbIdsOf, readView } from './local-apply';
import { commitEcho, dropEcho, publishEcho } from './local-echo';
import { readClientState } from './sync-state';
import { StorageError, toStorageError } from './storage-errors';

/** The input does not fit the mutation's schema; nothing was written. */
export class MutationInputError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(fields[0] ? `${fields[0].field}: ${fields[0].message}` : 'invalid input');
    this.name = 'MutationInputError';
  }
}

/** The shared rules refuse it here already (same rules as the server); nothing was written. */
export class MutationRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'MutationRefusedError';
  }
}

export type MutateResult = { mutationId: number; ticketId: string | null };

/**
 * Records one user action: validates it, applies it with the shared rules to
 * the local view, and writes the outbox row in the same transaction as that
 * optimistic change (strict durability), so the action and its visible
 * effect are kept or lost together. Refusals and storage failures throw
 * before anything is written; the caller keeps what the agent typed.
 */
export async function mutate<N extends MutationName>(db: TierdeskDb, actor: Agent, name: N, input: ArgsInput<N>): Promise<MutateResult> {
  const parsed = MutationArgs[name].safeParse(input);
  if (!parsed.success) throw new MutationInputError(zodFieldErrors(parsed.error));
  const mutation = { name, args: parsed.data } as Mutation;
  const ticketId = ticketIdOf(mutation);
  const clientTime = serverNow();
  let echo: TicketRecord | null = null;
  let echoTimer: ReturnType<typeof setTimeout> | undefined;
  try {
    const result = await db.transaction('rw', [db.tickets, db.serverTickets, db.logs, db.outbox, db.syncState, db.kb, db.groups, db.agents], async () => {
      // Every read at once (IndexedDB pipelines them): the sooner the new view is known, the sooner its row shows it.
      const [client, view, context] = await Promise.all([
        readClientState(db),
        ticketId ? readView(db, ticketId) : null,
        applyContextFor(db, actor, '', clientTime, ticketId ?? '', kbIdsOf(mutation.args)),
      ]);
      const id = client.nextMutationId;
      const outcome = applyMutation(view?.agg ?? null, mutation, { ...context, eventIdPrefix: `${client.clientId}:${id}` });
      if (!outcome.ok) throw new MutationRefusedError(outcome.code, outcome.field, outcome.message);

      const existing = view?.record;
      if (existing && existing.origin === 'server' && !existing.pending) {
        // First pending change of this ticket: keep the server's copy to rebase on.
        await db.serverTickets.put(fromRecord(existing));
      }
      if (outcome.ticket) {
        const record = toRecord(outcome.ticket, existing?.origin ?? 'local', (existing?.pending ?? 0) + 1);
        // Shown in its rows while the strict commit runs (local-echo.ts); from a timer, outside this transaction's zone.
        echo = record;
        echoTimer = setTimeout(() => {
          echoTimer = undefined;
          publishEcho(record);
        }, 0);
        await db.tickets.put(record);
      }
      const entries = outcome.events.map((e) => ({ ...e, pending: 1 as const }));
      // The ticket's log was read above: merge into it rather than read it again.
      if (view && entries.length && entries.every((e) => e.ticketId === ticketId)) await writeLog(db, view.record.id, mergeLog(view.log, entries));
      else await appendToLogs(db, entries);
      if (outcome.kbArticles.length) await db.kb.bulkPut(outcome.kbArticles);
      await db.outbox.add({ id, name, args: parsed.data, clientTime, ticketId: ticketId ?? '', queuedAt: Date.now() });
      await db.syncState.put({ ...client, nextMutationId: id + 1 });
      return { mutationId: id, ticketId };
    });
    if (echo) {
      // Committed before the echo went out: IndexedDB has it already, no echo needed.
      if (echoTimer !== undefined) clearTimeout(echoTimer);
      else commitEcho(echo, performance.now());
    }
    return result;
  } catch (error) {
    clearTimeout(echoTimer);
    if (echo) dropEcho(echo);
    if (error instanceof MutationRefusedError || error instanceof MutationInputError) throw error;
    throw toStorageError(error);
  }
}

export { StorageError };
