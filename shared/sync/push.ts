import { z } from 'zod';
import { parseFromServer, parseWith, PROTOCOL_VERSION } from '../errors';
import { isMutationName, MutationArgs, type Mutation } from '../mutations/mutations';
import { EpochMsSchema } from '../time/duration';
import { ClientIdSchema } from './pull';

export const PUSH_MAX_MUTATIONS = 500;
/**
 * JSON bytes of mutations a client puts in one push request. The server's
 * body limit (BODY_LIMIT_BYTES, 1 MiB) leaves room for the envelope; one
 * mutation, whatever its text, stays far below this.
 */
export const PUSH_MAX_BYTES = 512 * 1024;

export const PushMutationSchema = z
  .object({
    /** Per-client, strictly increasing from 1. */
    id: z.number().int().positive(),
    name: z.string(),
    args: z.unknown(),
    /** When the agent did it (client clock corrected by the measured server offset). */
    clientTime: EpochMsSchema,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!isMutationName(m.name)) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: `"${m.name}" is not a mutation` });
      return;
    }
    const parsed = MutationArgs[m.name].safeParse(m.args);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['args', ...issue.path] } as never);
    }
  });
export type PushMutation = z.infer<typeof PushMutationSchema>;

export const PushRequestSchema = z
  .object({
    version: z.literal(PROTOCOL_VERSION),
    clientId: ClientIdSchema,
    mutations: z.array(PushMutationSchema).min(1).max(PUSH_MAX_MUTATIONS),
  })
  .strict()
  .superRefine((req, ctx) => {
    req.mutations.forEach((m, i) => {
      const prev = req.mutations[i - 1];
      if (prev && m.id !== prev.id + 1) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'id'], message: `ids must be consecutive (${prev.id} then ${m.id})` });
      }
    });
  });
export type PushRequest = z.infer<typeof PushRequestSchema>;
export const parsePushRequest = (input: unknown): PushRequest => parseWith(PushRequestSchema, input, 'push');

/** The parsed mutation of a validated push entry. */
export function toMutation(m: PushMutation): Mutation {
  if (!isMutationName(m.name)) throw new Error(`unknown mutation ${m.name}`);
  return { name: m.name, args: MutationArgs[m.name].parse(m.args) } as Mutation;
}

export const PushResultSchema = z
  .object({
    id: z.number().int().positive(),
    status: z.enum(['applied', 'refused', 'duplicate']),
    code: z.string().optional(),
    field: z.string().nullable().optional(),
    reason: z.string().optional(),
  })
  .strict();
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z
  .object({
    version: z.literal(PROTOCOL_VERSION),
    lastMutationId: z.number().int().min(0),
    serverTime: EpochMsSchema,
    results: z.array(PushResultSchema),
  })
  .strict();
export type PushResponse = z.infer<typeof PushResponseSchema>;
export const parsePushResponse = (input: unknown): PushResponse => parseFromServer(PushResponseSchema, input, 'push response');
