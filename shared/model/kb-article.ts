import { z } from 'zod';
import { parseWith } from '../errors';
import { EpochMsSchema } from '../time/duration';

/** A knowledge-base article: suggested to L1 before escalating, linked or written when an escalated ticket is resolved. */
export const KbArticleSchema = z
  .object({
    id: z.string().min(1).max(64),
    title: z.string().trim().min(5).max(200),
    body: z.string().trim().min(20).max(50_000),
    category: z.string().min(1).max(64),
    tags: z.array(z.string().min(1).max(40)).max(20),
    /** Ticket whose resolution produced the article, if any. */
    sourceTicketId: z.string().min(1).max(64).nullable(),
    createdBy: z.string().min(1).max(64),
    createdAt: EpochMsSchema,
    updatedAt: EpochMsSchema,
    version: z.number().int().min(1),
  })
  .strict();
export type KbArticle = z.infer<typeof KbArticleSchema>;
export const parseKbArticle = (input: unknown): KbArticle => parseWith(KbArticleSchema, input, 'kb article');
