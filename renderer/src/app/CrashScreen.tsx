import { Component, useState, type ReactNode } from 'react';
import type { TierdeskDb } from '../db/db';
import { saveOutboxFile } from '../features/sync-status/export-outbox-file';

/**
 * What the agent sees instead of a blank window when something goes wrong:
 * what happened, that their work is kept (the outbox and drafts live in
 * IndexedDB, not in the screen), a way on (reload or retry) and, if it keeps
 * happening, their unsynced changes saved to a file to send to support.
 */
function Problem({ title, message, db, details, action }: { title: string; message: string; db: TierdeskDb; details?: string; action: { label: string; run(): void } }) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    try {
      setSaved(`Saved ${await saveOutboxFile(db)}.`);
    } catch (error) {
      setSaved(`Could not read the unsynced changes: ${error instanceof Error ? error.message : String(error)}. They stay on this computer.`);
    }
  };
  return (
    <main className="crash" role="alert" aria-labelledby="crash-heading">
      <h1 id="crash-heading">{title}</h1>
      <p>{message}</p>
      <p>
        Nothing you did is lost: changes not yet on the server and what you were typing are kept on this computer, and go out when Tierdesk runs
        again. If this keeps happening, save your unsynced changes to a file and send it with this message to your administrator.
      </p>
      <p className="crash-actions">
        <button type="button" onClick={action.run}>
          {action.label}
        </button>
        <button type="button" onClick={() => void save()}>
          Save unsynced changes to a file
        </button>
      </p>
      {saved && <p role="status">{saved}</p>}
      {details && (
        <details>
          <summary>Details for support</summary>
          <pre>{details}</pre>
        </details>
      )}
    </main>
  );
}

/** Why local data could not be opened, in words an agent can act on. */
export function describeStartupError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'VersionError' || inner === 'VersionError') {
    return 'The data on this computer was saved by a newer version of Tierdesk. Install that version (or a newer one) to open it; nothing has been changed.';
  }
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'The disk is full, so Tierdesk cannot open its data. Free some space and try again.';
  }
  return `Tierdesk could not open its data on this computer (${message}). Close other Tierdesk windows and try again.`;
}

/** The local database could not be opened at start. */
export function StartupFailure({ error, db, onRetry }: { error: unknown; db: TierdeskDb; onRetry(): void }) {
  return <Problem title="Tierdesk could not start" message={describeStartupError(error)} db={db} details={detailsOf(error)} action={{ label: 'Try again', run: onRetry }} />;
}

const detailsOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error));

type BoundaryState = { error: Error | null };

/** Catches a screen that fails to render (a damaged record, a bug) and shows the Problem screen instead of a blank window. */
export class CrashBoundary extends Component<{ db: TierdeskDb; children: ReactNode; reload?: () => void }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: { componentStack?: string | null }): void {
    console.error('a screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const reload = this.props.reload ?? (() => window.location.reload());
    return (
      <Problem
        title="Tierdesk hit a problem showing this screen"
        message={error.message}
        db={this.props.db}
        details={detailsOf(error)}
        action={{ label: 'Reload', run: reload }}
      />
    );
  }
}
