import { useState } from 'react';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { fieldError, type ActionProblem } from './action-error';
import { useRunAction } from './use-run-action';

/** Reopen a resolved ticket: the resolution clock resumes where it stopped. */
export function ReopenDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const run = useRunAction();
  const [reason, setReason] = useState((refused?.args as { reason?: string } | undefined)?.reason ?? '');
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const outcome = await run('reopen', { ticketId: ticket.id, reason }, { label: `Reopened ${ticket.number}`, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    onClose();
  }

  return (
    <Modal title={`Reopen ${ticket.number}`} description="The resolution clock resumes with the time already used." onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={problem?.message ?? null} />
        <Field label="Why is it reopened?" error={problem ? fieldError(problem.fields, 'reason') : undefined}>
          <textarea data-autofocus rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Reopen
          </button>
        </div>
      </form>
    </Modal>
  );
}
