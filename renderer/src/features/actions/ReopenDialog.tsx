import { useDb } from '../../app/db-context';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { fieldError } from './action-error';
import { useActionProblem } from './use-action-problem';
import { useRunAction } from './use-run-action';
import { RefusedNotice } from '../needs-attention/RefusedNotice';

/** Reopen a resolved ticket: the resolution clock resumes where it stopped. */
export function ReopenDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const run = useRunAction();
  const prior = refused?.args as { reason?: string } | undefined;
  const draft = useDraft<{ reason: string }>(db, 'reopen', ticket.id, () => ({ reason: '' }), refused && { id: refused.id, value: prior && { reason: prior.reason ?? '' } });
  const { problem, setProblem, edited } = useActionProblem<{ reason: string }>();
  const value = draft.value;
  const set = (next: { reason: string }) => {
    edited(value, next);
    draft.set(next);
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    const outcome = await run('reopen', { ticketId: ticket.id, reason: value.reason }, { label: `Reopened ${ticket.number}`, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  return (
    <Modal title={`Reopen ${ticket.number}`} description="The resolution clock resumes with the time already used." onClose={onClose}>
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={problem?.message ?? null} />
          <RefusedNotice refusedId={refused?.id} />
          <Field label="Why is it reopened?" error={problem ? fieldError(problem.fields, 'reason') : undefined}>
            <textarea data-autofocus rows={3} value={value.reason} onChange={(e) => set({ reason: e.target.value })} />
          </Field>
          <DraftActions draft={draft} onCancel={onClose} submit="Reopen" />
        </form>
      )}
    </Modal>
  );
}
