import { IMPACTS, URGENCIES, type Impact, type Urgency } from '../../../../shared/model/levels';
import type { Policy } from '../../../../shared/policy/schema';
import { Field } from '../../ui/Field';

export type Classification = { category: string; service: string; impact: Impact; urgency: Urgency };

const LEVEL_LABEL: Record<Impact | Urgency, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Category, service, impact and urgency: what routes a ticket and sets its priority (new ticket and edit fields). */
export function ClassificationFields({
  policy,
  value,
  onChange,
  error,
  hint,
  categoryHint,
}: {
  policy: Policy;
  value: Classification;
  onChange(patch: Partial<Classification>): void;
  error(field: keyof Classification): string | undefined;
  /** Extra words under a field (edit: what the ticket says now). */
  hint?(field: keyof Classification): string | undefined;
  categoryHint?: string;
}) {
  const withHint = (field: keyof Classification, base?: string) => [base, hint?.(field)].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <div className="row">
        <Field label="Category" hint={withHint('category', categoryHint)} error={error('category')}>
          <select value={value.category} onChange={(e) => onChange({ category: e.target.value })}>
            {policy.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Service" hint={withHint('service', 'e.g. VPN, Email, Printing')} error={error('service')}>
          <input type="text" value={value.service} onChange={(e) => onChange({ service: e.target.value })} />
        </Field>
      </div>
      <div className="row">
        <Field label="Impact" hint={withHint('impact')} error={error('impact')}>
          <select value={value.impact} onChange={(e) => onChange({ impact: e.target.value as Impact })}>
            {IMPACTS.map((i) => (
              <option key={i} value={i}>
                {LEVEL_LABEL[i]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Urgency" hint={withHint('urgency')} error={error('urgency')}>
          <select value={value.urgency} onChange={(e) => onChange({ urgency: e.target.value as Urgency })}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {LEVEL_LABEL[u]}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}
