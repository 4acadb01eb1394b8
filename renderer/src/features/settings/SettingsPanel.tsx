import { useState } from 'react';
import { useAppStore } from '../../app/store';
import type { PersistenceAnswer } from '../../sync/storage-persistence';
import { Modal } from '../../ui/Modal';
import { ExportOutboxButton } from '../sync-status/ExportOutboxButton';
import { applyTheme, storedTheme, THEMES, type Theme } from './theme';

const PERSISTENCE: Record<PersistenceAnswer, string> = {
  persisted: 'Persistent: the browser will not clear Tierdesk\u2019s data to free space.',
  not_persisted: 'Not persistent: under storage pressure the browser may clear local data. Sync often, and export unsynced work before freeing disk space.',
  unsupported: 'This browser cannot promise persistent storage. Sync often.',
};

const THEME_LABEL: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** Settings: the storage answer from navigator.storage.persist(), the theme, and exporting unsynced work. */
export function SettingsPanel({ onClose }: { onClose(): void }) {
  const persistence = useAppStore((s) => s.storagePersistence);
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <Modal title="Settings" onClose={onClose}>
      <section aria-labelledby="storage-heading">
        <h3 id="storage-heading">Local storage</h3>
        <p data-persistence={persistence ?? 'asking'}>{persistence ? PERSISTENCE[persistence] : 'Asking the browser…'}</p>
        <ExportOutboxButton />
      </section>
      <fieldset className="inline">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t}>
            <input
              type="radio"
              name="theme"
              checked={theme === t}
              onChange={() => {
                setTheme(t);
                applyTheme(t);
              }}
            />{' '}
            {THEME_LABEL[t]}
          </label>
        ))}
      </fieldset>
      <p className="subtitle">Dates and times follow this computer's language and time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}).</p>
    </Modal>
  );
}
