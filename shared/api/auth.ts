import { z } from 'zod';
import { parseFromServer } from '../errors';
import { AgentSchema } from '../model/agent';
import { EpochMsSchema } from '../time/duration';

export const LoginRequestSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z
  .object({
    token: z.string().min(20),
    expiresAt: EpochMsSchema,
    agent: AgentSchema,
    serverTime: EpochMsSchema,
  })
  .strict();
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export const parseLoginResponse = (input: unknown): LoginResponse => parseFromServer(LoginResponseSchema, input, 'login response');
