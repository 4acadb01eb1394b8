import { canOwnTicket, isSupervisor } from '../../../../shared/auth/access';
import { useDb } from '../../app/db-context';
import { agentName, useAgents, useGroups } from '../../db/use-directory';
import type { TicketRecord } from '../../db/ticket-record';
import { Field, FormAlert } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { DraftActions } from '../drafts/DraftActions';
import { useDraft } from '../drafts/use-draft';
import { RefusedNotice } from '../needs-attention/RefusedNotice';
import { fieldError } from './action-error';
import { useActions } from './actions-context';
import { useActionProblem } from './use-action-problem';
import { useRunAction } from './use-run-action';
import { useWorkloads, workloadText } from './workload';

/** '' = nobody: back to the group's queue. */
type AssignDraft = { assignee: string; reason: string };
const QUEUE = '';

/**
 * Give the ticket to someone of its group and tier, or back to the queue
 * (a lead or manager); release your own ticket to the queue (its owner).
 * The reason goes on the timeline; the same rules as the server decide.
 */
export function AssignDialog({ ticket, refused, onClose }: { ticket: TicketRecord; refused?: { id: number; args: unknown } | undefined; onClose(): void }) {
  const db = useDb();
  const { agent } = useActions();
  const run = useRunAction();
  const agents = useAgents(db);
  const groupName = useGroups(db).find((g) => g.id === ticket.group)?.name ?? ticket.group;
  const supervisor = isSupervisor(agent);
  const candidates = supervisor
    ? [...agents.values()].filter((a) => a.id !== ticket.assignee && canOwnTicket(a, ticket) && a.role !== 'admin').sort((a, b) => a.name.localeCompare(b.name))
    : [];
  // Whom to give it to: each candidate's open tickets, and how many are breached or at risk.
  const workloads = useWorkloads(db, candidates.map((a) => a.id));
  const prior = refused?.args as { assignee?: string | null; reason?: string } | undefined;
  const draft = useDraft<AssignDraft>(db, 'assign', ticket.id, () => ({ assignee: QUEUE, reason: '' }), refused && {
    id: refused.id,
    value: prior && { assignee: prior.assignee ?? QUEUE, reason: prior.reason ?? '' },
  });
  const { problem, setProblem, edited } = useActionProblem<AssignDraft>();
  const value = draft.value;
  const set = (next: AssignDraft) => {
    edited(value, next);
    draft.set(next);
  };
  const owner = agentName(agents, ticket.assignee, agent.id);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!value) return;
    const assignee = value.assignee === QUEUE ? null : value.assignee;
    const label = assignee ? `Gave ${ticket.number} to ${agentName(agents, assignee)}` : `Put ${ticket.number} back in the queue`;
    const outcome = await run('assignTicket', { ticketId: ticket.id, assignee, reason: value.reason }, { label, refusedId: refused?.id });
    if (outcome) return setProblem(outcome);
    await draft.discard();
    onClose();
  }

  return (
    <Modal
      title={supervisor ? `Assign ${ticket.number}` : `Release ${ticket.number} to the queue`}
      description={
        ticket.status === 'pending_acceptance'
          ? `It waits for ${ticket.tier} to accept it: giving it to someone accepts it on their behalf, which stops the accept-within clock. The reason goes on the timeline.`
          : `Owner now: ${owner}. The reason goes on the timeline for the next owner and the lead.`
      }
      onClose={onClose}
    >
      {value && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormAlert message={problem?.message ?? null} />
          <RefusedNotice refusedId={refused?.id} />
          {supervisor && (
            <Field label="New owner" hint={`People of ${groupName} who work in ${ticket.tier}, with the open tickets they own${ticket.assignee === null ? '' : ', or nobody'}.`} error={problem ? fieldError(problem.fields, 'assignee') : undefined}>
              <select value={value.assignee} onChange={(e) => set({ ...value, assignee: e.target.value })}>
                {/* An unowned ticket is in the queue already: someone has to be chosen. */}
                <option value={QUEUE} disabled={ticket.assignee === null}>
                  {ticket.assignee === null ? 'Choose who takes it' : 'Nobody: back to the queue'}
                </option>
                {candidates.map((a) => {
                  const load = workloads?.get(a.id);
                  const name = a.id === agent.id ? `${a.name} (you)` : a.name;
                  return (
                    <option key={a.id} value={a.id}>
                      {load ? `${name} — ${workloadText(load)}` : name}
                    </option>
                  );
                })}
              </select>
            </Field>
          )}
          <Field label="Reason" error={problem ? fieldError(problem.fields, 'reason') : undefined}>
            <textarea data-autofocus rows={3} value={value.reason} onChange={(e) => set({ ...value, reason: e.target.value })} />
          </Field>
          <DraftActions draft={draft} onCancel={onClose} submit={supervisor ? 'Assign' : 'Release'} />
        </form>
      )}
    </Modal>
  );
}
