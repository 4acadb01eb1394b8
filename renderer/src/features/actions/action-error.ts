import type { FieldError } from '../../../../shared/errors';
import { MutationInputError, MutationRefusedError, StorageError } from '../../sync/mutate';

/** What a dialog shows when an action did not go through: errors per field, and one sentence for the whole. */
export type ActionProblem = { fields: FieldError[]; message: string; code?: string };

/**
 * Input errors and the shared rules' refusals name a field (possibly under
 * the mutation's args, e.g. "handoffNote.steps[0].action"); `under` strips
 * that prefix so the dialog can put the message beside its control.
 */
export function describeActionError(error: unknown, under = ''): ActionProblem {
  const strip = (field: string) => (under && field.startsWith(`${under}.`) ? field.slice(under.length + 1) : field === under ? '' : field);
  if (error instanceof MutationInputError) {
    return { fields: error.fields.map((f) => ({ field: strip(f.field), message: f.message })), message: 'Some fields need fixing; nothing was saved yet and your text is kept.' };
  }
  if (error instanceof MutationRefusedError) {
    return { fields: error.field ? [{ field: strip(error.field), message: error.message }] : [], message: error.message, code: error.code };
  }
  if (error instanceof StorageError) return { fields: [], message: error.message };
  return { fields: [], message: error instanceof Error ? error.message : String(error) };
}

export function fieldError(problems: readonly FieldError[], field: string): string | undefined {
  return problems.find((p) => p.field === field)?.message;
}
