import { useState } from 'react';
import type { FieldError } from '../../../../shared/errors';
import { isSupervisor } from '../../../../shared/auth/access';
import type { Agent, Group } from '../../../../shared/model/agent';
import { CHANNELS, SEVERITIES, type Channel, type Severity } from '../../../../shared/model/levels';
import { useDb } from '../../app/db-context';
import { getActivePolicy } from '../../app/policy';
import { useAppStore } from '../../app/store';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { fieldError } from '../actions/action-error';
import { ClassificationFields } from '../actions/ClassificationFields';
import { useRunAction } from '../actions/use-run-action';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { blankTicket, CHANNEL_LABEL, checkNewTicket, draftFromArgs, followUpOf, routing, toArgs, type NewTicketDraft } from './new-ticket-form';
import type { Ticket } from '../../../../shared/model/ticket';
import { formatDateTime } from '../../time/format';
import { RefusedNotice } from '../needs-attention/RefusedNotice';
import { KnownRequesterHint, RequesterDuplicates } from '../requester/RequesterTickets';
import type { KnownRequester } from '../requester/requester-tickets';

/** Draft keys whose error is reported under another field name (the mutation's args nest the requester). */
const FIELD_OF: Partial<Record<keyof NewTicketDraft, string>> = { requesterName: 'requester.name', requesterEmail: 'requester.email', vip: 'requester.vip' };

/**
 * Log a new ticket (a call, a walk-in, an email read aloud): online or
 * offline alike, it is created locally at once and synced like any action.
 * What is typed is a draft until the ticket is recorded; the priority and
 * the group it lands in are shown live from the same rules the server applies.
 */
export function NewTicketDialog({
  agent,
  groups,
  refused,
  followUp,
  onClose,
}: {
  agent: Agent;
  groups: readonly Group[];
  refused?: { id: number; args: unknown } | null;
  /** A closed ticket this one follows up (its requester and classification filled in, its own draft). */
  followUp?: Ticket | null;
  onClose(): void;
}) {
  const db = useDb();
  const run = useRunAction();
  const openDetail = useAppStore((s) => s.openDetail);
  const { policy } = getActivePolicy();
  const blank = () => blankTicket(policy, agent);
  // A refused create is retried under its own id: the server never created it.
  const refusedId = (refused?.args as { ticketId?: string } | undefined)?.ticketId;
  // A follow-up has a draft of its own: it never replaces a new ticket half-typed, and comes back for the same closed ticket.
  const draftId = refusedId ?? (followUp ? `follow-up:${followUp.id}` : '');
  const initial = () => (followUp ? followUpOf(followUp, formatDateTime(followUp.updatedAt), blank()) : blank());
  const draft = useDraft<NewTicketDraft>(db, 'new-ticket', draftId, initial, refused ? { id: refused.id, value: draftFromArgs(refused.args, blank()) } : undefined);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = draft.value;
  // A field's message goes as soon as the agent changes that field; the rest stay until the next try.
  const set = (patch: Partial<NewTicketDraft>) => {
    if (!value) return;
    draft.set({ ...value, ...patch });
    const changed = new Set(Object.keys(patch).map((k) => FIELD_OF[k as keyof NewTicketDraft] ?? k));
    setProblems((current) => (current.some((p) => changed.has(p.field)) ? current.filter((p) => !changed.has(p.field)) : current));
  };
  const error = (field: string) => fieldError(problems, field);
  // A known email fills an empty name (never unticks VIP); "Use these details" takes both as they are known.
  const takeKnown = (known: KnownRequester, filled: 'empty' | 'all') =>
    set({ requesterName: known.name, vip: filled === 'all' ? known.vip : (value?.vip ?? false) || known.vip });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value || busy) return;
    const local = checkNewTicket(value);
    if (local.length) {
      setProblems(local);
      setMessage('Some fields need fixing; nothing was saved yet and your text is kept.');
      return;
    }
    setBusy(true);
    const ticketId = refusedId ?? crypto.randomUUID();
    const outcome = await run('createTicket', toArgs(value, ticketId), { label: `New ticket: ${value.title.trim()}`, refusedId: refused?.id });
    setBusy(false);
    if (outcome) {
      setProblems(outcome.fields);
      setMessage(outcome.message);
      return;
    }
    await draft.discard();
    // An accept refused only because the create was is replaced by the one below (or not wanted any more).
    if (refusedId) await db.needsAttention.where('ticketId').equals(refusedId).filter((r) => r.name === 'acceptTicket').delete();
    // Logged by the agent who will work it: take ownership too (a second action, so a refusal of it never loses the ticket).
    if (value.takeIt && takeable) await run('acceptTicket', { ticketId }, { label: `Accepted ${value.title.trim()}` });
    openDetail(ticketId);
    onClose();
  }

  const route = value ? routing(policy, groups, value) : null;
  // Only an agent of the tier it lands in (or a supervisor) can take it; the accept rules say the same.
  const takeable = !!route && (route.tier === agent.tier || isSupervisor(agent));
  return (
    <Modal title="New ticket" description="Created here at once, online or offline, and synced like any other action." onClose={onClose}>
      {value && route && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="New ticket">
          <FormAlert message={message} />
          <RefusedNotice refusedId={refused?.id} />
          <fieldset>
            <legend>Requester</legend>
            <Field label="Email" error={error('requester.email')}>
              <input data-autofocus type="email" autoComplete="off" value={value.requesterEmail} onChange={(e) => set({ requesterEmail: e.target.value })} />
            </Field>
            <KnownRequesterHint email={value.requesterEmail} name={value.requesterName} vip={value.vip} onUse={takeKnown} />
            <Field label="Name" error={error('requester.name')}>
              <input type="text" autoComplete="off" value={value.requesterName} onChange={(e) => set({ requesterName: e.target.value })} />
            </Field>
            <label className="check">
              <input type="checkbox" checked={value.vip} onChange={(e) => set({ vip: e.target.checked })} /> VIP
            </label>
            {!refused && (
              <RequesterDuplicates
                email={value.requesterEmail}
                groups={groups}
                onOpen={(ticketId) => {
                  // The dialog's text stays a draft: c brings it back if the call was a new fault after all.
                  openDetail(ticketId);
                  onClose();
                }}
              />
            )}
          </fieldset>
          <Field label="Title" hint="What is wrong, in one line." error={error('title')}>
            <input type="text" value={value.title} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field label="Description" error={error('description')}>
            <textarea rows={4} value={value.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          <ClassificationFields
            policy={policy}
            value={value}
            onChange={set}
            error={error}
            categoryHint={route.group ? `Goes to ${route.group} (${route.tier}).` : `No group handles it in ${route.tier}.`}
          />
          <div className="row">
            <Field label="Severity" error={error('severity')}>
              <select value={value.severity} onChange={(e) => set({ severity: e.target.value as Severity })}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s} {policy.severities.find((d) => d.id === s)?.name ?? ''}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Channel" error={error('channel')}>
              <select value={value.channel} onChange={(e) => set({ channel: e.target.value as Channel })}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABEL[c]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <p className="new-ticket-priority" aria-live="polite">
            Priority {route.priority} (impact × urgency, per the policy)
          </p>
          {takeable && (
            <label className="check">
              <input type="checkbox" checked={value.takeIt} onChange={(e) => set({ takeIt: e.target.checked })} /> Assign to me
            </label>
          )}
          <DraftActions draft={draft} onCancel={onClose} submit="Create ticket" disabled={busy} />
        </form>
      )}
    </Modal>
  );
}
