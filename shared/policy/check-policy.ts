import { PRIORITIES, TIERS, type Priority, type Severity, type Tier } from '../model/levels';
import { checkCalendarSpec } from '../sla/calendar-week';
import { CLOCK_KINDS } from '../sla/clock-snapshot';
import type { Threshold, TierRules, TimeRule } from './escalation-schema';

export type PolicyIssue = { path: Array<string | number>; message: string };

/** The parts of a parsed policy the cross-field checks read (the schema's output, before the checks run). */
type PolicyShape = {
  calendars: Record<string, unknown>;
  targets: Partial<Record<Priority, { response: { calendar: string }; resolution: { calendar: string } }>>;
  tiers: Array<{ id: Tier; acceptCalendar?: string | undefined }>;
  escalationMatrix: {
    response: Threshold[];
    resolution: Threshold[];
    acceptance: Threshold[];
    bySeverity: Partial<Record<Severity, { response?: Threshold[] | undefined; resolution?: Threshold[] | undefined }>>;
  };
  timeRules: TimeRule[];
  tierRules: TierRules;
  categories: Array<{ id: string }>;
  contacts: Array<{ categories: string[] }>;
};

const rank = (tier: Tier) => TIERS.indexOf(tier);

/** Checks that need the whole policy: references to calendars and categories, orderings, tier directions. */
export function checkPolicy(policy: PolicyShape): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const calendar = (id: string, path: Array<string | number>) => {
    if (!(id in policy.calendars)) issues.push({ path, message: `calendar "${id}" is not defined in calendars` });
  };

  for (const [id, spec] of Object.entries(policy.calendars)) {
    const check = checkCalendarSpec(spec);
    if (!check.ok) for (const issue of check.issues) issues.push({ path: ['calendars', id, ...issue.path], message: issue.message });
  }
  for (const priority of PRIORITIES) {
    const target = policy.targets[priority];
    if (!target) {
      issues.push({ path: ['targets', priority], message: `priority ${priority} has no SLA targets` });
      continue;
    }
    for (const kind of CLOCK_KINDS) calendar(target[kind].calendar, ['targets', priority, kind, 'calendar']);
  }
  TIERS.forEach((tier) => {
    if (!policy.tiers.some((t) => t.id === tier)) issues.push({ path: ['tiers'], message: `tier ${tier} is missing` });
  });
  policy.tiers.forEach((t, i) => t.acceptCalendar !== undefined && calendar(t.acceptCalendar, ['tiers', i, 'acceptCalendar']));

  const ordered = (list: Threshold[], path: Array<string | number>) =>
    list.forEach((t, i) => {
      const prev = list[i - 1];
      if (prev && prev.atPercent >= t.atPercent) {
        issues.push({ path: [...path, i, 'atPercent'], message: 'thresholds must be in increasing order' });
      }
    });
  const matrix = policy.escalationMatrix;
  for (const kind of ['response', 'resolution', 'acceptance'] as const) ordered(matrix[kind], ['escalationMatrix', kind]);
  for (const [severity, paths] of Object.entries(matrix.bySeverity)) {
    for (const kind of CLOCK_KINDS) {
      const list = paths?.[kind];
      if (list) ordered(list, ['escalationMatrix', 'bySeverity', severity, kind]);
    }
  }

  const ruleIds = new Set<string>();
  policy.timeRules.forEach((rule, i) => {
    calendar(rule.calendar, ['timeRules', i, 'calendar']);
    if (ruleIds.has(rule.id)) issues.push({ path: ['timeRules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
    ruleIds.add(rule.id);
    rule.when.categories?.forEach((c, j) => {
      if (!policy.categories.some((cat) => cat.id === c)) {
        issues.push({ path: ['timeRules', i, 'when', 'categories', j], message: `category "${c}" is not defined in categories` });
      }
    });
  });

  policy.contacts.forEach((contact, i) =>
    contact.categories.forEach((c, j) => {
      if (!policy.categories.some((cat) => cat.id === c)) issues.push({ path: ['contacts', i, 'categories', j], message: `category "${c}" is not defined in categories` });
    }),
  );

  for (const [from, targets] of Object.entries(policy.tierRules.paths) as Array<[Tier, Tier[]]>) {
    targets.forEach((to, j) => {
      if (rank(to) <= rank(from)) {
        issues.push({ path: ['tierRules', 'paths', from, j], message: `paths list moves up from ${from}; returning to a lower tier is always allowed` });
      }
    });
  }
  policy.tierRules.directPaths.forEach((p, i) => {
    if (rank(p.to) <= rank(p.from) + 1) {
      issues.push({ path: ['tierRules', 'directPaths', i, 'to'], message: 'a direct path must skip at least one tier upwards' });
    }
  });
  return issues;
}
