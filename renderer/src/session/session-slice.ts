import type { StateCreator } from 'zustand';
import type { Agent } from '../../../shared/model/agent';
import type { AppState } from '../app/store';

export type SessionPhase = 'loading' | 'signed_out' | 'signed_in';

export type SessionSlice = {
  phase: SessionPhase;
  agent: Agent | null;
  apiBaseUrl: string | null;
  /** In memory only; at rest it is sealed (see token-vault.ts). */
  token: string | null;
  signedIn(agent: Agent, apiBaseUrl: string, token: string | null): void;
  signedOut(): void;
  tokenRejected(): void;
};

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  phase: 'loading',
  agent: null,
  apiBaseUrl: null,
  token: null,
  signedIn: (agent, apiBaseUrl, token) => set({ phase: 'signed_in', agent, apiBaseUrl, token }),
  signedOut: () => set({ phase: 'signed_out', agent: null, token: null }),
  tokenRejected: () => set({ token: null }),
});
