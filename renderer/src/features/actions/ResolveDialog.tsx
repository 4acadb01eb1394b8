import { useMemo } from 'react';
import type { ArgsInput } from '../../../../shared/mutations/mutations';
import { wasEscalated } from '../../../../shared/mutations/ops/resolve';
import { useDb } from '../../app/db-context';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { suggestFor } from '../knowledge/kb-index';
import { kbMarks } from '../knowledge/kb-marks';
import { useKb } from '../knowledge/use-kb';
import { useTicketEvents } from '../ticket/use-ticket';
import { fieldError } from './action-error';
import { useActionProblem } from './use-action-problem';
import { useRunAction } from './use-run-action';
import { RefusedNotice } from '../needs-attention/RefusedNotice';

type KbChoice = 'link' | 'draft' | 'none';
type ResolveDraft = { resolution: string; kb: KbChoice; articleId: string; title: string; body: string; tags: string };

function fromArgs(args: unknown): ResolveDraft | undefined {
  const a = args as Partial<ArgsInput<'resolve'>> | undefined;
  if (!a) return undefined;
  const kb: KbChoice = a.kbDraft ? 'draft' : a.kbArticleId ? 'link' : 'none';
  return { resolution: a.resolution ?? '', kb, articleId: a.kbArticleId ?? '', title: a.kbDraft?.title ?? '', body: a.kbDraft?.body ?? '', tags: (a.kbDraft?.tags ?? []).join(', ') };
}

/**
 * Resolve, closing the knowledge loop: an escalated ticket must link the
 * article that solved it or draft one (which L1 then gets suggested for
 * similar tickets). The resolution text is a draft until it is queued.
 */
export function ResolveDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const run = useRunAction();
  const events = useTicketEvents(db, ticket.id);
  const kb = useKb(db);
  const escalated = events ? wasEscalated(events) : false;
  const draft = useDraft<ResolveDraft>(db, 'resolve', ticket.id, () => ({ resolution: '', kb: 'link', articleId: '', title: '', body: '', tags: '' }), refused && { id: refused.id, value: fromArgs(refused.args) });
  const { problem, setProblem, edited } = useActionProblem<ResolveDraft>({ kb: ['kbArticleId', 'kbDraft'], articleId: ['kbArticleId'], title: ['kbDraft.title'], body: ['kbDraft.body'], tags: ['kbDraft.tags'] });
  const value = draft.value;
  const set = (next: ResolveDraft) => {
    edited(value, next);
    draft.set(next);
  };
  const options = useMemo(() => {
    if (!kb) return [];
    const resolvedWith = [...kbMarks(events ?? [])].filter(([, o]) => o === 'resolved_with').map(([id]) => id);
    const ids = new Set([...resolvedWith, ...suggestFor(kb.index, ticket, 8).map((h) => h.id)]);
    return [...ids].map((id) => kb.articles.get(id)).filter((a) => a !== undefined);
  }, [kb, events, ticket]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    const kbPart =
      value.kb === 'link' && value.articleId
        ? { kbArticleId: value.articleId }
        : value.kb === 'draft'
          ? { kbDraft: { articleId: crypto.randomUUID(), title: value.title, body: value.body, tags: value.tags.split(',').map((t) => t.trim()).filter(Boolean) } }
          : {};
    const outcome = await run('resolve', { ticketId: ticket.id, resolution: value.resolution, ...kbPart }, { label: `Resolved ${ticket.number}`, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  const err = (field: string) => (problem ? fieldError(problem.fields, field) : undefined);
  return (
    <Modal title={`Resolve ${ticket.number}`} description={escalated ? 'This ticket was escalated: link the article that solved it, or write one.' : 'Link the article that solved it if there is one.'} onClose={onClose} wide>
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={problem?.message ?? null} />
          <RefusedNotice refusedId={refused?.id} />
          <Field label="Resolution (sent to the requester)" error={err('resolution')}>
            <textarea data-autofocus rows={5} value={value.resolution} onChange={(e) => set({ ...value, resolution: e.target.value })} />
          </Field>
          <fieldset className="inline">
            <legend>Knowledge article{escalated ? ' (required: the ticket was escalated)' : ''}</legend>
            <label>
              <input type="radio" name="kb" checked={value.kb === 'link'} onChange={() => set({ ...value, kb: 'link' })} /> Link an existing article
            </label>
            <label>
              <input type="radio" name="kb" checked={value.kb === 'draft'} onChange={() => set({ ...value, kb: 'draft' })} /> Write a new article
            </label>
            <label>
              <input type="radio" name="kb" checked={value.kb === 'none'} disabled={escalated} onChange={() => set({ ...value, kb: 'none' })} /> No article
            </label>
          </fieldset>
          {value.kb === 'link' && (
            <Field label="Article" error={err('kbArticleId')}>
              <select value={value.articleId} onChange={(e) => set({ ...value, articleId: e.target.value })}>
                <option value="">Choose an article…</option>
                {options.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {value.kb === 'draft' && (
            <>
              <Field label="Article title" error={err('kbDraft.title')}>
                <input value={value.title} onChange={(e) => set({ ...value, title: e.target.value })} />
              </Field>
              <Field label="Article body: the fix, step by step" error={err('kbDraft.body')}>
                <textarea rows={6} value={value.body} onChange={(e) => set({ ...value, body: e.target.value })} />
              </Field>
              <Field label="Tags (comma separated)" error={err('kbDraft.tags')}>
                <input value={value.tags} onChange={(e) => set({ ...value, tags: e.target.value })} />
              </Field>
            </>
          )}
          <DraftActions draft={draft} onCancel={onClose} submit="Resolve" />
        </form>
      )}
    </Modal>
  );
}
