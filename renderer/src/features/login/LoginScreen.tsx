import { useState, type FormEvent } from 'react';
import { TokenNotice } from '../../session/TokenNotice';
import { ApiRequestError, OfflineError } from '../../sync/api-client';

type Props = {
  defaultApiBaseUrl: string;
  defaultEmail?: string;
  onSubmit(apiBaseUrl: string, email: string, password: string): Promise<void>;
};

function messageFor(error: unknown): string {
  if (error instanceof OfflineError) return 'The ticket server cannot be reached. Check the server address and your connection.';
  if (error instanceof ApiRequestError) {
    if (error.code === 'invalid_credentials') return 'Email or password is wrong.';
    return error.field ? `${error.field}: ${error.message}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function LoginScreen({ defaultApiBaseUrl, defaultEmail = '', onSubmit }: Props) {
  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState('');
  const [server, setServer] = useState(defaultApiBaseUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(server.trim(), email.trim(), password);
    } catch (e) {
      setError(messageFor(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-form" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to Tierdesk</h1>
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <details>
          <summary>Server</summary>
          <label>
            Ticket server address
            <input type="url" required value={server} onChange={(e) => setServer(e.target.value)} />
          </label>
        </details>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <TokenNotice />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
