import { useAppStore } from '../app/store';
import { TOKEN_NOTICE } from './desktop-token';

/** Tells the agent why they sign in every session on this computer (see desktop-token.ts). */
export function TokenNotice() {
  const reason = useAppStore((s) => s.tokenNotice);
  if (!reason) return null;
  return (
    <p className="notice token-notice" role="note">
      {TOKEN_NOTICE[reason]}
    </p>
  );
}
