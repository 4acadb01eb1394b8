import type { TierdeskDb } from '../../db/db';
import { exportOutbox } from '../../sync/needs-attention';

/** Saves everything not yet on the server (pending and refused) as a JSON download; returns the file name. */
export async function saveOutboxFile(db: TierdeskDb): Promise<string> {
  const json = await exportOutbox(db);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const name = `tierdesk-outbox-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoke after the download has started, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
