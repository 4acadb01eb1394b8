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
import { RefusedNotice } from '../needs-attention/RefusedNotice';
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

/**
 * Fields the agent has not touched follow the ticket as it is now: a draft
 * kept while someone else changed the ticket shows their values, and only
 * the agent's own changes are sent (on the version they started from).
 */
export function withCurrentUntouched(draft: EditDraft, ticket: Ticket): EditDraft {
  const now = fieldsOf(ticket);
  let next: { baseVersion: number; base: Record<EditableField, string>; fields: Record<EditableField, string> } | null = null;
  for (const field of EDITABLE_FIELDS) {
    if (draft.fields[field] !== draft.base[field] || draft.base[field] === now[field]) continue;
    next ??= { baseVersion: draft.baseVersion, base: { ...draft.base }, fields: { ...draft.fields } };
    next.base[field] = now[field];
    next.fields[field] = now[field];
  }
  return (next as EditDraft | null) ?? draft;
}

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
  const value = draft.value && withCurrentUntouched(draft.value, ticket);
  const set = (patch: Partial<Fields>) => value && draft.set({ ...value, fields: { ...value.fields, ...patch } });
  const error = (field: EditableField) => (problem ? fieldError(problem.fields, `fields.${field}`) : undefined);
  // Beside a field the agent changed: what the ticket says now (someone else's value, after a conflict).
  const current = fieldsOf(ticket);
  const nowHint = (field: EditableField) => (value && value.fields[field] !== current[field] ? `On the ticket now: ${current[field] || '(empty)'}` : undefined);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    const fields = changedFields(value);
    if (!Object.keys(fields).length) return setProblem({ fields: [], message: 'Nothing changed yet.' });
    const blank = (['title', 'service'] as const).filter((f) => fields[f] === '');
    if (blank.length) return setProblem({ fields: blank.map((f) => ({ field: `fields.${f}`, message: `The ${f} cannot be empty.` })), message: 'Nothing was saved; your text is kept.' });
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
          <RefusedNotice refusedId={refused?.id} then="Saving replaces what the ticket says now (shown beside each field you changed) with your values." />
          <Field label="Title" hint={nowHint('title')} error={error('title')}>
            <input data-autofocus type="text" value={value.fields.title} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field label="Description" error={error('description')}>
            <textarea rows={4} value={value.fields.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          <ClassificationFields policy={policy} value={value.fields} onChange={set} error={error} hint={nowHint} />
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
