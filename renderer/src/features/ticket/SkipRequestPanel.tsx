import { useState } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import type { KbArticle } from '../../../../shared/model/kb-article';
import { canWorkOnTicket } from '../../../../shared/auth/access';
import { approvesSkips } from '../../../../shared/escalation/tier-rules';
import { getActivePolicy } from '../../app/policy';
import { useDb } from '../../app/db-context';
import type { TicketRecord } from '../../db/ticket-record';
import { formatDateTime } from '../../time/format';
import { Field, FormAlert } from '../../ui/Field';
import { fieldError, type ActionProblem } from '../actions/action-error';
import { useRunAction } from '../actions/use-run-action';
import { useDraft } from '../drafts/use-draft';
import { HandoffNoteView } from './HandoffNoteView';

type Decision = 'approve' | 'decline' | 'withdraw';

/**
 * A tier skip waiting for a lead: who asked, why, and the handoff note the
 * next tier will get. A lead approves (the escalation goes out with the
 * note as written and the lead's reason as the approval) or declines with a
 * reason; the agent who asked may withdraw it. The reason is a draft, so a
 * refused decision never loses it.
 */
export function SkipRequestPanel({ ticket, agent, agents, kb }: { ticket: TicketRecord; agent: Agent; agents: ReadonlyMap<string, Agent>; kb: ReadonlyMap<string, KbArticle> }) {
  const request = ticket.skipRequest;
  if (!request) return null;
  const policy = getActivePolicy().policy;
  const approver = approvesSkips(policy, agent.role) && canWorkOnTicket(agent, ticket);
  const asker = agent.id === request.by || agent.id === ticket.assignee;
  const who = agents.get(request.by)?.name ?? request.by;
  return (
    <section className="skip-request" aria-labelledby="skip-request-heading">
      <h3 id="skip-request-heading">
        Tier skip waiting for a lead: {ticket.tier} → {request.toTier}
      </h3>
      <p>
        {who} asked on <time dateTime={new Date(request.at).toISOString()}>{formatDateTime(request.at)}</time>: {request.reason}
      </p>
      <details>
        <summary>Handoff note for {request.toTier}</summary>
        <HandoffNoteView note={request.note} kb={kb} />
      </details>
      {approver || asker ? (
        <Decide ticket={ticket} approver={approver} key={`${ticket.id}:${request.at}`} />
      ) : (
        <p className="field-hint">A {policy.tierRules.skipApprovers.join(' or ')} decides; the owner keeps the ticket meanwhile.</p>
      )}
    </section>
  );
}

function Decide({ ticket, approver }: { ticket: TicketRecord; approver: boolean }) {
  const db = useDb();
  const run = useRunAction();
  const draft = useDraft<string>(db, 'skip-decision', ticket.id, () => '');
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = draft.value ?? '';
  const toTier = ticket.skipRequest?.toTier;

  async function decide(decision: Decision) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const label = { approve: `Approved skipping ${ticket.number} to ${toTier}`, decline: `Declined skipping ${ticket.number} to ${toTier}`, withdraw: `Withdrew the skip request on ${ticket.number}` }[decision];
    const outcome = await run('decideTierSkip', { ticketId: ticket.id, decision, ...(reason.trim() ? { reason } : {}) }, { label });
    setBusy(false);
    if (outcome) return setProblem(outcome);
    await draft.discard();
  }

  return (
    <form className="skip-decision" aria-label="Decide on the tier skip" onSubmit={(e) => e.preventDefault()}>
      <FormAlert message={problem?.message ?? null} />
      <Field label={approver ? 'Your reason (recorded with the decision)' : 'Why withdraw (optional)'} error={problem ? fieldError(problem.fields, 'reason') : undefined}>
        <textarea rows={2} value={reason} disabled={draft.value === undefined} onChange={(e) => draft.set(e.target.value)} />
      </Field>
      <div className="actions">
        {approver && (
          <>
            <button type="button" disabled={busy} onClick={() => void decide('approve')}>
              Approve and escalate to {toTier}
            </button>
            <button type="button" disabled={busy} onClick={() => void decide('decline')}>
              Decline
            </button>
          </>
        )}
        {!approver && (
          <button type="button" disabled={busy} onClick={() => void decide('withdraw')}>
            Withdraw the request
          </button>
        )}
      </div>
    </form>
  );
}
