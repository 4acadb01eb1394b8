import { z } from 'zod';
import { AlertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/alerts/alert-settings';
import { DEFAULT_DESKTOP_SETTINGS, DesktopSettingsSchema, type DesktopSettings } from '../../shared/ipc/desktop-settings';
import { createWriteQueue, readJsonFile } from './json-file';

/** The agent's shell and alert preferences, one JSON file in userData. */
const SettingsFileSchema = z
  .object({ version: z.literal(1), alerts: AlertSettingsSchema, desktop: DesktopSettingsSchema })
  .strict();
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export type SettingsLog = { warn(message: string): void; error(message: string, error?: unknown): void };

export class SettingsStore {
  private constructor(
    private value: SettingsFile,
    private readonly write: (value: unknown) => Promise<void>,
  ) {}

  static async open(file: string, log: SettingsLog): Promise<SettingsStore> {
    const read = await readJsonFile(file, SettingsFileSchema);
    if (read.state === 'corrupt') log.warn(`settings file was unreadable; kept it as ${file}.corrupt and went back to defaults`);
    const value = read.value ?? { version: 1, alerts: DEFAULT_ALERT_SETTINGS, desktop: DEFAULT_DESKTOP_SETTINGS };
    return new SettingsStore(value, createWriteQueue(file, (e) => log.error('could not save settings', e)));
  }

  get alerts(): AlertSettings {
    return this.value.alerts;
  }

  get desktop(): DesktopSettings {
    return this.value.desktop;
  }

  setAlerts(alerts: AlertSettings): Promise<void> {
    this.value = { ...this.value, alerts };
    return this.write(this.value);
  }

  setDesktop(desktop: DesktopSettings): Promise<void> {
    this.value = { ...this.value, desktop };
    return this.write(this.value);
  }
}
