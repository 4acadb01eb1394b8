import { z } from 'zod';
import { KbOutcomeSchema, NoteVisibilitySchema } from '../model/activity-event';
import { ChannelSchema, ImpactSchema, ResponseKindSchema, SeveritySchema, TierSchema, UrgencySchema } from '../model/levels';
import { RequesterSchema } from '../model/ticket';
import { ClockKindSchema } from '../sla/clock-snapshot';
import { HandoffNoteSchema } from '../handoff/handoff-note';

/**
 * Every user action is one of these named mutations. The client writes it to
 * its outbox and applies it optimistically; the server applies the same
 * `applyMutation` authoritatively. Args carry client-made ids so applying
 * twice (optimistic, then rebase) produces the same records.
 */
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const EDITABLE_FIELDS = ['title', 'description', 'category', 'service', 'impact', 'urgency'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const KbDraftSchema = z
  .object({ articleId: id, title: text(200).min(5), body: text(50_000).min(20), tags: z.array(text(40)).max(20).default([]) })
  .strict();

export const MutationArgs = {
  createTicket: z
    .object({
      ticketId: id,
      title: text(200),
      description: z.string().max(20_000),
      requester: RequesterSchema,
      category: id,
      service: text(120),
      impact: ImpactSchema,
      urgency: UrgencySchema,
      severity: SeveritySchema,
      channel: ChannelSchema,
    })
    .strict(),
  updateFields: z
    .object({
      ticketId: id,
      /** The ticket version the edit was made on: concurrent edits of the same field are refused, others merge. */
      baseVersion: z.number().int().min(1),
      fields: z
        .object({
          title: text(200).optional(),
          description: z.string().max(20_000).optional(),
          category: id.optional(),
          service: text(120).optional(),
          impact: ImpactSchema.optional(),
          urgency: UrgencySchema.optional(),
        })
        .strict()
        .refine((f) => Object.keys(f).length > 0, 'change at least one field'),
    })
    .strict(),
  addWorkNote: z
    .object({
      ticketId: id,
      noteId: id,
      body: text(20_000),
      visibility: NoteVisibilitySchema,
      /** For a public note or a logged call: how the requester was reached (counts as a response per policy). */
      contact: ResponseKindSchema.exclude(['internal_note', 'acceptance']).nullable().default(null),
    })
    .strict(),
  acceptTicket: z.object({ ticketId: id }).strict(),
  /** A lead gives the ticket to someone of its group and tier, or back to the queue (null); its owner may release it. */
  assignTicket: z.object({ ticketId: id, assignee: id.nullable(), reason: text(2000) }).strict(),
  escalateFunctional: z
    .object({
      ticketId: id,
      toTier: TierSchema,
      handoffNote: HandoffNoteSchema,
      /** Up: one of the policy's functional triggers (why the current tier cannot finish it). Down: one of its return reasons. */
      trigger: id.default('troubleshooting_exhausted'),
      /** Why a tier is skipped; a lead's own escalation with a reason is the approval. */
      skipReason: text(2000).optional(),
    })
    .strict(),
  /** The owner asks a lead to approve a tier skip, with the handoff note the next tier will get. */
  requestTierSkip: z
    .object({
      ticketId: id,
      toTier: TierSchema,
      handoffNote: HandoffNoteSchema,
      trigger: id.default('troubleshooting_exhausted'),
      skipReason: text(2000),
    })
    .strict(),
  /** A lead approves (the escalation happens, with their reason as the approval) or declines; the requester may withdraw. */
  decideTierSkip: z
    .object({
      ticketId: id,
      decision: z.enum(['approve', 'decline', 'withdraw']),
      reason: text(2000).optional(),
    })
    .strict(),
  escalateHierarchical: z
    .object({
      ticketId: id,
      reason: text(2000).min(10),
      /** A management level of the policy (team_lead, desk_manager, it_director …). */
      toRole: id,
      /** One of the policy's hierarchical triggers (breach risk, VIP, complaint …). */
      trigger: id,
    })
    .strict(),
  pauseClock: z.object({ ticketId: id, clock: ClockKindSchema, reason: id, note: z.string().max(2000).optional() }).strict(),
  resumeClock: z.object({ ticketId: id, clock: ClockKindSchema }).strict(),
  resolve: z
    .object({
      ticketId: id,
      resolution: text(20_000).min(10),
      /** An existing article, or a draft written now; required when the ticket was escalated. */
      kbArticleId: id.optional(),
      kbDraft: KbDraftSchema.optional(),
    })
    .strict()
    .refine((a) => !(a.kbArticleId && a.kbDraft), { message: 'link an article or draft one, not both', path: ['kbDraft'] }),
  reopen: z.object({ ticketId: id, reason: text(2000) }).strict(),
  createKbArticle: z
    .object({
      articleId: id,
      title: text(200).min(5),
      body: text(50_000).min(20),
      category: id,
      tags: z.array(text(40)).max(20).default([]),
      sourceTicketId: id.nullable().default(null),
    })
    .strict(),
  markKbArticle: z.object({ ticketId: id, articleId: id, outcome: KbOutcomeSchema }).strict(),
} as const;

export type MutationName = keyof typeof MutationArgs;
export const MUTATION_NAMES = Object.keys(MutationArgs) as MutationName[];
export type ArgsOf<N extends MutationName> = z.output<(typeof MutationArgs)[N]>;
export type ArgsInput<N extends MutationName> = z.input<(typeof MutationArgs)[N]>;

/** A mutation as applied: name plus parsed args (a discriminated union over names). */
export type Mutation = { [N in MutationName]: { name: N; args: ArgsOf<N> } }[MutationName];

/** The ticket a mutation acts on (createKbArticle acts on none). */
export function ticketIdOf(mutation: Mutation): string | null {
  return 'ticketId' in mutation.args ? mutation.args.ticketId : null;
}

export function isMutationName(name: unknown): name is MutationName {
  return typeof name === 'string' && Object.hasOwn(MutationArgs, name);
}
