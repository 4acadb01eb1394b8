import { z } from 'zod';
import { parseWith } from '../errors';
import { ClockSnapshotSchema } from '../sla/clock-snapshot';
import { EpochMsSchema } from '../time/duration';
import { HandoffNoteSchema } from '../handoff/handoff-note';
import {
  ChannelSchema,
  ImpactSchema,
  RoleSchema,
  PrioritySchema,
  SeveritySchema,
  TicketStatusSchema,
  TierSchema,
  UrgencySchema,
} from './levels';

/** INC-000123 once the server has numbered it; NEW-XXXXXXXX for a ticket created offline and not yet synced. */
export const TICKET_NUMBER_RE = /^(INC-\d{6,}|NEW-[0-9A-Z]{8})$/;

export function formatTicketNumber(n: number): string {
  return `INC-${String(n).padStart(6, '0')}`;
}

export const RequesterSchema = z
  .object({
    name: z.string().min(1).max(120),
    email: z.email(),
    vip: z.boolean(),
  })
  .strict();
export type Requester = z.infer<typeof RequesterSchema>;

export const TicketSlaSchema = z
  .object({
    response: ClockSnapshotSchema,
    resolution: ClockSnapshotSchema,
    /** Accept-within clock while the ticket waits for someone in its tier to take it. */
    acceptance: ClockSnapshotSchema.nullable().optional(),
  })
  .strict();
export type TicketSla = z.infer<typeof TicketSlaSchema>;

/**
 * A tier skip the owner asked a lead to approve (requestTierSkip), with the
 * handoff note the lead reads and the next tier receives if it is approved.
 * Cleared when a lead decides, the requester withdraws, or the ticket moves on.
 */
export const SkipRequestSchema = z
  .object({
    toTier: TierSchema,
    trigger: z.string().min(1).max(64),
    reason: z.string().min(1).max(2000),
    note: HandoffNoteSchema,
    by: z.string().min(1).max(120),
    role: RoleSchema,
    at: EpochMsSchema,
  })
  .strict();
export type SkipRequest = z.infer<typeof SkipRequestSchema>;

export const TicketSchema = z
  .object({
    id: z.string().min(1).max(64),
    number: z.string().regex(TICKET_NUMBER_RE, 'must look like INC-000123'),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(20_000),
    requester: RequesterSchema,
    category: z.string().min(1).max(64),
    service: z.string().min(1).max(120),
    impact: ImpactSchema,
    urgency: UrgencySchema,
    priority: PrioritySchema,
    severity: SeveritySchema,
    tier: TierSchema,
    /** Assignment group id. */
    group: z.string().min(1).max(64),
    /** Owning agent id; null while unowned (new, or pending acceptance in a tier). */
    assignee: z.string().min(1).max(64).nullable(),
    status: TicketStatusSchema,
    channel: ChannelSchema.default('portal'),
    createdAt: EpochMsSchema,
    updatedAt: EpochMsSchema,
    sla: TicketSlaSchema,
    /** Increments on every server-side change; field edits name the version they were based on. */
    version: z.number().int().min(1),
    /** Version at which each editable field last changed: how a concurrent edit of the same field is told from one of another. */
    fieldVersions: z.record(z.string(), z.number().int().min(1)).default({}),
    resolution: z
      .object({ text: z.string(), kbArticleId: z.string().nullable(), at: EpochMsSchema, by: z.string() })
      .strict()
      .nullable()
      .default(null),
    /** A tier skip waiting for a lead's approval; absent or null when none waits. */
    skipRequest: SkipRequestSchema.nullable().optional(),
  })
  .strict();
export type Ticket = z.infer<typeof TicketSchema>;

export const parseTicket = (input: unknown): Ticket => parseWith(TicketSchema, input, 'ticket');
