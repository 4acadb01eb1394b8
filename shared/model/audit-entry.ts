import { z } from 'zod';
import { EpochMsSchema } from '../time/duration';

/**
 * One entry of the server's hash-chained audit log as clients see it: who
 * did what to which ticket, when, why, and the entry's hash in the chain
 * (before/after snapshots stay on the server; GET /v1/audit has them).
 */
export const AuditEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    at: EpochMsSchema,
    actorId: z.string().nullable(),
    /** e.g. "ticket.escalated_functional", "mutation.refused" */
    action: z.string(),
    ticketId: z.string(),
    reason: z.string().nullable(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
