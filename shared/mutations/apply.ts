import type { ApplyContext, ApplyOutcome, TicketAggregate } from './context';
import type { Mutation } from './mutations';
import { updateFields } from './ops/edit';
import { addWorkNote, markKbArticle } from './ops/notes';
import { acceptTicket, assignTicket } from './ops/ownership';
import { pauseClock, resumeClock } from './ops/clocks';
import { reopen, resolve } from './ops/resolve';
import { createKbArticle } from './ops/kb';
import { createTicket } from './ops/create';
import { escalateFunctional } from './ops/escalate-functional';
import { escalateHierarchical } from './ops/escalate-hierarchical';
import { decideTierSkip, requestTierSkip } from './ops/tier-skip';

/**
 * The one implementation of every mutation: the client applies it
 * optimistically (and again on every rebase), the server authoritatively
 * before commit. Pure: all it knows comes from the aggregate and the context.
 * `agg` is the ticket the mutation names (null if unknown or for KB writes).
 */
export function applyMutation(agg: TicketAggregate | null, mutation: Mutation, ctx: ApplyContext): ApplyOutcome {
  switch (mutation.name) {
    case 'createTicket':
      return createTicket(agg, mutation.args, ctx);
    case 'updateFields':
      return updateFields(agg, mutation.args, ctx);
    case 'addWorkNote':
      return addWorkNote(agg, mutation.args, ctx);
    case 'acceptTicket':
      return acceptTicket(agg, mutation.args, ctx);
    case 'assignTicket':
      return assignTicket(agg, mutation.args, ctx);
    case 'escalateFunctional':
      return escalateFunctional(agg, mutation.args, ctx);
    case 'requestTierSkip':
      return requestTierSkip(agg, mutation.args, ctx);
    case 'decideTierSkip':
      return decideTierSkip(agg, mutation.args, ctx);
    case 'escalateHierarchical':
      return escalateHierarchical(agg, mutation.args, ctx);
    case 'pauseClock':
      return pauseClock(agg, mutation.args, ctx);
    case 'resumeClock':
      return resumeClock(agg, mutation.args, ctx);
    case 'resolve':
      return resolve(agg, mutation.args, ctx);
    case 'reopen':
      return reopen(agg, mutation.args, ctx);
    case 'createKbArticle':
      return createKbArticle(mutation.args, ctx);
    case 'markKbArticle':
      return markKbArticle(agg, mutation.args, ctx);
  }
}
