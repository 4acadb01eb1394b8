import type { Agent } from '../../../../shared/model/agent';
import { useAppStore } from '../../app/store';
import type { TierdeskDb } from '../../db/db';
import type { ActionKind } from '../actions/action-slice';
import { AVAILABILITY_OF, availability } from '../ticket/ticket-actions';

export type TicketCommand = ActionKind | 'accept';

export const COMMAND_LABEL: Record<TicketCommand, string> = {
  accept: 'Accept',
  note: 'Add a note',
  handoff: 'Escalate',
  return: 'Send back to a lower tier',
  hierarchical: 'Escalate to management',
  pause: 'Pause a clock',
  resolve: 'Resolve',
  reopen: 'Reopen',
  edit: 'Edit fields',
  assign: 'Assign to someone, or release to the queue',
};

/**
 * Runs an action on the open ticket (or the selected row) from a key or the
 * palette: opens its dialog, or says why it is not possible right now.
 * Accepting has no dialog; `accept` does it.
 */
export async function ticketCommand(db: TierdeskDb, agent: Agent, command: TicketCommand, accept: (ticketId: string, number: string) => Promise<void>): Promise<void> {
  const store = useAppStore.getState();
  const id = store.detailId ?? store.selectedId;
  const ticket = id ? await db.tickets.get(id) : undefined;
  if (!ticket) {
    store.setNotice(`${COMMAND_LABEL[command]}: select a ticket first (j/k, or click one).`);
    return;
  }
  const reason = availability(ticket, agent)[AVAILABILITY_OF[command]];
  if (reason) {
    store.setNotice(`${COMMAND_LABEL[command]} ${ticket.number}: ${reason}`);
    return;
  }
  store.setNotice(null);
  if (command === 'accept') await accept(ticket.id, ticket.number);
  else store.openAction({ kind: command, ticketId: ticket.id });
}
