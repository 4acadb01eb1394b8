import type { Agent } from '../model/agent';
import type { Ticket } from '../model/ticket';
import type { RequesterNotification } from '../mutations/context';
import type { Policy } from '../policy/schema';
import { approvesSkips } from './tier-rules';

/** Who decides a tier skip on `ticket`: the policy's approver roles in its group, or every approver when its group has none. */
export function skipApprovers(ticket: Pick<Ticket, 'group'>, agents: readonly Agent[], policy: Policy): Agent[] {
  const approvers = agents.filter((a) => approvesSkips(policy, a.role));
  const own = approvers.filter((a) => a.groups.includes(ticket.group));
  return own.length ? own : approvers;
}

/**
 * The message each approver gets when an agent asks for a tier skip (one
 * per person, through the notification outbox): who asks, why, the impact
 * and what the next tier would need, and where to decide.
 */
export function skipApprovalNotices(ticket: Ticket, agents: readonly Agent[], policy: Policy, idPrefix: string): RequesterNotification[] {
  const request = ticket.skipRequest;
  if (!request) return [];
  const asker = agents.find((a) => a.id === request.by)?.name ?? request.by;
  return skipApprovers(ticket, agents, policy).map((approver) => ({
    id: `${idPrefix}:approver:${approver.id}`,
    ticketId: ticket.id,
    recipient: approver.email,
    subject: `[${ticket.number}] ${asker} asks to skip ${ticket.tier} → ${request.toTier}: ${ticket.title}`,
    body: [
      `${asker} asks you to approve skipping a tier on ${ticket.number} (${ticket.priority} ${ticket.severity}, ${ticket.tier} → ${request.toTier}).`,
      '',
      `Why: ${request.reason}`,
      `Business impact: ${request.note.businessImpact}`,
      `What ${request.toTier} would need: ${request.note.nextTierNeeds}`,
      '',
      'Approve or decline it in Tierdesk under Skip approvals; the agent keeps the ticket until you decide.',
    ].join('\n'),
  }));
}
