import type { ViewKey } from '../queue/views';

/** Every shortcut, for the ? overlay and the handler: one list, so the help never drifts from what the keys do. */
export const SHORTCUTS: Array<{ keys: string; what: string }> = [
  { keys: 'j / k', what: 'Next / previous ticket in the list' },
  { keys: 'Enter', what: 'Open the selected ticket' },
  { keys: 'Esc', what: 'Close the ticket, dialog or overlay' },
  { keys: 'Ctrl+Enter / ⌘Enter', what: 'In a dialog: send it (add the note, escalate, resolve…)' },
  { keys: 'a', what: 'Accept the ticket (take ownership)' },
  { keys: 'n', what: 'Add a note' },
  { keys: 'e', what: 'Escalate to another tier (handoff note)' },
  { keys: 'b', what: 'Send back to a lower tier (handoff note)' },
  { keys: 'h', what: 'Escalate to management (hierarchical)' },
  { keys: 'p', what: 'Pause a clock' },
  { keys: 'r', what: 'Resolve' },
  { keys: 'f', what: 'Edit fields (title, category, impact, urgency…)' },
  { keys: 'o', what: 'Assign to someone or back to the queue (leads); release your own ticket' },
  { keys: 'c', what: 'New ticket (log a call or a walk-in)' },
  { keys: '/', what: 'Search the queue' },
  { keys: 'g then m', what: 'Go to My work' },
  { keys: 'g then q', what: 'Go to my group queue' },
  { keys: 'g then a', what: 'Go to Pending my acceptance' },
  { keys: 'g then b', what: 'Go to Breached' },
  { keys: 'g then r', what: 'Go to At risk' },
  { keys: 'g then p', what: 'Go to Paused' },
  { keys: 'g then s', what: 'Go to Skip approvals' },
  { keys: 'g then n', what: 'Go to Needs attention' },
  { keys: 'g then o', what: 'Go to All open' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Ctrl+K / ⌘K', what: 'Command palette: views, actions, tickets by number or text' },
];

/** Where "g then <key>" goes; q is the agent's first group. */
export function goTarget(key: string, firstGroup: string | undefined): ViewKey | null {
  switch (key) {
    case 'm':
      return 'mine';
    case 'q':
      return firstGroup ? `group:${firstGroup}` : 'all';
    case 'a':
      return 'pending';
    case 'b':
      return 'breached';
    case 'r':
      return 'risk';
    case 'p':
      return 'paused';
    case 's':
      return 'approvals';
    case 'n':
      return 'attention';
    case 'o':
      return 'all';
    default:
      return null;
  }
}
