import { describe, expect, test } from 'vitest';
import type { Agent } from '../../../../shared/model/agent';
import type { TimelineEvent } from '../../../../shared/model/stored-event';
import { defaultPolicy } from '../../../../shared/policy/default-policy';
import { describeEvent } from './timeline-text';

const names = new Map<string, Agent>([['agent-l2', { id: 'agent-l2', name: 'Ben Okafor', email: 'l2@demo.test', role: 'l2_agent', tier: 'L2', groups: ['network-ops'] } as Agent]]);
const at = Date.UTC(2026, 10, 24, 15);
const functional = (fromTier: 'L1' | 'L2', toTier: 'L1' | 'L2', trigger: string) =>
  ({ type: 'escalated', kind: 'functional', at, by: 'agent-l2', role: 'l2_agent', trigger, fromTier, toTier, reason: 'L1 confirms the fix' }) as TimelineEvent;

describe('timeline wording of tier moves', () => {
  test('an escalation names its trigger; a return says the ticket was sent back, with the return reason', () => {
    expect(describeEvent(functional('L1', 'L2', 'troubleshooting_exhausted'), names, defaultPolicy)).toEqual({
      kind: 'escalation',
      text: 'Ben Okafor escalated L1 → L2 (Troubleshooting exhausted)',
    });
    expect(describeEvent(functional('L2', 'L1', 'fix_provided_follow_up'), names, defaultPolicy)).toEqual({
      kind: 'escalation',
      text: 'Ben Okafor sent the ticket back L2 → L1 (Fix or instructions provided; the lower tier follows up with the requester)',
    });
  });

  test('an automatic close says why it happened', () => {
    const closed = { type: 'closed', at, by: 'tierdesk-auto-close', role: 'system' } as TimelineEvent;
    expect(describeEvent(closed, names, defaultPolicy).text).toBe('Tierdesk closed the ticket: resolved 48h ago and not reopened');
  });
});
