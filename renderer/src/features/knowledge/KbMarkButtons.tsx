import { useState } from 'react';
import type { KbOutcome } from '../../../../shared/model/activity-event';
import { KB_OUTCOMES } from '../../../../shared/model/activity-event';
import { useRunAction } from '../actions/use-run-action';
import { OUTCOME_LABEL } from './kb-marks';

/** Records on the ticket what an article did: the handoff note lists the ones checked, resolvers link the one that solved it. */
export function KbMarkButtons({
  ticketId,
  ticketNumber,
  articleId,
  title,
  mark,
  closed = false,
}: {
  ticketId: string;
  ticketNumber: string;
  articleId: string;
  title: string;
  mark: KbOutcome | undefined;
  /** A closed ticket is final: its marks are shown, not changed. */
  closed?: boolean;
}) {
  const run = useRunAction();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="kb-marks">
      {KB_OUTCOMES.map((outcome) => (
        <button
          key={outcome}
          type="button"
          aria-pressed={mark === outcome}
          disabled={closed}
          title={closed ? `${ticketNumber} is closed` : undefined}
          aria-label={`${OUTCOME_LABEL[outcome]}: ${title}`}
          onClick={async () => {
            const problem = await run('markKbArticle', { ticketId, articleId, outcome }, { label: `${OUTCOME_LABEL[outcome]} on ${ticketNumber}` });
            setError(problem?.message ?? null);
          }}
        >
          {mark === outcome ? '✓ ' : ''}
          {OUTCOME_LABEL[outcome]}
        </button>
      ))}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
