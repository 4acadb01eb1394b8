import { z } from 'zod';
import { parseWith } from '../errors';
import {
  CHANNELS,
  ChannelSchema,
  IMPACTS,
  PRIORITIES,
  PrioritySchema,
  ResponseKindSchema,
  RoleSchema,
  SeveritySchema,
  TIERS,
  TierSchema,
  URGENCIES,
} from '../model/levels';
import { CalendarSpecSchema } from '../sla/calendar-spec';
import { ClockKindSchema } from '../sla/clock-snapshot';
import { DurationSchema } from '../time/duration';
import {
  DEFAULT_TIER_RULES,
  DEFAULT_RETURN_TRIGGERS,
  EscalationTriggersSchema,
  ThresholdSchema,
  TierRulesSchema,
  ContactSchema,
  TimeRuleSchema,
} from './escalation-schema';
import { checkPolicy } from './check-policy';

export { ESCALATION_ACTIONS, EscalationActionSchema, type EscalationAction } from './escalation-schema';

const SeverityDefSchema = z.object({ id: SeveritySchema, name: z.string().min(1), description: z.string() }).strict();

const TierDefSchema = z
  .object({
    id: TierSchema,
    name: z.string().min(1),
    /** Categories the tier handles. */
    scope: z.array(z.string().min(1)),
    acceptWithin: DurationSchema,
    /** Calendar of the accept-within clock; by default the calendar of the ticket's resolution target. */
    acceptCalendar: z.string().min(1).optional(),
    authority: z.string().min(1),
    /**
     * What one ticket handled at this tier costs (labour), in the policy's
     * `costCurrency`: Reports add it for every tier that accepted a ticket,
     * which shows what escalations cost. Optional; no costs, no cost column.
     */
    costPerTicket: z.number().nonnegative().finite().optional(),
  })
  .strict();

const ManagementLevelSchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), acceptWithin: DurationSchema })
  .strict();

const ClockTargetSchema = z.object({ within: DurationSchema, calendar: z.string().min(1) }).strict();

const thresholds = z.array(ThresholdSchema);

const DEFAULT_ACCEPTANCE_PATH = [
  { atPercent: 0, actions: ['notify_receiving_tier' as const] },
  { atPercent: 75, actions: ['alert_team_lead' as const] },
  { atPercent: 100, actions: ['escalate_to_assignment_manager' as const, 'audit_entry' as const] },
];

const EscalationMatrixSchema = z
  .object({
    response: thresholds,
    resolution: thresholds,
    /** The accept-within clock of a ticket pending acceptance in a tier. */
    acceptance: thresholds.default(DEFAULT_ACCEPTANCE_PATH),
    /** Severity-specific paths replacing the defaults above, e.g. a tighter S1 path. */
    bySeverity: z
      .partialRecord(SeveritySchema, z.object({ response: thresholds.optional(), resolution: thresholds.optional() }).strict())
      .default({}),
  })
  .strict();

const CategorySchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), entryTier: TierSchema, group: z.string().min(1) })
  .strict();

/**
 * A note the desk writes often ("no answer, voicemail left", "fix applied,
 * please confirm"): the Note dialog inserts its body, with {requester},
 * {number}, {service} and {agent} filled in, and (into an empty note) its
 * visibility and how the requester was reached.
 */
const NoteTemplateSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1).max(80),
    body: z.string().min(1).max(5000),
    visibility: z.enum(['internal', 'public']).default('internal'),
    contact: ResponseKindSchema.exclude(['internal_note', 'acceptance']).optional(),
  })
  .strict();

const PauseReasonSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    roles: z.array(RoleSchema).min(1),
    /** Clocks this reason may pause; both when omitted. */
    clocks: z.array(ClockKindSchema).min(1).optional(),
  })
  .strict();

const impactRow = z.object(Object.fromEntries(URGENCIES.map((u) => [u, PrioritySchema])) as Record<
  (typeof URGENCIES)[number],
  typeof PrioritySchema
>).strict();

/** What stops the response clock, per channel: "unclear what counts as a response" is settled here and shown on the ticket. */
const ResponseDefinitionSchema = z.record(ChannelSchema, z.array(ResponseKindSchema.exclude(['internal_note'])).min(1));
const DEFAULT_RESPONSE_DEFINITION = Object.fromEntries(
  CHANNELS.map((c) => [c, ['public_reply', 'phone_call', 'chat_reply', 'on_site_visit', 'acceptance'] as const]),
) as unknown as z.output<typeof ResponseDefinitionSchema>;

const HandoffRulesSchema = z
  .object({
    /** Tier moves whose handoff note must list the KB articles checked. */
    kbRequired: z.array(z.object({ from: TierSchema, to: TierSchema }).strict()),
    /** A note at least this similar (0–1, normalised) to the previous handoff is refused as a copy. */
    copySimilarity: z.number().min(0.5).max(1),
    /** Fewest words in a free-text field (business impact, what the next tier needs). */
    minWords: z.number().int().min(1).max(30),
  })
  .strict();

const ForecastRulesSchema = z
  .object({
    /** The "high" estimate, e.g. 0.9 for p90. */
    quantile: z.number().gt(0.5).lt(1),
    /** Fewest resolved samples before a group is trusted; coarser groups are used below it. */
    minSamples: z.number().int().min(1),
  })
  .strict();

export const PolicySchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    severities: z.array(SeverityDefSchema),
    /** impact → urgency → priority */
    priorityMatrix: z
      .object(Object.fromEntries(IMPACTS.map((i) => [i, impactRow])) as Record<(typeof IMPACTS)[number], typeof impactRow>)
      .strict(),
    tiers: z.array(TierDefSchema),
    /** ISO 4217 code the tiers' costPerTicket are in. */
    costCurrency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 currency code, e.g. "USD"').default('USD'),
    management: z.array(ManagementLevelSchema),
    calendars: z.record(z.string().min(1), CalendarSpecSchema),
    targets: z.partialRecord(PrioritySchema, z.object({ response: ClockTargetSchema, resolution: ClockTargetSchema }).strict()),
    /** A resolved ticket the requester has not reopened closes by itself this long (wall-clock) after it was resolved; closed is final. */
    closeResolvedAfter: DurationSchema.default(2 * 24 * 60 * 60 * 1000),
    /**
     * On a priority change, a running clock either keeps the open time it has
     * accrued against the new target (keep_elapsed: no pending time is lost),
     * or restarts from zero at the change (restart).
     */
    retargetRule: z.enum(['keep_elapsed', 'restart']).default('keep_elapsed'),
    responseDefinition: ResponseDefinitionSchema.default(DEFAULT_RESPONSE_DEFINITION),
    escalationMatrix: EscalationMatrixSchema,
    timeRules: z.array(TimeRuleSchema).default([]),
    escalationTriggers: EscalationTriggersSchema.default({
      functional: [{ id: 'tier_time_exceeded', label: "Tier's time threshold exceeded" }],
      hierarchical: [{ id: 'sla_breach_risk', label: 'SLA breach risk' }],
      return: DEFAULT_RETURN_TRIGGERS,
    }),
    /** People outside the directory that escalation steps reach (business stakeholders, the account director). */
    contacts: z.array(ContactSchema).default([]),
    tierRules: TierRulesSchema.default(DEFAULT_TIER_RULES as z.output<typeof TierRulesSchema>),
    categories: z.array(CategorySchema).min(1),
    pauseReasons: z.array(PauseReasonSchema),
    noteTemplates: z.array(NoteTemplateSchema).default([]),
    handoff: HandoffRulesSchema.default({ kbRequired: [{ from: 'L1', to: 'L2' }], copySimilarity: 0.85, minWords: 3 }),
    forecast: ForecastRulesSchema.default({ quantile: 0.9, minSamples: 5 }),
  })
  .strict()
  .superRefine((policy, ctx) => {
    for (const issue of checkPolicy(policy)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type PolicyInput = z.input<typeof PolicySchema>;
export type Policy = z.output<typeof PolicySchema>;
export type PauseReason = Policy['pauseReasons'][number];
export type NoteTemplate = Policy['noteTemplates'][number];
export type TierDef = Policy['tiers'][number];

/** Validates a policy document (parsed JSON or YAML); errors name their path, e.g. `tiers[2].acceptWithin`. */
export const parsePolicy = (input: unknown): Policy => parseWith(PolicySchema, input, 'policy');

export { PRIORITIES, TIERS };
