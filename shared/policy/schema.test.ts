import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors';
import { HOUR_MS, MINUTE_MS } from '../time/duration';
import defaultPolicyDocument from './default-policy.json';
import { defaultPolicy } from './default-policy';
import { priorityFor } from './lookups';
import { parsePolicy } from './schema';

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(defaultPolicyDocument)) as Record<string, unknown>;

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => f.field);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('default policy', () => {
  test('loads through the validator with the DESIGN.md defaults', () => {
    expect(defaultPolicy.tiers.map((t) => [t.id, t.acceptWithin])).toEqual([
      ['L1', 15 * MINUTE_MS],
      ['L2', HOUR_MS],
      ['L3', 4 * HOUR_MS],
      ['L4', 8 * HOUR_MS],
    ]);
    expect(defaultPolicy.escalationMatrix.response.map((t) => t.atPercent)).toEqual([0, 50, 75, 100]);
    expect(defaultPolicy.severities.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  test('maps impact × urgency to priority', () => {
    expect(priorityFor(defaultPolicy, 'high', 'high')).toBe('P1');
    expect(priorityFor(defaultPolicy, 'medium', 'medium')).toBe('P3');
    expect(priorityFor(defaultPolicy, 'low', 'low')).toBe('P5');
  });
});

describe('parsePolicy', () => {
  test('names the path of a bad tier duration', () => {
    const doc = clone();
    (doc.tiers as Array<Record<string, unknown>>)[2]!.acceptWithin = 'soon';
    expect(fieldsOf(() => parsePolicy(doc))).toContain('tiers[2].acceptWithin');
  });

  test('refuses a priority without targets', () => {
    const doc = clone();
    delete (doc.targets as Record<string, unknown>).P4;
    expect(fieldsOf(() => parsePolicy(doc))).toContain('targets.P4');
  });

  test('refuses a threshold outside 0–200%', () => {
    const doc = clone();
    const matrix = doc.escalationMatrix as { resolution: Array<{ atPercent: number }> };
    matrix.resolution[3]!.atPercent = 250;
    expect(fieldsOf(() => parsePolicy(doc))).toContain('escalationMatrix.resolution[3].atPercent');
  });

  test('refuses a target on an undefined calendar', () => {
    const doc = clone();
    const targets = doc.targets as Record<string, { response: { calendar: string } }>;
    targets.P2!.response.calendar = 'nights';
    expect(fieldsOf(() => parsePolicy(doc))).toContain('targets.P2.response.calendar');
  });

  test('refuses unknown fields', () => {
    const doc = clone();
    doc.surprise = true;
    expect(() => parsePolicy(doc)).toThrow(ValidationError);
  });
});

describe('policy calendars and escalation rules', () => {
  test('the default policy keeps P1 on 24×7 and puts P2–P5 on New York business hours with US holidays', () => {
    expect(defaultPolicy.targets.P1?.resolution.calendar).toBe('24x7');
    for (const p of ['P2', 'P3', 'P4', 'P5'] as const) expect(defaultPolicy.targets[p]?.resolution.calendar).toBe('business');
    expect(defaultPolicy.calendars.business).toMatchObject({ timeZone: 'America/New_York', holidayRegion: 'US' });
    expect(defaultPolicy.timeRules.find((r) => r.id === 's1-open-15m')?.calendar).toBe('24x7');
  });

  test('a bad business calendar names its field inside calendars', () => {
    const doc = clone();
    const calendars = doc.calendars as Record<string, { timeZone: string; week: Record<string, string[][]> }>;
    calendars.business!.timeZone = 'America/Nowhere';
    calendars.business!.week.mon = [['17:00', '08:00']];
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(['calendars.business.timeZone', 'calendars.business.week.mon[0]']);
  });

  test('a time rule on an undefined calendar names the rule', () => {
    const doc = clone();
    (doc.timeRules as Array<{ calendar: string }>)[1]!.calendar = 'weekends';
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(['timeRules[1].calendar']);
  });

  test('thresholds of the acceptance path are checked like the others', () => {
    const doc = clone();
    const acceptance = (doc.escalationMatrix as { acceptance: Array<{ atPercent: number }> }).acceptance;
    acceptance[1]!.atPercent = 250;
    expect(fieldsOf(() => parsePolicy(doc))).toEqual([
      'escalationMatrix.acceptance[1].atPercent',
      'escalationMatrix.acceptance[2].atPercent',
    ]);
    acceptance[1]!.atPercent = 100;
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(['escalationMatrix.acceptance[2].atPercent']);
  });

  test('a tier path that moves down is refused because returning is always allowed', () => {
    const doc = clone();
    (doc.tierRules as { paths: Record<string, string[]> }).paths.L2 = ['L1'];
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(['tierRules.paths.L2[0]']);
  });

  test('contacts need a real email and categories the policy defines, and default to none', () => {
    const doc = clone();
    doc.contacts = [
      { name: 'Owner', email: 'not an email', role: 'business_stakeholder' },
      { name: 'Owner 2', email: 'owner@example.com', role: 'business_stakeholder', categories: ['payroll-typo'] },
    ];
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(['contacts[0].email', 'contacts[1].categories[0]']);
    delete doc.contacts;
    expect(parsePolicy(doc).contacts).toEqual([]);
  });

  test('a response definition must cover every channel', () => {
    const doc = clone();
    delete (doc.responseDefinition as Record<string, unknown>).chat;
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(['responseDefinition.chat']);
  });

  test('a policy written before escalation rules existed still loads with documented defaults', () => {
    const doc = clone();
    for (const key of ['retargetRule', 'responseDefinition', 'timeRules', 'escalationTriggers', 'tierRules', 'handoff', 'forecast', 'closeResolvedAfter']) {
      delete doc[key];
    }
    delete (doc.escalationMatrix as Record<string, unknown>).acceptance;
    const policy = parsePolicy(doc);
    expect(policy.retargetRule).toBe('keep_elapsed');
    expect(policy.tierRules.paths.L1).toEqual(['L2']);
    expect(policy.escalationMatrix.acceptance.map((t) => t.atPercent)).toEqual([0, 75, 100]);
    expect(policy.forecast).toEqual({ quantile: 0.9, minSamples: 5 });
    expect(policy.closeResolvedAfter).toBe(48 * HOUR_MS);
    expect(policy.escalationTriggers.return.map((t) => t.id)).toEqual(['fix_provided_follow_up', 'belongs_to_lower_tier', 'escalated_without_first_line_work']);
  });

  test('return reasons default when a policy lists only escalation triggers, and must not be empty when given', () => {
    const doc = clone();
    delete (doc.escalationTriggers as Record<string, unknown>).return;
    expect(parsePolicy(doc).escalationTriggers.return.length).toBe(3);
    (doc.escalationTriggers as Record<string, unknown>).return = [];
    expect(fieldsOf(() => parsePolicy(doc))).toContain('escalationTriggers.return');
  });

  test('tier costs are optional, never negative, and in a three-letter currency', () => {
    const doc = clone();
    (doc.tiers as Array<Record<string, unknown>>)[1]!.costPerTicket = -5;
    doc.costCurrency = 'dollars';
    expect(fieldsOf(() => parsePolicy(doc))).toEqual(expect.arrayContaining(['tiers[1].costPerTicket', 'costCurrency']));
    const none = clone();
    for (const tier of none.tiers as Array<Record<string, unknown>>) delete tier.costPerTicket;
    delete none.costCurrency;
    const policy = parsePolicy(none);
    expect(policy.tiers.every((t) => t.costPerTicket === undefined)).toBe(true);
    expect(policy.costCurrency).toBe('USD');
  });
});
