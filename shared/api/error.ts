import { z } from 'zod';

/** Every API error body: a stable code, the field at fault if any, and a sentence for people. */
export const ApiErrorSchema = z.object({
  error: z.string(),
  field: z.string().optional(),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
