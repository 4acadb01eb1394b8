import { createContext, useContext, type ReactNode } from 'react';
import type { Agent } from '../../../../shared/model/agent';
import type { ArgsInput, MutationName } from '../../../../shared/mutations/mutations';
import type { MutateResult } from '../../sync/mutate';

/**
 * How features record a user action: the SyncEngine's mutate in the app
 * (validates, applies the shared rules locally, writes the outbox, schedules
 * a push), the plain local mutate in tests.
 */
export type Actions = {
  agent: Agent;
  mutate<N extends MutationName>(name: N, args: ArgsInput<N>): Promise<MutateResult>;
};

const ActionsContext = createContext<Actions | null>(null);

export function ActionsProvider({ actions, children }: { actions: Actions; children: ReactNode }) {
  return <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
}

export function useActions(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside ActionsProvider');
  return actions;
}
