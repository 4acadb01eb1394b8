import { z } from 'zod';
import { parseWith } from '../errors';
import { TicketSchema } from '../model/ticket';
import { EpochMsSchema } from '../time/duration';

export const PULL_DEFAULT_LIMIT = 500;
export const PULL_MAX_LIMIT = 2000;

export const PullQuerySchema = z
  .object({
    /** Opaque; "0" or absent means from the beginning. */
    cursor: z.string().regex(/^\d{1,18}$/, 'must be a cursor returned by a previous pull').default('0'),
    limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuerySchema>;

export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), value: TicketSchema }).strict(),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z
  .object({
    version: z.literal(1),
    /** Pass back as `cursor` to get what changed after this page. */
    cursor: z.string(),
    /** More pages are waiting: pull again at once. */
    hasMore: z.boolean(),
    /** Server clock when the page was read; clients measure their offset from it. */
    serverTime: EpochMsSchema,
    changes: z.array(ChangeSchema),
  })
  .strict();
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const parsePullResponse = (input: unknown): PullResponse => parseWith(PullResponseSchema, input, 'pull response');
