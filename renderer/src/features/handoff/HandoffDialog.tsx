import { useMemo, useRef, useState } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import type { Tier } from '../../../../shared/model/levels';
import type { StoredEvent } from '../../../../shared/model/stored-event';
import { getActivePolicy } from '../../app/policy';
import { useDb } from '../../app/db-context';
import type { TicketRecord } from '../../db/ticket-record';
import { useAgents } from '../../db/use-directory';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { fieldError, type ActionProblem } from '../actions/action-error';
import { useActions } from '../actions/actions-context';
import { useRunAction } from '../actions/use-run-action';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { suggestFor } from '../knowledge/kb-index';
import { useKb, type KbData } from '../knowledge/use-kb';
import { fromRecord } from '../../db/ticket-record';
import { useTicketEvents } from '../ticket/use-ticket';
import { isReturn } from '../../../../shared/escalation/tier-rules';
import { formFromArgs, handoffProblems, noteOf, reasonsToward, tierMoveOf, tiersToward, type HandoffDirection, type HandoffForm } from './handoff-form';
import { prefillHandoff, previousHandoff } from './handoff-prefill';
import { KbChecklist } from './KbChecklist';
import { StepsEditor } from './StepsEditor';
import { RefusedNotice } from '../needs-attention/RefusedNotice';

type Props = { ticket: TicketRecord; direction: HandoffDirection; refused?: { id: number; args: unknown } | undefined; onClose(): void };

/** The words that differ between escalating a ticket and sending it back down. */
const WORDING = {
  up: {
    title: (number: string) => `Escalate ${number} to another tier`,
    description: 'The next tier reads this first: what was tried and how it went, the impact, the workaround, who was involved and what they need.',
    to: 'Escalate to',
    why: 'Why (trigger)',
    submit: (tier: Tier) => `Escalate to ${tier}`,
    done: (number: string, tier: Tier) => `Escalated ${number} to ${tier}`,
  },
  down: {
    title: (number: string) => `Send ${number} back to a lower tier`,
    description: 'The tier taking it back reads this first: what you found and did, the impact, the workaround, who was involved and what they need to do next.',
    to: 'Send back to',
    why: 'Why (reason)',
    submit: (tier: Tier) => `Send back to ${tier}`,
    done: (number: string, tier: Tier) => `Sent ${number} back to ${tier}`,
  },
} as const;

/**
 * Functional escalation, or sending the ticket back down a tier, with its
 * structured handoff note. Loads the ticket's log and the knowledge base
 * first: the note is prefilled from them. A refused handoff opened from
 * Needs attention keeps the direction it was sent in.
 */
export function HandoffDialog(props: Props) {
  const db = useDb();
  const events = useTicketEvents(db, props.ticket.id);
  const kb = useKb(db);
  const agents = useAgents(db);
  const refusedTo = formFromArgs(props.refused?.args)?.toTier;
  const direction: HandoffDirection = refusedTo ? (isReturn(props.ticket.tier, refusedTo) ? 'down' : 'up') : props.direction;
  const title = WORDING[direction].title(props.ticket.number);
  if (!events || !kb) {
    return (
      <Modal title={title} onClose={props.onClose}>
        <p role="status">Loading the ticket's notes…</p>
      </Modal>
    );
  }
  return <HandoffEditor {...props} direction={direction} events={events} kb={kb} agents={agents} title={title} />;
}

type EditorProps = Props & { events: StoredEvent[]; kb: KbData; agents: ReadonlyMap<string, Agent>; title: string };

function HandoffEditor({ ticket, direction, refused, onClose, events, kb, agents, title }: EditorProps) {
  const db = useDb();
  const { agent } = useActions();
  const run = useRunAction();
  const policy = getActivePolicy().policy;
  const plain = useMemo(() => fromRecord(ticket), [ticket]);
  const words = WORDING[direction];
  // Separate drafts: a half-written escalation is not lost by starting a return, and the other way round.
  const draft = useDraft<HandoffForm>(
    db,
    direction === 'up' ? 'handoff' : 'return',
    ticket.id,
    () => prefillHandoff(plain, events, policy, agents, kb.articles, agent, direction),
    refused && { id: refused.id, value: formFromArgs(refused.args) },
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const form = draft.value;
  const previous = useMemo(() => previousHandoff(events), [events]);
  const live = useMemo(() => (form ? handoffProblems(form, plain, agent, policy, previous) : []), [form, plain, agent, policy, previous]);
  const suggestions = useMemo(() => suggestFor(kb.index, ticket, 6), [kb, ticket]);
  const titles = useMemo(() => new Map([...kb.articles].map(([id, a]) => [id, a.title])), [kb]);

  if (!form) {
    return (
      <Modal title={title} onClose={onClose}>
        <p role="status">Restoring your draft…</p>
      </Modal>
    );
  }
  const set = (patch: Partial<HandoffForm>) => draft.set({ ...form, ...patch });
  // A field's live error shows once the agent leaves it, but not when they leave it for a button:
  // the error appearing would shift the layout under the pointer and swallow the click.
  const touch = (field: string, event?: React.FocusEvent) => {
    if (event?.relatedTarget instanceof HTMLButtonElement) return;
    setTouched((t) => new Set(t).add(field));
  };
  // Live errors show once a field was left (or the agent tried to send); the server's refusal always shows.
  const errorOf = (field: string) => (problem ? fieldError(problem.fields, field) : undefined) ?? (submitted || touched.has(field) ? fieldError(live, field) : undefined);
  const whole = live.filter((p) => p.field === '').map((p) => p.message);
  const move = tierMoveOf(form, plain, agent, policy);
  const asksLead = move.kind === 'skip' && !move.approver;
  const kbRequired = policy.handoff.kbRequired.some((r) => r.from === ticket.tier && r.to === form.toTier);
  const involvedErrors = live.filter((p) => /^involved\[\d+\]$/.test(p.field)).map((p) => `${p.message} (line ${Number(/\d+/.exec(p.field)![0]) + 1})`);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!form || busy) return;
    setSubmitted(true);
    setProblem(null);
    if (live.length) {
      // Move to the first field that needs work; the text stays as typed (and saved as a draft).
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    const { skipReason, toTier, trigger } = form;
    const handoff = { ticketId: ticket.id, toTier, trigger, handoffNote: noteOf(form) };
    const options = { refusedId: refused?.id, under: 'handoffNote' };
    // A skip I cannot approve myself goes to a lead as a request, with the whole note.
    const outcome = asksLead
      ? await run('requestTierSkip', { ...handoff, skipReason }, { ...options, label: `Asked a lead to approve skipping ${ticket.number} to ${toTier}` })
      : await run('escalateFunctional', { ...handoff, ...(skipReason.trim() ? { skipReason } : {}) }, { ...options, label: words.done(ticket.number, toTier) });
    setBusy(false);
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  const summary = problem?.message ?? (submitted && live.length ? `Not sent: ${live.length} problem${live.length > 1 ? 's' : ''} in the note. Fix the fields marked below; everything you typed is kept.` : null);
  return (
    <Modal title={title} description={words.description} onClose={onClose} wide>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label="Handoff note">
        <FormAlert message={summary} />
        <RefusedNotice refusedId={refused?.id} />
        {(submitted || problem) && whole.length > 0 && (
          <ul className="form-problems">
            {whole.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div className="row">
          <Field label={words.to} error={errorOf('toTier')}>
            <select data-autofocus value={form.toTier} onChange={(e) => set({ toTier: e.target.value as Tier })}>
              {tiersToward(ticket.tier, direction).map((t) => (
                <option key={t} value={t}>
                  {t} — {policy.tiers.find((d) => d.id === t)?.name ?? t}
                </option>
              ))}
            </select>
          </Field>
          <Field label={words.why} error={errorOf('trigger')}>
            <select value={form.trigger} onChange={(e) => set({ trigger: e.target.value })}>
              {reasonsToward(policy, direction).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {move.kind === 'skip' && (
          <div className="skip-notice" role="note">
            <p>
              <strong>This skips a tier.</strong> {move.message}.{' '}
              {move.approver
                ? 'As a lead, your reason below is the approval; it is recorded with the escalation.'
                : `A lead must approve a skip. Send this as a request: your group's leads are told, read your reason and note, then approve (the note goes to ${form.toTier} as you wrote it) or decline, and you keep the ticket meanwhile.`}
            </p>
            <Field label="Why skip a tier?" error={errorOf('skipReason')}>
              <textarea rows={2} value={form.skipReason} onChange={(e) => set({ skipReason: e.target.value })} onBlur={(e) => touch('skipReason', e)} />
            </Field>
          </div>
        )}
        <StepsEditor steps={form.steps} onChange={(steps) => set({ steps })} errorOf={errorOf} onTouched={touch} />
        <Field label="Current business impact" error={errorOf('businessImpact')}>
          <textarea rows={2} value={form.businessImpact} onChange={(e) => set({ businessImpact: e.target.value })} onBlur={(e) => touch('businessImpact', e)} />
        </Field>
        <Field label="Workaround applied" hint='Describe it, or write "none".' error={errorOf('workaround')}>
          <textarea rows={2} value={form.workaround} onChange={(e) => set({ workaround: e.target.value })} onBlur={(e) => touch('workaround', e)} />
        </Field>
        <button type="button" className="small" onClick={() => set({ workaround: 'none' })}>
          No workaround
        </button>
        <Field label="Who has been involved (one per line)" error={errorOf('involved') ?? ((submitted || touched.has('involved')) && involvedErrors.length ? involvedErrors.join('; ') : undefined)}>
          <textarea rows={3} value={form.involved} onChange={(e) => set({ involved: e.target.value })} onBlur={(e) => touch('involved', e)} />
        </Field>
        <Field label={`What ${form.toTier} needs to do or know`} error={errorOf('nextTierNeeds')}>
          <textarea rows={3} value={form.nextTierNeeds} onChange={(e) => set({ nextTierNeeds: e.target.value })} onBlur={(e) => touch('nextTierNeeds', e)} />
        </Field>
        <KbChecklist
          suggestions={suggestions}
          checked={form.kbArticlesChecked}
          titles={titles}
          required={kbRequired}
          error={errorOf('kbArticlesChecked')}
          onChange={(kbArticlesChecked) => set({ kbArticlesChecked })}
        />
        <ConfirmedFields form={form} ticket={ticket} errorOf={errorOf} onUseCurrent={() => set({ category: ticket.category, priority: ticket.priority })} />
        <DraftActions draft={draft} onCancel={onClose} submit={asksLead ? 'Ask a lead to approve' : words.submit(form.toTier)} cancel="Close (draft kept)" disabled={busy} />
      </form>
    </Modal>
  );
}

/** Category and priority as the writer confirmed them; when the ticket changed since, the note says so and offers the current values. */
function ConfirmedFields({ form, ticket, errorOf, onUseCurrent }: { form: HandoffForm; ticket: TicketRecord; errorOf(f: string): string | undefined; onUseCurrent(): void }) {
  const error = errorOf('category') ?? errorOf('priority');
  return (
    <p className={`confirmed${error ? ' field--error' : ''}`}>
      Category <strong>{form.category}</strong>, priority <strong>{form.priority}</strong> (as on the ticket when you wrote this).
      {error && (
        <>
          {' '}
          <span className="field-error">{error}</span>{' '}
          <button type="button" className="small" onClick={onUseCurrent}>
            Use {ticket.category} / {ticket.priority}
          </button>
        </>
      )}
    </p>
  );
}
