import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { ValidationError } from '../errors';
import defaultPolicyDocument from './default-policy.json';
import { defaultPolicy } from './default-policy';
import { loadPolicyText } from './load-policy';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('loadPolicyText', () => {
  test('loads the default policy from YAML exactly as from JSON', () => {
    expect(loadPolicyText(stringify(defaultPolicyDocument))).toEqual(defaultPolicy);
    expect(loadPolicyText(JSON.stringify(defaultPolicyDocument))).toEqual(defaultPolicy);
  });

  test('names the path of a bad value in YAML', () => {
    const yaml = stringify(defaultPolicyDocument).replace('acceptWithin: 4h', 'acceptWithin: soon');
    expect(errorOf(() => loadPolicyText(yaml)).fields.map((f) => f.field)).toEqual(['tiers[2].acceptWithin']);
  });

  test('reports a YAML syntax error with its line', () => {
    const error = errorOf(() => loadPolicyText('version: 1\nname: [unclosed\n'));
    expect(error.fields[0]?.message).toMatch(/not valid YAML at line \d+/);
  });

  test('refuses a duplicated key in YAML instead of letting the last one win', () => {
    const error = errorOf(() => loadPolicyText('version: 1\nversion: 2\n'));
    expect(error.fields[0]?.message).toMatch(/not valid YAML/);
  });

  test('reports a JSON syntax error', () => {
    expect(errorOf(() => loadPolicyText('{"version": 1,', 'json')).fields[0]?.message).toMatch(/not valid JSON/);
  });
});
