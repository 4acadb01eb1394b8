import { z } from 'zod';
import { EpochMsSchema } from '../time/duration';
import { ResponseKindSchema, TierSchema } from './levels';
import { ActorRoleSchema } from './ticket-event';

/**
 * Timeline entries that do not move SLA clocks: notes, field edits, the
 * structured handoff note, knowledge checks, requester notifications. They
 * live in the same per-ticket log as the clock events (see stored-event.ts).
 */
const actor = { at: EpochMsSchema, by: z.string().min(1).max(120), role: ActorRoleSchema };

export const NOTE_VISIBILITIES = ['internal', 'public'] as const;
export const NoteVisibilitySchema = z.enum(NOTE_VISIBILITIES);
export type NoteVisibility = z.infer<typeof NoteVisibilitySchema>;

export const NoteAddedEventSchema = z
  .object({
    type: z.literal('note_added'),
    ...actor,
    noteId: z.string().min(1).max(64),
    body: z.string().min(1).max(20_000),
    visibility: NoteVisibilitySchema,
    /** How the requester was reached, for a public note or a logged call; null for an internal note. */
    contact: ResponseKindSchema.nullable(),
  })
  .strict();

export const FieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).strict();
export const FieldsUpdatedEventSchema = z
  .object({ type: z.literal('fields_updated'), ...actor, changes: z.array(FieldChangeSchema).min(1) })
  .strict();

/** Stored as given; validated with validateHandoff when it is written. */
export const HandoffNoteEventSchema = z
  .object({
    type: z.literal('handoff_note'),
    ...actor,
    fromTier: TierSchema,
    toTier: TierSchema,
    note: z.record(z.string(), z.unknown()),
    skipReason: z.string().max(2000).nullable(),
  })
  .strict();

/** The owner asked a lead to approve a tier skip; the note itself waits on the ticket (Ticket.skipRequest). */
export const SkipRequestedEventSchema = z
  .object({ type: z.literal('skip_requested'), ...actor, toTier: TierSchema, trigger: z.string().min(1).max(64), reason: z.string().min(1).max(2000) })
  .strict();

export const SKIP_DECISIONS = ['approved', 'declined', 'withdrawn'] as const;
/** What became of a tier-skip request: a lead approved it (the escalation follows) or declined it, or the requester withdrew it. */
export const SkipDecidedEventSchema = z
  .object({
    type: z.literal('skip_decided'),
    ...actor,
    decision: z.enum(SKIP_DECISIONS),
    toTier: TierSchema,
    requestedBy: z.string().min(1).max(120),
    reason: z.string().max(2000).nullable(),
  })
  .strict();

/** A lead or manager gave the ticket to someone else (or back to its group's queue), or its owner released it; `to` null = the queue. */
export const OwnerChangedEventSchema = z
  .object({
    type: z.literal('owner_changed'),
    ...actor,
    from: z.string().min(1).max(120).nullable(),
    to: z.string().min(1).max(120).nullable(),
    reason: z.string().min(1).max(2000),
  })
  .strict();

export const KB_OUTCOMES = ['checked_not_resolved', 'resolved_with'] as const;
export const KbOutcomeSchema = z.enum(KB_OUTCOMES);
export type KbOutcome = z.infer<typeof KbOutcomeSchema>;

export const KbMarkedEventSchema = z
  .object({ type: z.literal('kb_marked'), ...actor, articleId: z.string().min(1).max(64), outcome: KbOutcomeSchema })
  .strict();

export const ResolutionRecordedEventSchema = z
  .object({
    type: z.literal('resolution_recorded'),
    ...actor,
    resolution: z.string().min(1).max(20_000),
    kbArticleId: z.string().min(1).max(64).nullable(),
  })
  .strict();

export const NotificationQueuedEventSchema = z
  .object({
    type: z.literal('notification_queued'),
    ...actor,
    notificationId: z.string().min(1).max(128),
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
  })
  .strict();

export const ActivityEventSchema = z.discriminatedUnion('type', [
  NoteAddedEventSchema,
  FieldsUpdatedEventSchema,
  HandoffNoteEventSchema,
  SkipRequestedEventSchema,
  SkipDecidedEventSchema,
  OwnerChangedEventSchema,
  KbMarkedEventSchema,
  ResolutionRecordedEventSchema,
  NotificationQueuedEventSchema,
]);
export type ActivityEvent = z.infer<typeof ActivityEventSchema>;
export type NoteAddedEvent = z.infer<typeof NoteAddedEventSchema>;
export type HandoffNoteEvent = z.infer<typeof HandoffNoteEventSchema>;
export const ACTIVITY_EVENT_TYPES: ReadonlySet<string> = new Set(ActivityEventSchema.options.map((o) => o.shape.type.value));
