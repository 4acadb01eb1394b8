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

/**
 * Parses what a server sent, ignoring fields this version does not know
 * (anywhere in the record): a newer server may add a field to tickets or to
 * the page, and an older client must keep syncing. The record schemas stay
 * strict for everything else (a missing field or a wrong type is still
 * refused), and the server keeps refusing unknown fields in requests.
 */
export function parseIgnoringNewFields<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  let result = schema.safeParse(input);
  let current = input;
  // A stripped object can reveal no new unknown keys, but a nested union may only report its own after the outer ones go.
  for (let round = 0; round < 4 && !result.success; round++) {
    const unknown = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    if (!unknown.length || unknown.length !== result.error.issues.length) break;
    // Input that came from JSON: a JSON round trip copies it, so the caller's object is left as it was.
    if (current === input) current = JSON.parse(JSON.stringify(input)) as unknown;
    for (const issue of unknown) {
      const target = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], current) as Record<string, unknown> | undefined;
      for (const key of issue.keys) if (target) delete target[key];
    }
    result = schema.safeParse(current);
  }
  return result;
}

/** The sync protocol version this app speaks (the `version` of pull and push). */
export const PROTOCOL_VERSION = 1;

/**
 * What a server answered, read as parseWith reads, but ignoring fields this
 * version does not know (parseIgnoringNewFields). An answer in a newer
 * protocol version (fields removed or changed) says plainly to update.
 */
export function parseFromServer<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const version = (input as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > PROTOCOL_VERSION) {
    throw new ValidationError(what, [{ field: 'version', message: `the server speaks sync protocol ${version} and this Tierdesk speaks ${PROTOCOL_VERSION}: update Tierdesk to sync` }]);
  }
  const result = parseIgnoringNewFields(schema, input);
  if (!result.success) throw new ValidationError(what, zodFieldErrors(result.error));
  return result.data;
}
