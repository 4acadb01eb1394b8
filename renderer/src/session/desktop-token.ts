import type { TierdeskBridge } from '../../../shared/ipc/contract';
import type { TokenUnavailableReason } from '../../../shared/ipc/secure-token';

/**
 * Where the bearer token is kept at rest. In the desktop app: the OS
 * keychain through the bridge (main's safeStorage). In a browser the bridge
 * answers `not_desktop` and the session row keeps a WebCrypto-sealed copy
 * (token-vault.ts). When the desktop cannot encrypt (Linux `basic_text`),
 * nothing is kept: the agent signs in each session and is told why.
 */
export type DesktopTokenReason = Exclude<TokenUnavailableReason, 'not_desktop'>;

export type KeepResult = { kept: 'desktop' } | { kept: 'browser' } | { kept: 'nowhere'; reason: DesktopTokenReason };

export async function keepToken(bridge: TierdeskBridge, token: string, expiresAt: number): Promise<KeepResult> {
  const answer = await bridge.storeToken({ token, expiresAt });
  if (answer.status === 'stored') return { kept: 'desktop' };
  return answer.reason === 'not_desktop' ? { kept: 'browser' } : { kept: 'nowhere', reason: answer.reason };
}

export type LoadResult = { token: string | null; reason: DesktopTokenReason | null; browser: boolean };

export async function loadDesktopToken(bridge: TierdeskBridge): Promise<LoadResult> {
  const answer = await bridge.getStoredToken();
  switch (answer.status) {
    case 'found':
      return { token: answer.token, reason: null, browser: false };
    case 'none':
      return { token: null, reason: null, browser: false };
    case 'unavailable':
      return answer.reason === 'not_desktop' ? { token: null, reason: null, browser: true } : { token: null, reason: answer.reason, browser: false };
  }
}

export const TOKEN_NOTICE: Record<DesktopTokenReason, string> = {
  basic_text:
    'Tierdesk cannot keep you signed in on this computer: no system keyring (GNOME Keyring, KWallet) is available, and your sign-in is never stored unencrypted. You will sign in each time Tierdesk starts.',
  encryption_unavailable:
    "Tierdesk cannot keep you signed in on this computer: the operating system's secure storage is not available. You will sign in each time Tierdesk starts.",
};
