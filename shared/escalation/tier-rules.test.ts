import { describe, expect, test } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { checkTierMove, entryTierFor, type TierMove } from './tier-rules';

const move = (over: Partial<TierMove>): TierMove => ({ from: 'L1', to: 'L2', priority: 'P3', severity: 'S3', category: 'software', ...over });

describe('tier rules', () => {
  test('each category opens in its default entry tier', () => {
    expect(entryTierFor('major-outage', defaultPolicy)).toBe('L3');
    expect(entryTierFor('email', defaultPolicy)).toBe('L1');
    expect(entryTierFor('not-a-category', defaultPolicy)).toBe('L1');
  });

  test('the next tier on the path and any lower tier are allowed', () => {
    expect(checkTierMove(move({}), defaultPolicy)).toEqual({ ok: true, path: 'adjacent' });
    expect(checkTierMove(move({ from: 'L2', to: 'L4' }), defaultPolicy)).toEqual({ ok: true, path: 'adjacent' });
    expect(checkTierMove(move({ from: 'L3', to: 'L1' }), defaultPolicy)).toEqual({ ok: true, path: 'return' });
  });

  test('an S1 may go straight from L1 to L3 on the direct path', () => {
    expect(checkTierMove(move({ to: 'L3', severity: 'S1' }), defaultPolicy)).toEqual({ ok: true, path: 'direct', directPathId: 's1-direct-to-engineering' });
  });

  test('skipping a tier otherwise is refused with the allowed path and the condition of the direct path', () => {
    const check = checkTierMove(move({ to: 'L3' }), defaultPolicy);
    expect(check).toMatchObject({ ok: false, field: 'toTier' });
    expect(!check.ok && check.message).toBe(
      'L1 → L3 skips a tier: from L1 the path leads to L2; a direct path exists only when: S1 goes straight from the service desk to engineering; otherwise a lead or manager must approve with a reason',
    );
  });

  test('a lead can approve a skip with a reason; an agent cannot, and a reason is required', () => {
    expect(checkTierMove(move({ to: 'L4', approval: { by: 'lead-1', role: 'lead', reason: 'Vendor defect confirmed by release notes' } }), defaultPolicy)).toEqual({ ok: true, path: 'approved_skip' });
    expect(checkTierMove(move({ to: 'L4', approval: { by: 'a', role: 'l1_agent', reason: 'Vendor defect confirmed' } }), defaultPolicy)).toMatchObject({ ok: false, field: 'approval.role' });
    expect(checkTierMove(move({ to: 'L4', approval: { by: 'lead-1', role: 'lead', reason: 'ok' } }), defaultPolicy)).toMatchObject({ ok: false, field: 'approval.reason' });
  });

  test('moving to the tier the ticket is already in is refused', () => {
    expect(checkTierMove(move({ to: 'L1' }), defaultPolicy)).toMatchObject({ ok: false, field: 'toTier' });
  });
});
