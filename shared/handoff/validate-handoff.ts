import type { FieldError } from '../errors';
import type { Priority, Tier } from '../model/levels';
import type { Policy } from '../policy/schema';
import type { HandoffNote } from './handoff-note';
import { isExplicitNone, junkReason, normalizeText, similarity } from './junk-text';

/** What a handoff is checked against: the ticket as it is now (a Ticket will do) and the tier move. */
export type HandoffContext = {
  ticket: { category: string; priority: Priority };
  fromTier: Tier;
  toTier: Tier;
};

const STEP_ACTION_WORDS = 2;

function noteText(note: HandoffNote): string {
  return [
    ...note.steps.flatMap((s) => [s.action, s.outcome]),
    note.businessImpact,
    note.workaround,
    ...note.involved,
    note.nextTierNeeds,
  ].join(' \n ');
}

/**
 * The handoff note rules, the same in the dialog, the client's optimistic
 * apply and the server. Returns every problem (empty when the note is good),
 * each naming its field (`steps[1].outcome`, '' for the note as a whole)
 * and saying why, so the agent fixes exactly that and keeps what they typed.
 */
export function validateHandoff(note: HandoffNote, context: HandoffContext, policy: Policy, previousNote?: HandoffNote | null): FieldError[] {
  const { ticket, fromTier, toTier } = context;
  const errors: FieldError[] = [];
  const minWords = policy.handoff.minWords;
  const check = (field: string, text: string, words: number, what: string) => {
    const reason = junkReason(text, words);
    if (reason) errors.push({ field, message: `${what} ${reason}` });
  };

  if (note.steps.length === 0) errors.push({ field: 'steps', message: 'list at least one step you tried, with its outcome' });
  const seen = new Map<string, number>();
  note.steps.forEach((step, i) => {
    check(`steps[${i}].action`, step.action, STEP_ACTION_WORDS, 'What was tried');
    check(`steps[${i}].outcome`, step.outcome, 1, 'The outcome');
    const key = normalizeText(step.action);
    const first = seen.get(key);
    if (key && first !== undefined) errors.push({ field: `steps[${i}].action`, message: `repeats step ${first + 1}; describe each step once` });
    else seen.set(key, i);
  });
  check('businessImpact', note.businessImpact, minWords, 'The business impact');
  if (!isExplicitNone(note.workaround)) {
    const reason = junkReason(note.workaround, 2);
    if (reason) errors.push({ field: 'workaround', message: `The workaround ${reason}; write "none" if there is no workaround` });
  }
  if (note.involved.length === 0) errors.push({ field: 'involved', message: 'name who has been involved so far (at least yourself)' });
  note.involved.forEach((person, i) => check(`involved[${i}]`, person, 1, 'This entry'));
  check('nextTierNeeds', note.nextTierNeeds, minWords, `What ${toTier} needs`);

  const kbRequired = policy.handoff.kbRequired.some((r) => r.from === fromTier && r.to === toTier);
  if (kbRequired && note.kbArticlesChecked.length === 0) {
    errors.push({ field: 'kbArticlesChecked', message: `list the knowledge articles you checked before escalating ${fromTier} → ${toTier}` });
  }
  note.kbArticlesChecked.forEach((id, i) => {
    if (junkReason(id, 1)) errors.push({ field: `kbArticlesChecked[${i}]`, message: `"${id}" is not an article id` });
  });
  if (note.category !== ticket.category) {
    errors.push({ field: 'category', message: `the ticket's category is now "${ticket.category}"; confirm the note against it` });
  }
  if (note.priority !== ticket.priority) {
    errors.push({ field: 'priority', message: `the ticket's priority is now ${ticket.priority}; confirm the note against it` });
  }

  if (previousNote) {
    const same = similarity(noteText(note), noteText(previousNote));
    if (same >= policy.handoff.copySimilarity) {
      errors.push({
        field: '',
        message: `this note is ${Math.round(same * 100)}% the same as the previous handoff; say what was tried since and what ${toTier} needs now`,
      });
    }
  }
  return errors;
}
