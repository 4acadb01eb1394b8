import type { KbHit } from '../knowledge/kb-index';

type Props = {
  suggestions: readonly KbHit[];
  checked: readonly string[];
  titles: ReadonlyMap<string, string>;
  required: boolean;
  error: string | undefined;
  onChange(ids: string[]): void;
};

/** The knowledge articles checked before escalating (required L1 → L2 by default): suggested ones, plus any already listed. */
export function KbChecklist({ suggestions, checked, titles, required, error, onChange }: Props) {
  const ids = [...new Set([...checked, ...suggestions.map((s) => s.id)])];
  return (
    <fieldset className={`kb-checklist${error ? ' field--error' : ''}`} aria-describedby={error ? 'kb-checked-error' : undefined}>
      <legend>Knowledge articles checked{required ? ' (required for this move)' : ''}</legend>
      {ids.length === 0 && <p className="empty">No article suggested for this ticket.</p>}
      {ids.map((id) => (
        <label key={id} className="check">
          <input
            type="checkbox"
            checked={checked.includes(id)}
            onChange={(e) => onChange(e.target.checked ? [...checked, id] : checked.filter((c) => c !== id))}
          />{' '}
          {titles.get(id) ?? id}
        </label>
      ))}
      {error && (
        <span id="kb-checked-error" className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
