import { useState } from 'react';
import type { NoteVisibility } from '../../../../shared/model/activity-event';
import type { ArgsInput } from '../../../../shared/mutations/mutations';
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
import { getActivePolicy } from '../../app/policy';
import { useActions } from './actions-context';
import { fillTemplate, withTemplate } from './note-templates';

type Contact = NonNullable<ArgsInput<'addWorkNote'>['contact']>;
type NoteDraft = { body: string; visibility: NoteVisibility; contact: Contact };

const CONTACTS: Array<[Contact, string]> = [
  ['public_reply', 'Reply to the requester'],
  ['phone_call', 'Phone call'],
  ['chat_reply', 'Chat'],
  ['on_site_visit', 'On-site visit'],
];

function fromArgs(args: unknown): NoteDraft | undefined {
  const a = args as Partial<ArgsInput<'addWorkNote'>> | undefined;
  if (!a) return undefined;
  return { body: a.body ?? '', visibility: a.visibility ?? 'internal', contact: a.contact ?? 'public_reply' };
}

/** Add a work note: internal, or a contact with the requester (which may count as the first response, per policy). */
export function NoteDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const run = useRunAction();
  const draft = useDraft<NoteDraft>(db, 'note', ticket.id, () => ({ body: '', visibility: 'internal', contact: 'public_reply' }), refused && { id: refused.id, value: fromArgs(refused.args) });
  const { problem, setProblem, edited } = useActionProblem<NoteDraft>();
  const [busy, setBusy] = useState(false);
  const { agent } = useActions();
  const templates = getActivePolicy().policy.noteTemplates;
  const value = draft.value;
  const set = (next: NoteDraft) => {
    edited(value, next);
    draft.set(next);
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value || busy) return;
    setBusy(true);
    const outcome = await run(
      'addWorkNote',
      { ticketId: ticket.id, noteId: crypto.randomUUID(), body: value.body, visibility: value.visibility, contact: value.visibility === 'public' ? value.contact : null },
      { label: `Note on ${ticket.number}`, refusedId: refused?.id },
    );
    setBusy(false);
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  return (
    <Modal title={`Add a note to ${ticket.number}`} onClose={onClose}>
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={problem?.message ?? null} />
          <RefusedNotice refusedId={refused?.id} />
          {templates.length > 0 && (
            <Field label="Insert a template" hint="Into an empty note with its visibility; after what is typed otherwise.">
              <select
                value=""
                onChange={(e) => {
                  const template = templates.find((t) => t.id === e.target.value);
                  if (template) set(withTemplate(value, template, fillTemplate(template, ticket, agent.name)));
                }}
              >
                <option value="">Choose…</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label="Note" error={problem ? fieldError(problem.fields, 'body') : undefined}>
            <textarea data-autofocus rows={6} value={value.body} onChange={(e) => set({ ...value, body: e.target.value })} />
          </Field>
          <fieldset className="inline">
            <legend>Who sees it</legend>
            <label>
              <input type="radio" name="visibility" checked={value.visibility === 'internal'} onChange={() => set({ ...value, visibility: 'internal' })} /> Internal
            </label>
            <label>
              <input type="radio" name="visibility" checked={value.visibility === 'public'} onChange={() => set({ ...value, visibility: 'public' })} /> Requester
              (a contact)
            </label>
          </fieldset>
          {value.visibility === 'public' && (
            <Field label="How the requester was reached" hint="The policy decides per channel which contacts count as the first response.">
              <select value={value.contact} onChange={(e) => set({ ...value, contact: e.target.value as Contact })}>
                {CONTACTS.map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <DraftActions draft={draft} onCancel={onClose} submit="Add note" disabled={busy} />
        </form>
      )}
    </Modal>
  );
}
