import type { Priority, Severity } from '../model/levels';
import type { TicketMatch } from '../policy/escalation-schema';

export type MatchableTicket = { priority: Priority; severity: Severity; category: string };

/** Whether a rule's `when` matches: every list given must contain the ticket's value. */
export function matchesTicket(when: TicketMatch, ticket: MatchableTicket): boolean {
  return (
    (!when.priorities || when.priorities.includes(ticket.priority)) &&
    (!when.severities || when.severities.includes(ticket.severity)) &&
    (!when.categories || when.categories.includes(ticket.category))
  );
}
