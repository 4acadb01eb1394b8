import { useState } from 'react';
import { useDb } from '../../app/db-context';
import { saveOutboxFile } from './export-outbox-file';

/** Saves everything not yet on the server as a JSON file the agent can keep or hand to support. */
export function ExportOutboxButton() {
  const db = useDb();
  const [done, setDone] = useState<string | null>(null);
  return (
    <span className="export">
      <button type="button" onClick={() => void saveOutboxFile(db).then((name) => setDone(`Saved ${name}`))}>
        Export unsynced work (JSON)
      </button>
      {done && (
        <span className="subtitle" role="status">
          {done}
        </span>
      )}
    </span>
  );
}
