import { useState } from 'react';
import { getActivePolicy } from '../../app/policy';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { fieldError, type ActionProblem } from './action-error';
import { useRunAction } from './use-run-action';

/** Hierarchical escalation: management is told why; the functional owner keeps the ticket. */
export function HierarchicalDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const run = useRunAction();
  const policy = getActivePolicy().policy;
  const prior = refused?.args as { toRole?: string; trigger?: string; reason?: string } | undefined;
  const [toRole, setToRole] = useState(prior?.toRole ?? policy.management[0]?.id ?? '');
  const [trigger, setTrigger] = useState(prior?.trigger ?? (ticket.requester.vip ? 'vip_or_critical_service' : (policy.escalationTriggers.hierarchical[0]?.id ?? '')));
  const [reason, setReason] = useState(prior?.reason ?? '');
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const level = policy.management.find((m) => m.id === toRole)?.name ?? toRole;
    const outcome = await run('escalateHierarchical', { ticketId: ticket.id, toRole, trigger, reason }, { label: `Escalated ${ticket.number} to ${level}`, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    onClose();
  }

  return (
    <Modal title={`Escalate ${ticket.number} to management`} description="Management is notified with your reason; you and your tier keep ownership of the ticket." onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={problem?.message ?? null} />
        <Field label="Notify" error={problem ? fieldError(problem.fields, 'toRole') : undefined}>
          <select data-autofocus value={toRole} onChange={(e) => setToRole(e.target.value)}>
            {policy.management.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Why (trigger)" error={problem ? fieldError(problem.fields, 'trigger') : undefined}>
          <select value={trigger} onChange={(e) => setTrigger(e.target.value)}>
            {policy.escalationTriggers.hierarchical.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Reason" hint="At least a sentence: what management needs to decide or do." error={problem ? fieldError(problem.fields, 'reason') : undefined}>
          <textarea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Notify management
          </button>
        </div>
      </form>
    </Modal>
  );
}
