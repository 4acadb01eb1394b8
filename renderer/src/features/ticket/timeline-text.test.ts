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

  test('a tier-skip request and what became of it read as sentences naming who asked', () => {
    const asked: TimelineEvent = { type: 'skip_requested', at, by: 'agent-l2', role: 'l2_agent', toTier: 'L4', trigger: 'vendor_required', reason: 'Vendor firmware only' };
    expect(describeEvent(asked, names, defaultPolicy)).toEqual({ kind: 'escalation', text: 'Ben Okafor asked a lead to approve skipping to L4: Vendor firmware only' });
    const declined: TimelineEvent = { type: 'skip_decided', at, by: 'lead-1', role: 'lead', decision: 'declined', toTier: 'L4', requestedBy: 'agent-l2', reason: 'L3 can patch it' };
    expect(describeEvent(declined, names, defaultPolicy).text).toBe("lead-1 declined Ben Okafor's request to skip to L4: L3 can patch it");
    const withdrawn: TimelineEvent = { ...declined, by: 'agent-l2', role: 'l2_agent', decision: 'withdrawn', reason: null };
    expect(describeEvent(withdrawn, names, defaultPolicy).text).toBe('Ben Okafor withdrew the request to skip to L4');
  });

  test('an automatic close says why it happened', () => {
    const closed = { type: 'closed', at, by: 'tierdesk-auto-close', role: 'system' } as TimelineEvent;
    expect(describeEvent(closed, names, defaultPolicy).text).toBe('Tierdesk closed the ticket: resolved 48h ago and not reopened');
  });

  test("a lead's dispatch of a waiting ticket says whose acceptance it was", () => {
    const dispatched: TimelineEvent = { type: 'accepted', at, by: 'lead-1', role: 'lead', tier: 'L2', onBehalfOf: 'agent-l2' };
    expect(describeEvent(dispatched, names, defaultPolicy)).toEqual({ kind: 'ownership', text: 'lead-1 dispatched the ticket in L2: accepted on behalf of Ben Okafor' });
    expect(describeEvent({ ...dispatched, by: 'agent-l2', role: 'l2_agent', onBehalfOf: undefined } as TimelineEvent, names, defaultPolicy).text).toBe('Ben Okafor accepted ownership in L2');
  });

  test('a change of owner says who gave it to whom, or that it went back to the queue, and why', () => {
    const given: TimelineEvent = { type: 'owner_changed', at, by: 'lead-1', role: 'lead', from: 'agent-x', to: 'agent-l2', reason: 'Off sick today' };
    expect(describeEvent(given, names, defaultPolicy)).toEqual({ kind: 'ownership', text: 'lead-1 gave the ticket to Ben Okafor (was agent-x): Off sick today' });
    const released: TimelineEvent = { ...given, by: 'agent-l2', role: 'l2_agent', from: 'agent-l2', to: null, reason: 'Going off shift' };
    expect(describeEvent(released, names, defaultPolicy).text).toBe('Ben Okafor released the ticket to the queue: Going off shift');
    const taken: TimelineEvent = { ...given, to: null, reason: 'Rebalancing' };
    expect(describeEvent(taken, names, defaultPolicy).text).toBe('lead-1 took the ticket from agent-x back to the queue: Rebalancing');
  });
});
