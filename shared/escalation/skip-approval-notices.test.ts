import { describe, expect, test } from 'vitest';
import type { Agent } from '../model/agent';
import { defaultPolicy } from '../policy/default-policy';
import { MINUTE_MS } from '../time/duration';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../mutations/testing/harness';
import { skipApprovalNotices, skipApprovers } from './skip-approval-notices';

const manager: Agent = { id: 'mgr', email: 'mgr@demo.test', name: 'Morgan', role: 'manager', tier: null, groups: ['service-desk'] };
const otherLead: Agent = { id: 'lead-2', email: 'lead2@demo.test', name: 'Lee', role: 'lead', tier: 'L2', groups: ['platform-engineering'] };
const directory = [...Object.values(AGENTS), manager, otherLead];

function asked() {
  const story = new TicketStory();
  story.do(AGENTS.l1, T0, 'createTicket', NEW_TICKET);
  story.do(AGENTS.l1, T0 + MINUTE_MS, 'acceptTicket', { ticketId: 't-1' });
  story.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'requestTierSkip', { ticketId: 't-1', toTier: 'L3', handoffNote: goodHandoff(), skipReason: 'Firmware bug only engineering can patch' });
  return story.ticket;
}

describe('tier-skip approval notices', () => {
  test('go to the approvers of the ticket\'s group, one each, saying who asks, why and where to decide', () => {
    const notices = skipApprovalNotices(asked(), directory, defaultPolicy, 'c:7');
    expect(notices.map((n) => n.recipient).sort()).toEqual(['lead@demo.test', 'mgr@demo.test']);
    expect(notices[0]).toMatchObject({ id: expect.stringMatching(/^c:7:approver:/), ticketId: 't-1', subject: '[INC-000042] l1 asks to skip L1 → L3: VPN drops every few minutes' });
    expect(notices[0]!.body).toContain('Why: Firmware bug only engineering can patch');
    expect(notices[0]!.body).toContain('Skip approvals');
  });

  test('reach every approver when the group has none, and no one when no skip is asked for', () => {
    expect(skipApprovers({ group: 'vendor-management' }, directory, defaultPolicy).map((a) => a.id).sort()).toEqual(['lead', 'lead-2', 'mgr']);
    expect(skipApprovalNotices({ ...asked(), skipRequest: null }, directory, defaultPolicy, 'c:8')).toEqual([]);
  });
});
