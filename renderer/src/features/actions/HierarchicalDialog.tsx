import { useDb } from '../../app/db-context';
import { getActivePolicy } from '../../app/policy';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { fieldError } from './action-error';
import { useActionProblem } from './use-action-problem';
import { useRunAction } from './use-run-action';
import { RefusedNotice } from '../needs-attention/RefusedNotice';

type HierarchicalDraft = { toRole: string; trigger: string; reason: string };

/** The dialog's fields of a draft or of a refused action's args (which also carry the ticket id). */
const pick = ({ toRole, trigger, reason }: Partial<HierarchicalDraft>): Partial<HierarchicalDraft> => ({
  ...(toRole !== undefined && { toRole }),
  ...(trigger !== undefined && { trigger }),
  ...(reason !== undefined && { reason }),
});

/** Hierarchical escalation: management is told why; the functional owner keeps the ticket. */
export function HierarchicalDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const run = useRunAction();
  const policy = getActivePolicy().policy;
  const prior = refused?.args as Partial<HierarchicalDraft> | undefined;
  const fresh = (): HierarchicalDraft => ({
    toRole: policy.management[0]?.id ?? '',
    trigger: ticket.requester.vip ? 'vip_or_critical_service' : (policy.escalationTriggers.hierarchical[0]?.id ?? ''),
    reason: '',
  });
  const draft = useDraft<HierarchicalDraft>(db, 'hierarchical', ticket.id, fresh, refused && { id: refused.id, value: prior && { ...fresh(), ...pick(prior) } });
  const { problem, setProblem, edited } = useActionProblem<HierarchicalDraft>();
  const value = draft.value;
  const set = (next: HierarchicalDraft) => {
    edited(value, next);
    draft.set(next);
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    const level = policy.management.find((m) => m.id === value.toRole)?.name ?? value.toRole;
    const outcome = await run('escalateHierarchical', { ticketId: ticket.id, toRole: value.toRole, trigger: value.trigger, reason: value.reason }, { label: `Escalated ${ticket.number} to ${level}`, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  return (
    <Modal title={`Escalate ${ticket.number} to management`} description="Management is notified with your reason; you and your tier keep ownership of the ticket." onClose={onClose}>
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={problem?.message ?? null} />
          <RefusedNotice refusedId={refused?.id} />
          <Field label="Notify" error={problem ? fieldError(problem.fields, 'toRole') : undefined}>
            <select data-autofocus value={value.toRole} onChange={(e) => set({ ...value, toRole: e.target.value })}>
              {policy.management.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Why (trigger)" error={problem ? fieldError(problem.fields, 'trigger') : undefined}>
            <select value={value.trigger} onChange={(e) => set({ ...value, trigger: e.target.value })}>
              {policy.escalationTriggers.hierarchical.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reason" hint="At least a sentence: what management needs to decide or do." error={problem ? fieldError(problem.fields, 'reason') : undefined}>
            <textarea rows={4} value={value.reason} onChange={(e) => set({ ...value, reason: e.target.value })} />
          </Field>
          <DraftActions draft={draft} onCancel={onClose} submit="Notify management" />
        </form>
      )}
    </Modal>
  );
}
