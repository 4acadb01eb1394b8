import type { StateCreator } from 'zustand';
import type { Agent } from '../../../shared/model/agent';
import type { AppState } from '../app/store';
import type { DesktopTokenReason } from './desktop-token';

export type SessionPhase = 'loading' | 'signed_out' | 'signed_in';

export type SessionSlice = {
  phase: SessionPhase;
  agent: Agent | null;
  apiBaseUrl: string | null;
  /** In memory only; at rest it is in the OS keychain (desktop-token.ts) or sealed (token-vault.ts). */
  token: string | null;
  /** Why the desktop cannot remember the sign-in on this computer (Linux without a keyring); null when it can. */
  tokenNotice: DesktopTokenReason | null;
  setTokenNotice(reason: DesktopTokenReason | null): void;
  signedIn(agent: Agent, apiBaseUrl: string, token: string | null): void;
  signedOut(): void;
  tokenRejected(): void;
};

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  phase: 'loading',
  agent: null,
  apiBaseUrl: null,
  token: null,
  tokenNotice: null,
  setTokenNotice: (tokenNotice) => set({ tokenNotice }),
  signedIn: (agent, apiBaseUrl, token) => set({ phase: 'signed_in', agent, apiBaseUrl, token }),
  signedOut: () => set({ phase: 'signed_out', agent: null, token: null }),
  tokenRejected: () => set({ token: null }),
});
