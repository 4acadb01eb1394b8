import { z } from 'zod';
import { parseWith } from '../errors';
import { PrioritySchema } from '../model/levels';
import type { TimelineEvent } from '../model/stored-event';

/**
 * The structured note required on every tier transition. The schema checks
 * shape only (so a half-written note is still stored and never lost);
 * whether it is good enough to hand over is validateHandoff's job, which
 * answers per field.
 */
export const HandoffStepSchema = z
  .object({
    /** What was tried. */
    action: z.string().max(2000),
    /** What happened when it was tried. */
    outcome: z.string().max(2000),
  })
  .strict();
export type HandoffStep = z.infer<typeof HandoffStepSchema>;

export const HandoffNoteSchema = z
  .object({
    steps: z.array(HandoffStepSchema).max(50),
    businessImpact: z.string().max(4000),
    /** The workaround applied, or an explicit "none". */
    workaround: z.string().max(4000),
    /** People involved so far (names, teams, vendor contacts). */
    involved: z.array(z.string().max(200)).max(50),
    nextTierNeeds: z.string().max(4000),
    /** KB article ids checked before escalating (required L1 → L2 by default). */
    kbArticlesChecked: z.array(z.string().max(64)).max(50),
    /** Category and priority as the writer confirmed them; they must still be the ticket's when the note is handed over. */
    category: z.string().min(1).max(64),
    priority: PrioritySchema,
  })
  .strict();
export type HandoffNote = z.infer<typeof HandoffNoteSchema>;

export const parseHandoffNote = (input: unknown): HandoffNote => parseWith(HandoffNoteSchema, input, 'handoff note');

/** The log entry that carries a handoff note (who wrote it, from which tier to which). */
export type HandoffNoteEvent = Extract<TimelineEvent, { type: 'handoff_note' }>;

/** The latest handoff note of a ticket's log, given in log order (the one that moved it to where it is now), or undefined. */
export function latestHandoff(log: readonly { event: TimelineEvent }[]): HandoffNoteEvent | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!.event;
    if (e.type === 'handoff_note') return e;
  }
  return undefined;
}
