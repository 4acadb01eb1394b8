import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../shared/alerts/alert-settings';
import { SettingsStore } from './settings-store';

let dir: string;
let file: string;
const log = { warn: vi.fn(), error: vi.fn() };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tierdesk-settings-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('SettingsStore', () => {
  test('starts from defaults: close to tray, no launch at login, 75/90/100 alerts', async () => {
    const store = await SettingsStore.open(file, log);
    expect(store.desktop).toEqual({ closeToTray: true, launchAtLogin: false });
    expect(store.alerts.thresholds).toEqual([75, 90, 100]);
  });

  test('keeps changes across restarts', async () => {
    const store = await SettingsStore.open(file, log);
    await store.setDesktop({ closeToTray: false, launchAtLogin: true });
    await store.setAlerts({ ...DEFAULT_ALERT_SETTINGS, quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' } });
    const reopened = await SettingsStore.open(file, log);
    expect(reopened.desktop).toEqual({ closeToTray: false, launchAtLogin: true });
    expect(reopened.alerts.quietHours).toEqual({ from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' });
  });

  test('a corrupt file falls back to defaults and is kept aside', async () => {
    await writeFile(file, '{"version":1,"alerts":');
    const store = await SettingsStore.open(file, log);
    expect(store.desktop.closeToTray).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('settings.json.corrupt'));
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('{"version":1,"alerts":');
  });
});
