import { useMemo } from 'react';
import { CLOCK_KINDS, type ClockKind } from '../../../../shared/sla/clock-snapshot';
import { validatePause } from '../../../../shared/sla/validate-pause';
import { getActivePolicy } from '../../app/policy';
import { useDb } from '../../app/db-context';
import type { TicketRecord } from '../../db/ticket-record';
import { useNow } from '../../time/ticker';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { useClocks, useTicketEvents } from '../ticket/use-ticket';
import { fieldError } from './action-error';
import { useActionProblem } from './use-action-problem';
import { useActions } from './actions-context';
import { useRunAction } from './use-run-action';
import { RefusedNotice } from '../needs-attention/RefusedNotice';

type PauseDraft = { clock: ClockKind; reason: string; note: string };

const CLOCK_LABEL: Record<ClockKind, string> = { response: 'Response clock', resolution: 'Resolution clock' };

/**
 * Pause a clock for a reason the policy lists (and allows for my role):
 * a pause never happens silently or without a reason; it is audited with
 * who and why. The shared validatePause answers live, before anything is written.
 */
export function PauseDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const { agent } = useActions();
  const run = useRunAction();
  const now = useNow();
  const events = useTicketEvents(db, ticket.id);
  const clocks = useClocks(events, now);
  const policy = getActivePolicy().policy;
  const prior = refused?.args as Partial<PauseDraft> | undefined;
  const allowedFor = (clock: ClockKind) => policy.pauseReasons.filter((r) => (r.roles as readonly string[]).includes(agent.role) && (!r.clocks || r.clocks.includes(clock)));
  const fresh = (): PauseDraft => {
    const running = CLOCK_KINDS.filter((k) => ticket.sla[k].state === 'running');
    const clock = running.includes('resolution') ? 'resolution' : (running[0] ?? 'resolution');
    return { clock, reason: allowedFor(clock)[0]?.id ?? '', note: '' };
  };
  const draft = useDraft<PauseDraft>(db, 'pause', ticket.id, fresh, refused && {
    id: refused.id,
    value: prior && { ...fresh(), ...(prior.clock && { clock: prior.clock }), ...(prior.reason && { reason: prior.reason }), note: prior.note ?? '' },
  });
  const value = draft.value;
  const set = (next: PauseDraft) => {
    edited(value, next);
    draft.set(next);
  };
  const clock = value?.clock ?? 'resolution';
  const reason = value?.reason ?? '';
  const reasons = allowedFor(clock);
  const { problem, setProblem, edited } = useActionProblem<PauseDraft>();
  const check = useMemo(() => (clocks ? validatePause({ clock, reason, role: agent.role }, clocks, policy) : null), [clocks, clock, reason, agent.role, policy]);
  const ruleError = check && !check.ok ? check : null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    if (ruleError) return setProblem({ fields: [{ field: ruleError.field, message: ruleError.message }], message: 'This pause is not allowed; nothing was written.' });
    const { note } = value;
    const outcome = await run('pauseClock', { ticketId: ticket.id, clock, reason, ...(note.trim() ? { note } : {}) }, { label: `Paused ${ticket.number}`, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  return (
    <Modal title={`Pause a clock on ${ticket.number}`} description="Paused time is not counted against the SLA; the pause, its reason and who paused are recorded." onClose={onClose}>
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={problem?.message ?? null} />
          <RefusedNotice refusedId={refused?.id} />
          <Field label="Clock" error={ruleError?.field === 'clock' ? ruleError.message : undefined}>
            <select data-autofocus value={clock} onChange={(e) => set({ ...value, clock: e.target.value as ClockKind })}>
              {CLOCK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CLOCK_LABEL[k]} ({ticket.sla[k].state.replace('_', ' ')})
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reason (from the policy)" error={ruleError && ruleError.field !== 'clock' ? ruleError.message : problem ? fieldError(problem.fields, 'reason') : undefined}>
            <select value={reason} onChange={(e) => set({ ...value, reason: e.target.value })}>
              {reasons.length === 0 && <option value="">No reason the policy allows for your role on this clock</option>}
              {reasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Note (optional)" hint="What you are waiting for, e.g. 'customer sends logs after 14:00'.">
            <textarea rows={3} value={value.note} onChange={(e) => set({ ...value, note: e.target.value })} />
          </Field>
          <DraftActions draft={draft} onCancel={onClose} submit="Pause clock" disabled={!reason} />
        </form>
      )}
    </Modal>
  );
}
