import { useCallback, useState } from 'react';
import type { ActionProblem } from './action-error';

/** The problem after fields were edited: their errors go (the agent is fixing them); with no field error left, the whole problem goes. */
export function withoutFields(problem: ActionProblem, fields: readonly string[]): ActionProblem | null {
  const touches = (field: string) => fields.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
  if (!problem.fields.some((p) => touches(p.field))) return problem;
  const left = problem.fields.filter((p) => !touches(p.field));
  return left.length ? { ...problem, fields: left } : null;
}

/**
 * A dialog's last problem (a refusal or invalid input). An error beside a
 * field stays until the agent changes that field, not until the next send:
 * `edited(before, after)` drops the errors of every draft key that changed,
 * plus the argument names it maps to (`aliases`, e.g. a draft's `articleId`
 * is the mutation's `kbArticleId`). A problem not tied to a field (a
 * conflict) stays until the next send.
 */
export function useActionProblem<T extends object>(aliases: Partial<Record<keyof T & string, readonly string[]>> = {}) {
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const edited = useCallback(
    (before: T | undefined, after: T) => {
      if (!before) return;
      const changed = (Object.keys(after) as Array<keyof T & string>).filter((k) => before[k] !== after[k]);
      if (!changed.length) return;
      const fields = changed.flatMap((k) => [k, ...(aliases[k] ?? [])]);
      setProblem((p) => p && withoutFields(p, fields));
    },
    // Aliases are constant per dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return { problem, setProblem, edited };
}
