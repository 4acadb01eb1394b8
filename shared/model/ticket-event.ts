import { z } from 'zod';
import { parseWith, zodFieldErrors, type FieldError } from '../errors';
import { ClockKindSchema } from '../sla/clock-snapshot';
import { EpochMsSchema } from '../time/duration';
import {
  ChannelSchema,
  PrioritySchema,
  ROLES,
  ResponseKindSchema,
  SeveritySchema,
  TierSchema,
} from './levels';

/** Who acted: an agent role, the requester (e.g. a reopen by reply) or the system (timers, integrations). */
export const ActorRoleSchema = z.enum([...ROLES, 'requester', 'system']);
export type ActorRole = z.infer<typeof ActorRoleSchema>;

const actor = { at: EpochMsSchema, by: z.string().min(1).max(120), role: ActorRoleSchema };
const reason = z.string().trim().min(1).max(2000);

export const CreatedEventSchema = z
  .object({
    type: z.literal('created'),
    ...actor,
    ticketId: z.string().min(1).max(64),
    priority: PrioritySchema,
    severity: SeveritySchema,
    category: z.string().min(1).max(64),
    channel: ChannelSchema,
    /** Entry tier; the category's default entry tier when omitted. */
    tier: TierSchema.optional(),
  })
  .strict();

/** A contact with the requester; whether it stops the response clock depends on the policy's responseDefinition for the channel. */
export const RespondedEventSchema = z.object({ type: z.literal('responded'), ...actor, via: ResponseKindSchema }).strict();

/** A named person takes ownership in `tier` (ends pending acceptance after an escalation). */
/** `onBehalfOf`: a lead dispatched the ticket, accepting it for the tier on that agent's behalf; they own it, and the acceptance is theirs in reports. */
export const AcceptedEventSchema = z
  .object({ type: z.literal('accepted'), ...actor, tier: TierSchema, onBehalfOf: z.string().min(1).max(120).optional() })
  .strict();

export const PriorityChangedEventSchema = z
  .object({ type: z.literal('priority_changed'), ...actor, priority: PrioritySchema, reason })
  .strict();
export const SeverityChangedEventSchema = z
  .object({ type: z.literal('severity_changed'), ...actor, severity: SeveritySchema, reason })
  .strict();
export const CategoryChangedEventSchema = z
  .object({ type: z.literal('category_changed'), ...actor, category: z.string().min(1).max(64) })
  .strict();

export const PausedEventSchema = z
  .object({ type: z.literal('paused'), ...actor, clock: ClockKindSchema, reason: z.string().min(1), note: z.string().max(2000).optional() })
  .strict();
export const ResumedEventSchema = z.object({ type: z.literal('resumed'), ...actor, clock: ClockKindSchema }).strict();

export const SkipApprovalSchema = z.object({ by: z.string().min(1).max(120), role: ActorRoleSchema, reason }).strict();
export type SkipApproval = z.infer<typeof SkipApprovalSchema>;

/** Functional: the ticket moves to another tier and waits there for acceptance. */
export const FunctionalEscalationEventSchema = z
  .object({
    type: z.literal('escalated'),
    kind: z.literal('functional'),
    ...actor,
    trigger: z.string().min(1),
    fromTier: TierSchema,
    toTier: TierSchema,
    reason,
    /** A lead's approval when the move skips a tier without a direct path. */
    approval: SkipApprovalSchema.optional(),
  })
  .strict();

/** Hierarchical: management is notified; the ticket keeps its functional owner. */
export const HierarchicalEscalationEventSchema = z
  .object({ type: z.literal('escalated'), kind: z.literal('hierarchical'), ...actor, trigger: z.string().min(1), level: z.string().min(1), reason })
  .strict();

export const ResolvedEventSchema = z.object({ type: z.literal('resolved'), ...actor }).strict();
export const ReopenedEventSchema = z.object({ type: z.literal('reopened'), ...actor, reason }).strict();
export const ClosedEventSchema = z.object({ type: z.literal('closed'), ...actor }).strict();

/** An escalation action was carried out; its id makes firing idempotent (see dueActions). */
export const ActionFiredEventSchema = z
  .object({ type: z.literal('action_fired'), ...actor, actionId: z.string().min(1).max(200) })
  .strict();

export const TicketEventSchema = z.discriminatedUnion('type', [
  CreatedEventSchema,
  RespondedEventSchema,
  AcceptedEventSchema,
  PriorityChangedEventSchema,
  SeverityChangedEventSchema,
  CategoryChangedEventSchema,
  PausedEventSchema,
  ResumedEventSchema,
  z.discriminatedUnion('kind', [FunctionalEscalationEventSchema, HierarchicalEscalationEventSchema]),
  ResolvedEventSchema,
  ReopenedEventSchema,
  ClosedEventSchema,
  ActionFiredEventSchema,
]);
export type TicketEvent = z.infer<typeof TicketEventSchema>;
export type TicketEventType = TicketEvent['type'];
export type CreatedEvent = z.infer<typeof CreatedEventSchema>;
export type PausedEvent = z.infer<typeof PausedEventSchema>;
export type FunctionalEscalationEvent = z.infer<typeof FunctionalEscalationEventSchema>;

export const parseTicketEvent = (input: unknown): TicketEvent => parseWith(TicketEventSchema, input, 'ticket event');

/**
 * For stored streams: keeps every event that parses and reports the others
 * by index, so one damaged record never hides a ticket's history.
 */
export function parseTicketEvents(input: readonly unknown[]): { events: TicketEvent[]; invalid: Array<{ index: number; fields: FieldError[] }> } {
  const events: TicketEvent[] = [];
  const invalid: Array<{ index: number; fields: FieldError[] }> = [];
  input.forEach((raw, index) => {
    const result = TicketEventSchema.safeParse(raw);
    if (result.success) events.push(result.data);
    else invalid.push({ index, fields: zodFieldErrors(result.error) });
  });
  return { events, invalid };
}
