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
