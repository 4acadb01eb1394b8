import { useState } from 'react';
import { EDITABLE_FIELDS, type EditableField } from '../../../../shared/mutations/mutations';
import type { Ticket } from '../../../../shared/model/ticket';
import { priorityFor } from '../../../../shared/policy/lookups';
import { useDb } from '../../app/db-context';
import { getActivePolicy } from '../../app/policy';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { fieldError, type ActionProblem } from './action-error';
import { ClassificationFields } from './ClassificationFields';
import { useRunAction } from './use-run-action';

type Fields = Pick<Ticket, EditableField>;

/**
 * The edit as the agent sees it: the values they started from (`base`, at
 * ticket version `baseVersion`) and what they typed. Only fields that differ
 * from `base` are sent, so an edit merges with other people's edits of other
 * fields; the server refuses it only when the same field changed since.
 */
type EditDraft = { baseVersion: number; base: Fields; fields: Fields };

const fieldsOf = (ticket: Ticket): Fields => ({
  title: ticket.title,
  description: ticket.description,
  category: ticket.category,
  service: ticket.service,
  impact: ticket.impact,
  urgency: ticket.urgency,
});

/** What changed between the base and the draft (trimmed like the mutation trims). */
export function changedFields(draft: EditDraft): Partial<Fields> {
  const out: Partial<Record<EditableField, string>> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = field === 'description' ? draft.fields[field] : draft.fields[field].trim();
    if (value !== draft.base[field]) out[field] = value;
  }
  return out as Partial<Fields>;
}

/**
 * Reclassify or correct a ticket: title, description, category, service,
 * impact and urgency (the priority follows the policy's matrix and is shown
 * before saving). A refused edit comes back on top of the ticket as it is
 * now, so the agent decides with the other person's change in view.
 */
export function EditFieldsDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const run = useRunAction();
  const { policy } = getActivePolicy();
  const fresh = (): EditDraft => ({ baseVersion: ticket.version, base: fieldsOf(ticket), fields: fieldsOf(ticket) });
  const prior = (refused?.args as { fields?: Partial<Fields> } | undefined)?.fields;
  const draft = useDraft<EditDraft>(db, 'edit', ticket.id, fresh, refused && { id: refused.id, value: prior && { ...fresh(), fields: { ...fieldsOf(ticket), ...prior } } });
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const value = draft.value;
  const set = (patch: Partial<Fields>) => value && draft.set({ ...value, fields: { ...value.fields, ...patch } });
  const error = (field: EditableField) => (problem ? fieldError(problem.fields, `fields.${field}`) : undefined);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    const fields = changedFields(value);
    if (!Object.keys(fields).length) return setProblem({ fields: [], message: 'Nothing changed yet.' });
    const outcome = await run('updateFields', { ticketId: ticket.id, baseVersion: value.baseVersion, fields }, { label: `Edited ${ticket.number}`, refusedId: refused?.id });
    if (outcome?.code === 'conflict') {
      // The agent has now seen the other change: their next save is a decision, based on the ticket as it is now.
      const now = await db.tickets.get(ticket.id);
      if (now) draft.set({ ...value, baseVersion: now.version, base: fieldsOf(now) });
      return setProblem({ ...outcome, message: `${outcome.message}. Save again to replace it with yours, or change it back.` });
    }
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  const priority = value ? priorityFor(policy, value.fields.impact, value.fields.urgency) : ticket.priority;
  const stale = value && value.baseVersion < ticket.version;
  return (
    <Modal title={`Edit ${ticket.number}`} description="Only the fields you change are sent; someone else's changes to other fields are kept." onClose={onClose}>
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Edit fields">
          <FormAlert message={problem?.message ?? null} />
          {stale && (
            <p className="form-note" role="status">
              The ticket changed since this draft was started; a field changed by someone else in the meantime is refused rather than overwritten.
            </p>
          )}
          <Field label="Title" error={error('title')}>
            <input data-autofocus type="text" value={value.fields.title} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field label="Description" error={error('description')}>
            <textarea rows={4} value={value.fields.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          <ClassificationFields policy={policy} value={value.fields} onChange={set} error={error} />
          <p className="new-ticket-priority" aria-live="polite">
            {priority === ticket.priority
              ? `Priority stays ${priority}`
              : `Priority ${ticket.priority} → ${priority}: the SLA targets change (${policy.retargetRule === 'restart' ? 'clocks restart' : 'time used so far is kept'})`}
          </p>
          <DraftActions draft={draft} onCancel={onClose} submit="Save changes" />
        </form>
      )}
    </Modal>
  );
}
