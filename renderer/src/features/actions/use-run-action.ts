import { useCallback } from 'react';
import type { ArgsInput, MutationName } from '../../../../shared/mutations/mutations';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import { discardRefused } from '../../sync/needs-attention';
import { describeActionError, type ActionProblem } from './action-error';
import { useActions } from './actions-context';

export type RunOptions = {
  /** What the agent did, for the pending → synced line ("Escalated INC-000123 to L2"). */
  label: string;
  /** The refused action this one replaces (edit from Needs attention): removed once the new one is queued. */
  refusedId?: number | undefined;
  /** The args field the dialog's own fields sit under ("handoffNote"). */
  under?: string;
};

/** Records an action through the sync engine; resolves to null when it is queued, or to what to show when it is not. */
export function useRunAction() {
  const { mutate } = useActions();
  const db = useDb();
  return useCallback(
    async <N extends MutationName>(name: N, args: ArgsInput<N>, options: RunOptions): Promise<ActionProblem | null> => {
      try {
        const result = await mutate(name, args);
        // The new action is safely queued before the refused one goes: a crash in between shows it twice, never zero times.
        if (options.refusedId !== undefined) await discardRefused(db, options.refusedId);
        useAppStore.getState().actionRecorded({ mutationId: result.mutationId, ticketId: result.ticketId, label: options.label, at: Date.now() });
        return null;
      } catch (error) {
        return describeActionError(error, options.under);
      }
    },
    [mutate, db],
  );
}
