import type { HandoffStep } from '../../../../shared/handoff/handoff-note';

type Props = {
  steps: HandoffStep[];
  onChange(steps: HandoffStep[]): void;
  errorOf(field: string): string | undefined;
  onTouched(field: string, event: React.FocusEvent): void;
};

/** "What was tried → what happened", one row per step: the part of the note the next tier reads first. */
export function StepsEditor({ steps, onChange, errorOf, onTouched }: Props) {
  const update = (i: number, patch: Partial<HandoffStep>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const listError = errorOf('steps');
  return (
    <fieldset className="steps">
      <legend>Steps tried, with the outcome of each</legend>
      {listError && <p className="field-error" id="steps-error">{listError}</p>}
      <ol>
        {steps.map((step, i) => {
          const actionError = errorOf(`steps[${i}].action`);
          const outcomeError = errorOf(`steps[${i}].outcome`);
          return (
            <li key={i} className="step">
              <div className={`field${actionError ? ' field--error' : ''}`}>
                <label htmlFor={`step-${i}-action`}>Step {i + 1}: what was tried</label>
                <textarea
                  id={`step-${i}-action`}
                  rows={2}
                  value={step.action}
                  aria-invalid={Boolean(actionError)}
                  {...(actionError ? { 'aria-describedby': `step-${i}-action-error` } : {})}
                  onChange={(e) => update(i, { action: e.target.value })}
                  onBlur={(e) => onTouched(`steps[${i}].action`, e)}
                />
                {actionError && <span id={`step-${i}-action-error`} className="field-error">{actionError}</span>}
              </div>
              <div className={`field${outcomeError ? ' field--error' : ''}`}>
                <label htmlFor={`step-${i}-outcome`}>Outcome</label>
                <textarea
                  id={`step-${i}-outcome`}
                  rows={2}
                  value={step.outcome}
                  aria-invalid={Boolean(outcomeError)}
                  {...(outcomeError ? { 'aria-describedby': `step-${i}-outcome-error` } : {})}
                  onChange={(e) => update(i, { outcome: e.target.value })}
                  onBlur={(e) => onTouched(`steps[${i}].outcome`, e)}
                />
                {outcomeError && <span id={`step-${i}-outcome-error`} className="field-error">{outcomeError}</span>}
              </div>
              <button type="button" className="icon" aria-label={`Remove step ${i + 1}`} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...steps, { action: '', outcome: '' }])}>
        Add a step
      </button>
    </fieldset>
  );
}
