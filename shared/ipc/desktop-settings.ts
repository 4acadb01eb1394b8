import { z } from 'zod';

/** Shell preferences the agent can change from the renderer. */
export const DesktopSettingsSchema = z
  .object({
    /** Closing the window keeps Tierdesk in the tray so alerts keep coming (default on). */
    closeToTray: z.boolean(),
    launchAtLogin: z.boolean(),
  })
  .strict();
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { closeToTray: true, launchAtLogin: false };

export const DesktopSettingsPatchSchema = DesktopSettingsSchema.partial().strict();
export type DesktopSettingsPatch = z.infer<typeof DesktopSettingsPatchSchema>;

export const DesktopSettingsAnswerSchema = DesktopSettingsSchema.extend({
  /** Launch at login is a macOS and Windows feature in Electron; Linux desktops use autostart files. */
  launchAtLoginSupported: z.boolean(),
}).strict();
export type DesktopSettingsAnswer = z.infer<typeof DesktopSettingsAnswerSchema>;
