import { z } from 'zod';
import { parseFromServer, parseIgnoringNewFields, parseWith, PROTOCOL_VERSION } from '../errors';
import { AgentSchema, GroupSchema } from '../model/agent';
import { AuditEntrySchema } from '../model/audit-entry';
import { KbArticleSchema } from '../model/kb-article';
import { StoredEventSchema } from '../model/stored-event';
import { TicketSchema } from '../model/ticket';
import { EpochMsSchema } from '../time/duration';

export const PULL_DEFAULT_LIMIT = 500;
export const PULL_MAX_LIMIT = 2000;

export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"');

export const PullQuerySchema = z
  .object({
    /** Opaque; "0" or absent means from the beginning. */
    cursor: z.string().regex(/^\d{1,18}$/, 'must be a cursor returned by a previous pull').default('0'),
    limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
    /** The pulling client: its last applied mutation id and refused mutations come back with the page. */
    clientId: ClientIdSchema.optional(),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuerySchema>;

/** Tickets per snapshot page: with their logs, a few megabytes. */
export const SNAPSHOT_DEFAULT_LIMIT = 1000;
export const SNAPSHOT_MAX_LIMIT = 2000;

/** GET /v1/pull/snapshot: the desk as it is now, a page of tickets at a time in id order (see server/sync/snapshot.ts). */
export const SnapshotQuerySchema = z
  .object({
    /** The last ticket id of the previous page ('' or absent for the first page). */
    after: z.string().max(64).default(''),
    /** From the first page's answer: the change-log position the snapshot started at, where pulling resumes after it. */
    cursor: z.string().regex(/^\d{1,18}$/, 'must be the cursor of the snapshot\'s first page').optional(),
    limit: z.coerce.number().int().min(1).max(SNAPSHOT_MAX_LIMIT).default(SNAPSHOT_DEFAULT_LIMIT),
    clientId: ClientIdSchema.optional(),
  })
  .strict();
export type SnapshotQuery = z.infer<typeof SnapshotQuerySchema>;

/** GET /v1/pull/first-work takes no parameters (see server/sync/first-work.ts). */
export const FirstWorkQuerySchema = z.object({}).strict();


export const RefusedMutationSchema = z
  .object({
    mutationId: z.number().int().positive(),
    name: z.string(),
    /** Stable code, e.g. "conflict", "forbidden", "invalid_handoff". */
    code: z.string(),
    field: z.string().nullable(),
    reason: z.string(),
    at: EpochMsSchema,
  })
  .strict();
export type RefusedMutation = z.infer<typeof RefusedMutationSchema>;

export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), value: TicketSchema }).strict(),
  /** A ticket this agent may no longer see: drop the local copy. */
  z.object({ kind: z.literal('ticket_gone'), id: z.string() }).strict(),
  /** One entry of a ticket's log (append-only, never changes once written). */
  z.object({ kind: z.literal('event'), value: StoredEventSchema }).strict(),
  z.object({ kind: z.literal('kb'), value: KbArticleSchema }).strict(),
  /** An audit-log entry about a ticket the agent can see. */
  z.object({ kind: z.literal('audit'), value: AuditEntrySchema }).strict(),
  /** The desk directory: who is who (names, tiers, groups) for owners, routing and mentions. */
  z.object({ kind: z.literal('agent'), value: AgentSchema }).strict(),
  z.object({ kind: z.literal('group'), value: GroupSchema }).strict(),
  /** The active policy document (validate with parsePolicy before use). */
  z.object({ kind: z.literal('policy'), version: z.number().int().min(1), value: z.unknown() }).strict(),
  z.object({ kind: z.literal('refused'), value: RefusedMutationSchema }).strict(),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z
  .object({
    version: z.literal(PROTOCOL_VERSION),
    /** Pass back as `cursor` to get what changed after this page. */
    cursor: z.string(),
    /** More pages are waiting: pull again at once. */
    hasMore: z.boolean(),
    /** Highest mutation id of the pulling client the server has applied or refused (0 when none). */
    lastMutationId: z.number().int().min(0),
    /** Server clock when the page was read; clients measure their offset from it. */
    serverTime: EpochMsSchema,
    changes: z.array(ChangeSchema),
    /** On the first page of a bootstrap (cursor 0): how many changes follow, for a real progress bar. */
    remaining: z.number().int().min(0).optional(),
  })
  .strict();
export type PullResponse = z.infer<typeof PullResponseSchema>;

/**
 * A ticket's whole log in a snapshot page, as the JSON text of its entries
 * (an array of stored events): the client keeps the text as it came and
 * reads the entries when the log is read (renderer/src/db/ticket-log.ts),
 * instead of making and checking ~8 objects per ticket of a 100k download.
 */
export const LogTextChangeSchema = z.object({ kind: z.literal('log'), ticketId: z.string().min(1).max(64), entries: z.string() }).strict();
export const SnapshotChangeSchema = z.discriminatedUnion('kind', [...ChangeSchema.options, LogTextChangeSchema]);
export type SnapshotChange = z.infer<typeof SnapshotChangeSchema>;

/**
 * A snapshot page: a pull page (its cursor is where pulling resumes once the
 * snapshot is whole) with the last ticket id it holds, to ask for the next,
 * and logs as text. On the first page `remaining` counts tickets, not changes.
 */
export const SnapshotPageSchema = PullResponseSchema.extend({ next: z.string(), changes: z.array(SnapshotChangeSchema) });
export type SnapshotPage = z.infer<typeof SnapshotPageSchema>;

export const parsePullResponse = (input: unknown): PullResponse => parseWith(PullResponseSchema, input, 'pull response');

const PullEnvelopeSchema = PullResponseSchema.extend({ changes: z.array(z.unknown()) });
const SnapshotEnvelopeSchema = SnapshotPageSchema.extend({ changes: z.array(z.unknown()) });

/**
 * A pull page whose changes are checked one by one: a single damaged record
 * (or one this version cannot read) is skipped and reported instead of
 * failing the page, so one record can never stop a client from syncing.
 * Fields added by a newer server are ignored (parseIgnoringNewFields).
 */
export function parsePullPage(input: unknown): { page: PullResponse; invalid: Array<{ index: number; message: string }> } {
  return readChanges(parseFromServer(PullEnvelopeSchema, input, 'pull response'), ChangeSchema);
}

/** A snapshot page, read as parsePullPage reads a pull page. */
export function parseSnapshotPage(input: unknown): { page: SnapshotPage; invalid: Array<{ index: number; message: string }> } {
  return readChanges(parseFromServer(SnapshotEnvelopeSchema, input, 'snapshot page'), SnapshotChangeSchema);
}

function readChanges<E extends { changes: unknown[] }, C extends z.ZodType>(
  envelope: E,
  schema: C,
): { page: Omit<E, 'changes'> & { changes: Array<z.output<C>> }; invalid: Array<{ index: number; message: string }> } {
  const changes: Array<z.output<C>> = [];
  const invalid: Array<{ index: number; message: string }> = [];
  envelope.changes.forEach((raw, index) => {
    const parsed = parseIgnoringNewFields(schema, raw);
    if (parsed.success) changes.push(parsed.data);
    else invalid.push({ index, message: parsed.error.issues[0]?.message ?? 'invalid change' });
  });
  return { page: { ...envelope, changes }, invalid };
}
