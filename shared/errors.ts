import type { z } from 'zod';

/** One problem with one input field; `field` is a path such as `tiers[2].acceptWithin`. */
export type FieldError = { field: string; message: string };

/** Thrown when input (policy file, API body, IPC payload, stored record) fails validation. */
export class ValidationError extends Error {
  readonly fields: readonly FieldError[];

  constructor(what: string, fields: readonly FieldError[]) {
    const first = fields[0];
    super(first ? `${what}: ${first.field || '(root)'}: ${first.message}` : `${what} is invalid`);
    this.name = 'ValidationError';
    this.fields = fields;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message }));
}

/** Parses `input` with `schema` or throws a ValidationError naming every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(what, zodFieldErrors(result.error));
  return result.data;
}
