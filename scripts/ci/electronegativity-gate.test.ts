import { describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gateFindings, parseJustificationFile, type Finding, type Justification } from './electronegativity-gate';

const finding = (over: Partial<Finding> = {}): Finding => ({
  check: 'OPEN_EXTERNAL_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  file: 'main/index.js',
  line: 120,
  sample: 'openExternal: (url) => shell.openExternal(url),',
  ...over,
});
const justification = (over: Partial<Justification> = {}): Justification => ({
  check: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'main/index.js',
  sample: 'shell.openExternal(url)',
  reason: 'Only called after isSafeExternalUrl accepted the URL; the predicate has a hostile-input table.',
  evidence: ['electron/main/security.test.ts'],
  ...over,
});

describe('gateFindings', () => {
  test('passes a justified finding wherever its line moved', () => {
    expect(gateFindings([finding({ line: 999 })], [justification()])).toMatchObject({ unjustified: [], unused: [] });
  });

  test.each([
    ['another check', { check: 'SANDBOX_JS_CHECK' }],
    ['another file', { file: 'preload/index.cjs' }],
    ['other code', { sample: 'shell.openExternal(userInput)' }],
  ])('fails a HIGH or MEDIUM finding in %s', (_name, over) => {
    const result = gateFindings([finding(over), finding({ severity: 'HIGH', ...over })], [justification()]);
    expect(result.unjustified).toHaveLength(2);
  });

  test('ignores LOW and informational findings', () => {
    expect(gateFindings([finding({ severity: 'LOW' }), finding({ severity: 'INFORMATIONAL' })], []).unjustified).toEqual([]);
  });

  test('reports a justification that no longer matches anything', () => {
    expect(gateFindings([], [justification()]).unused).toHaveLength(1);
    expect(gateFindings([finding({ severity: 'LOW' })], [justification()]).unused).toHaveLength(1);
  });
});

describe('the checked-in justifications file', () => {
  test('is valid: every entry names a check, a file, the code, a reason and evidence that exists', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const file = parseJustificationFile(JSON.parse(await readFile(path.join(root, 'build/electronegativity-justifications.json'), 'utf8')));
    expect(file.justifications.length).toBeGreaterThan(0);
    for (const j of file.justifications) {
      for (const evidence of j.evidence) {
        const source = evidence.split(':')[0]!;
        await expect(readFile(path.join(root, source), 'utf8')).resolves.toBeTruthy();
      }
    }
  });

  test.each([
    ['a vague reason', { reason: 'safe' }, /reason/],
    ['no evidence', { evidence: [] }, /evidence/],
    ['a made-up check id', { check: 'looks fine' }, /check/],
  ])('refuses %s', (_name, over, message) => {
    expect(() => parseJustificationFile({ version: 1, justifications: [justification(over)] })).toThrow(message);
  });
});
