import type { TierdeskDb } from '../../db/db';
import { exportOutbox } from '../../sync/needs-attention';
import { fileStamp, saveFile } from '../../ui/save-file';

/** Saves everything not yet on the server (pending and refused) as a JSON download; returns the file name. */
export async function saveOutboxFile(db: TierdeskDb): Promise<string> {
  return saveFile(await exportOutbox(db), 'application/json', `tierdesk-outbox-${fileStamp()}.json`);
}
