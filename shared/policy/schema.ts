import { z } from 'zod';
import { parseWith } from '../errors';
import { CalendarSpecSchema } from '../sla/calendar-spec';
import { ClockKindSchema } from '../sla/clock-snapshot';
import { DurationSchema } from '../time/duration';
import { IMPACTS, PRIORITIES, PrioritySchema, RoleSchema, SeveritySchema, TIERS, TierSchema, URGENCIES } from '../model/levels';

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
] as const;
export const EscalationActionSchema = z.enum(ESCALATION_ACTIONS);
export type EscalationAction = z.infer<typeof EscalationActionSchema>;

const SeverityDefSchema = z.object({ id: SeveritySchema, name: z.string().min(1), description: z.string() }).strict();

const TierDefSchema = z
  .object({
    id: TierSchema,
    name: z.string().min(1),
    /** Categories the tier handles. */
    scope: z.array(z.string().min(1)),
    acceptWithin: DurationSchema,
    authority: z.string().min(1),
  })
  .strict();

const ManagementLevelSchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), acceptWithin: DurationSchema })
  .strict();

const ClockTargetSchema = z.object({ within: DurationSchema, calendar: z.string().min(1) }).strict();

const ThresholdSchema = z
  .object({
    atPercent: z.number().min(0, 'must be between 0 and 200%').max(200, 'must be between 0 and 200%'),
    actions: z.array(EscalationActionSchema).min(1),
  })
  .strict();

const CategorySchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), entryTier: TierSchema, group: z.string().min(1) })
  .strict();

const PauseReasonSchema = z
  .object({ id: z.string().min(1), label: z.string().min(1), roles: z.array(RoleSchema).min(1) })
  .strict();

const impactRow = z.object(Object.fromEntries(URGENCIES.map((u) => [u, PrioritySchema])) as Record<
  (typeof URGENCIES)[number],
  typeof PrioritySchema
>).strict();

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
    management: z.array(ManagementLevelSchema),
    calendars: z.record(z.string().min(1), CalendarSpecSchema),
    targets: z.partialRecord(PrioritySchema, z.object({ response: ClockTargetSchema, resolution: ClockTargetSchema }).strict()),
    escalationMatrix: z.object({ response: z.array(ThresholdSchema), resolution: z.array(ThresholdSchema) }).strict(),
    categories: z.array(CategorySchema).min(1),
    pauseReasons: z.array(PauseReasonSchema),
  })
  .strict()
  .superRefine((policy, ctx) => {
    for (const priority of PRIORITIES) {
      if (!policy.targets[priority]) {
        ctx.addIssue({ code: 'custom', path: ['targets', priority], message: `priority ${priority} has no SLA targets` });
      }
    }
    for (const [priority, target] of Object.entries(policy.targets)) {
      for (const kind of ClockKindSchema.options) {
        const calendar = target?.[kind].calendar;
        if (calendar !== undefined && !(calendar in policy.calendars)) {
          ctx.addIssue({
            code: 'custom',
            path: ['targets', priority, kind, 'calendar'],
            message: `calendar "${calendar}" is not defined in calendars`,
          });
        }
      }
    }
    TIERS.forEach((tier) => {
      if (!policy.tiers.some((t) => t.id === tier)) {
        ctx.addIssue({ code: 'custom', path: ['tiers'], message: `tier ${tier} is missing` });
      }
    });
    for (const kind of ClockKindSchema.options) {
      const thresholds = policy.escalationMatrix[kind];
      thresholds.forEach((t, i) => {
        const prev = thresholds[i - 1];
        if (prev && prev.atPercent >= t.atPercent) {
          ctx.addIssue({
            code: 'custom',
            path: ['escalationMatrix', kind, i, 'atPercent'],
            message: 'thresholds must be in increasing order',
          });
        }
      });
    }
  });

export type PolicyInput = z.input<typeof PolicySchema>;
export type Policy = z.output<typeof PolicySchema>;

/** Validates a policy document (parsed JSON or YAML); errors name their path, e.g. `tiers[2].acceptWithin`. */
export const parsePolicy = (input: unknown): Policy => parseWith(PolicySchema, input, 'policy');
