import { z } from 'zod';
import { parseWith } from '../errors';
import { RoleSchema, TierSchema } from './levels';

export const AgentSchema = z
  .object({
    id: z.string().min(1).max(64),
    email: z.email(),
    name: z.string().min(1).max(120),
    role: RoleSchema,
    /** Functional tier the agent works in; null for management and admins. */
    tier: TierSchema.nullable(),
    groups: z.array(z.string().min(1)).max(100),
  })
  .strict();
export type Agent = z.infer<typeof AgentSchema>;
export const parseAgent = (input: unknown): Agent => parseWith(AgentSchema, input, 'agent');

export const GroupSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(120),
    tier: TierSchema,
    /** Categories this group handles. */
    categories: z.array(z.string().min(1)),
  })
  .strict();
export type Group = z.infer<typeof GroupSchema>;
export const parseGroup = (input: unknown): Group => parseWith(GroupSchema, input, 'group');
