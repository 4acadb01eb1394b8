import { describe, expect, test } from 'vitest';
import { roleText } from './use-directory';

describe('roleText', () => {
  test('an agent is their tier; a lead, vendor liaison, manager or admin is named so, with the tier they have', () => {
    expect(roleText({ role: 'l2_agent', tier: 'L2' })).toBe('L2');
    expect(roleText({ role: 'lead', tier: 'L1' })).toBe('Team lead · L1');
    expect(roleText({ role: 'vendor_liaison', tier: 'L4' })).toBe('Vendor liaison · L4');
    expect(roleText({ role: 'manager', tier: null })).toBe('Manager');
    expect(roleText({ role: 'admin', tier: null })).toBe('Admin');
  });
});
