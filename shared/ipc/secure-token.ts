import { z } from 'zod';
import { EpochMsSchema } from '../time/duration';

/**
 * Answers of the desktop token store. The token is kept only where the OS
 * can encrypt it (Keychain, DPAPI, libsecret/kwallet). On Linux with only
 * Chromium's `basic_text` backend, "encryption" would be a fixed key, so
 * the token is not stored at all and the renderer tells the agent why;
 * the web build answers `not_desktop` and keeps its own sealed copy.
 */
export const TOKEN_UNAVAILABLE_REASONS = ['basic_text', 'encryption_unavailable', 'not_desktop'] as const;
export const TokenUnavailableReasonSchema = z.enum(TOKEN_UNAVAILABLE_REASONS);
export type TokenUnavailableReason = z.infer<typeof TokenUnavailableReasonSchema>;

const Unavailable = z.object({ status: z.literal('unavailable'), reason: TokenUnavailableReasonSchema }).strict();

export const StoredTokenAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), token: z.string().min(1), expiresAt: EpochMsSchema }).strict(),
  z.object({ status: z.literal('none') }).strict(),
  Unavailable,
]);
export type StoredTokenAnswer = z.infer<typeof StoredTokenAnswerSchema>;

export const TokenStoreRequestSchema = z
  .object({ token: z.string().min(1).max(4096), expiresAt: EpochMsSchema })
  .strict();
export type TokenStoreRequest = z.infer<typeof TokenStoreRequestSchema>;

export const TokenStoreAnswerSchema = z.discriminatedUnion('status', [z.object({ status: z.literal('stored') }).strict(), Unavailable]);
export type TokenStoreAnswer = z.infer<typeof TokenStoreAnswerSchema>;
