import { z } from 'zod';
import { PrioritySchema, RoleSchema, SeveritySchema, TIERS, TierSchema } from '../model/levels';
import { DurationSchema } from '../time/duration';

export const ESCALATION_ACTIONS = [
  'notify_assignment_group',
  'alert_senior_it_management',
  'escalate_to_assignment_manager',
  'alert_business_stakeholders',
  'full_escalation',
  'notify_management',
  'audit_entry',
  'functional_escalation',
  'page_senior_engineers',
  'notify_account_director',
  'notify_receiving_tier',
  'alert_team_lead',
] as const;
export const EscalationActionSchema = z.enum(ESCALATION_ACTIONS);
export type EscalationAction = z.infer<typeof EscalationActionSchema>;

/** Functional escalation moves the ticket to another tier (skills); hierarchical notifies up the management chain (authority). */
export const ESCALATION_KINDS = ['functional', 'hierarchical'] as const;
export const EscalationKindSchema = z.enum(ESCALATION_KINDS);
export type EscalationKind = z.infer<typeof EscalationKindSchema>;

const percent = z.number().min(0, 'must be between 0 and 200%').max(200, 'must be between 0 and 200%');

export const ThresholdSchema = z.object({ atPercent: percent, actions: z.array(EscalationActionSchema).min(1) }).strict();
export type Threshold = z.infer<typeof ThresholdSchema>;

/** Which tickets a rule or path applies to; an omitted list matches everything. */
export const TicketMatchSchema = z
  .object({
    priorities: z.array(PrioritySchema).min(1).optional(),
    severities: z.array(SeveritySchema).min(1).optional(),
    categories: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type TicketMatch = z.infer<typeof TicketMatchSchema>;

/**
 * "P1 unresolved after 30 min → functional escalation": fires once when the
 * clock named here has run `after` on `calendar` (paused time excluded,
 * whole history counted across re-targets), unless that clock has stopped.
 */
export const TimeRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a lowercase id such as "p1-unresolved-30m"'),
    label: z.string().min(1),
    when: TicketMatchSchema,
    clock: z.enum(['response', 'resolution']),
    after: DurationSchema,
    calendar: z.string().min(1),
    escalation: EscalationKindSchema,
    actions: z.array(EscalationActionSchema).min(1),
  })
  .strict();
export type TimeRule = z.infer<typeof TimeRuleSchema>;

export const TriggerSchema = z.object({ id: z.string().min(1), label: z.string().min(1) }).strict();

/** Why a ticket goes back down a tier (a policy written before returns had reasons gets these). */
export const DEFAULT_RETURN_TRIGGERS = [
  { id: 'fix_provided_follow_up', label: 'Fix or instructions provided; the lower tier follows up with the requester' },
  { id: 'belongs_to_lower_tier', label: 'Work the lower tier handles (standard request, how-to, known fix)' },
  { id: 'escalated_without_first_line_work', label: 'Escalated before the lower tier had done its checks' },
];

/**
 * Triggers are defined per kind: an escalation must name a trigger of its
 * own kind. A functional move up names a `functional` trigger; a move down
 * (returning the ticket to a lower tier) names a `return` reason.
 */
export const EscalationTriggersSchema = z
  .object({
    functional: z.array(TriggerSchema).min(1),
    hierarchical: z.array(TriggerSchema).min(1),
    return: z.array(TriggerSchema).min(1).default(DEFAULT_RETURN_TRIGGERS),
  })
  .strict();

export const CONTACT_ROLES = ['business_stakeholder', 'account_director'] as const;

/**
 * Someone outside the desk's directory whom escalation steps write to:
 * the business stakeholders of some services or categories, and the
 * account director. Empty `categories` / `services` match every ticket.
 */
export const ContactSchema = z
  .object({
    name: z.string().min(1).max(120),
    email: z.email(),
    role: z.enum(CONTACT_ROLES),
    categories: z.array(z.string().min(1)).default([]),
    services: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

/** A tier skip the policy allows without approval, e.g. S1 straight from L1 to L3. */
export const DirectPathSchema = z
  .object({ id: z.string().min(1), label: z.string().min(1), from: TierSchema, to: TierSchema, when: TicketMatchSchema })
  .strict();
export type DirectPath = z.infer<typeof DirectPathSchema>;

export const TierRulesSchema = z
  .object({
    /** Functional moves up that need no approval: tier → the tiers it may hand to. Moving down (returning) is always allowed. */
    paths: z.record(TierSchema, z.array(TierSchema)),
    directPaths: z.array(DirectPathSchema),
    /** Roles whose approval (with a reason) lets a handoff skip a tier. */
    skipApprovers: z.array(RoleSchema).min(1),
  })
  .strict();
export type TierRules = z.infer<typeof TierRulesSchema>;

export const DEFAULT_TIER_RULES: z.input<typeof TierRulesSchema> = {
  paths: Object.fromEntries(TIERS.map((t, i) => [t, TIERS.slice(i + 1, i + 2)])) as Record<(typeof TIERS)[number], Array<(typeof TIERS)[number]>>,
  directPaths: [],
  skipApprovers: ['lead', 'manager'],
};
