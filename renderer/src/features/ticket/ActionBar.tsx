import type { Agent } from '../../../../shared/model/agent';
import { isSupervisor } from '../../../../shared/auth/access';
import { lowerTiers } from '../../../../shared/escalation/tier-rules';
import type { ClockKind } from '../../../../shared/sla/clock-snapshot';
import { useAppStore } from '../../app/store';
import { fromRecord, type TicketRecord } from '../../db/ticket-record';
import type { ActionKind } from '../actions/action-slice';
import { useRunAction } from '../actions/use-run-action';
import { AVAILABILITY_OF, availability } from './ticket-actions';
import { useState } from 'react';
import { formatDateTime } from '../../time/format';

const BUTTONS: Array<{ kind: ActionKind | 'accept'; label: string; key: string }> = [
  { kind: 'accept', label: 'Accept', key: 'a' },
  { kind: 'note', label: 'Note', key: 'n' },
  { kind: 'handoff', label: 'Escalate', key: 'e' },
  { kind: 'return', label: 'Send back', key: 'b' },
  { kind: 'hierarchical', label: 'To management', key: 'h' },
  { kind: 'pause', label: 'Pause', key: 'p' },
  { kind: 'resolve', label: 'Resolve', key: 'r' },
  { kind: 'edit', label: 'Edit', key: 'f' },
  { kind: 'assign', label: 'Assign', key: 'o' },
  { kind: 'reopen', label: 'Reopen', key: '' },
];

/** The ticket's actions with their shortcuts; an unavailable one says why on hover and to screen readers. */
export function ActionBar({ ticket, agent }: { ticket: TicketRecord; agent: Agent }) {
  const openAction = useAppStore((s) => s.openAction);
  const followUpTicket = useAppStore((s) => s.followUpTicket);
  const run = useRunAction();
  const [error, setError] = useState<string | null>(null);
  const can = availability(ticket, agent);
  const supervisor = isSupervisor(agent);

  async function accept() {
    const problem = await run('acceptTicket', { ticketId: ticket.id }, { label: `Accepted ${ticket.number}` });
    setError(problem?.message ?? null);
  }
  async function resume(clock: ClockKind) {
    const problem = await run('resumeClock', { ticketId: ticket.id, clock }, { label: `Resumed the ${clock} clock of ${ticket.number}` });
    setError(problem?.message ?? null);
  }

  // Nothing can be done on a closed ticket: one line says so instead of a row of disabled buttons.
  if (ticket.status === 'closed') {
    return (
      <div className="final-note" role="note">
        {/* Nothing changes a closed ticket, so its last update is its close. */}
        Closed on {formatDateTime(ticket.updatedAt)}. A closed ticket is final: if the problem is back, log a new ticket that refers to {ticket.number}.{' '}
        <button type="button" onClick={() => followUpTicket(fromRecord(ticket))}>
          New follow-up ticket
        </button>
      </div>
    );
  }

  return (
    <div className="action-bar" role="toolbar" aria-label={`Actions on ${ticket.number}`}>
      {BUTTONS.map(({ kind, label, key }) => {
        const reason = can[AVAILABILITY_OF[kind]];
        if (kind === 'reopen' && reason) return null;
        // Nothing is below the first tier: the service desk never sees a Send back it could not use.
        if (kind === 'return' && lowerTiers(ticket.tier).length === 0) return null;
        // Assigning is a lead's job; an owner sees it as Release, everyone else not at all.
        if (kind === 'assign' && !supervisor && ticket.assignee !== agent.id) return null;
        const shown = kind === 'assign' && !supervisor ? 'Release' : label;
        return (
          <button
            key={kind}
            type="button"
            disabled={reason !== null}
            title={reason ?? (key ? `${shown} (${key})` : shown)}
            aria-keyshortcuts={key || undefined}
            onClick={() => (kind === 'accept' ? void accept() : openAction({ kind, ticketId: ticket.id }))}
          >
            {shown}
            {key && <kbd aria-hidden="true">{key}</kbd>}
          </button>
        );
      })}
      {can.resume.map((clock) => (
        <button key={clock} type="button" onClick={() => void resume(clock)}>
          Resume {clock} clock
        </button>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
