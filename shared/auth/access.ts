import type { Agent } from '../model/agent';
import type { Ticket } from '../model/ticket';

/**
 * Who may see a ticket. Internal staff read the whole desk (an L1 agent must
 * be able to look up any ticket a caller asks about); a vendor liaison sees
 * only tickets currently in their own groups.
 */
export function canReadTicket(agent: Agent, ticket: Pick<Ticket, 'group'>): boolean {
  return agent.role !== 'vendor_liaison' || agent.groups.includes(ticket.group);
}

/** Leads, managers and admins act across groups; everyone else only in their own. */
export function isSupervisor(agent: Agent): boolean {
  return agent.role === 'lead' || agent.role === 'manager' || agent.role === 'admin';
}

/** May work on the ticket at all (notes, accept, pause): a member of its group, its owner, or a supervisor. */
export function canWorkOnTicket(agent: Agent, ticket: Pick<Ticket, 'group' | 'assignee'>): boolean {
  return isSupervisor(agent) || agent.groups.includes(ticket.group) || ticket.assignee === agent.id;
}

/** May be given the ticket to own (assignTicket): a member of its group working in its tier, or a supervisor. */
export function canOwnTicket(agent: Agent, ticket: Pick<Ticket, 'group' | 'tier'>): boolean {
  return isSupervisor(agent) || (agent.groups.includes(ticket.group) && agent.tier === ticket.tier);
}

/** May open tickets (log a call, a walk-in): all internal staff; a vendor liaison works only on tickets handed to the vendor. */
export function canCreateTickets(agent: Pick<Agent, 'role'>): boolean {
  return agent.role !== 'vendor_liaison';
}
