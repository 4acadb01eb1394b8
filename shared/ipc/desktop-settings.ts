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
  /** Login items on macOS and Windows, an XDG autostart entry on Linux; not in a browser. */
  launchAtLoginSupported: z.boolean(),
  /** Why the last change to launch at login did not take (the setting then stays as it was). */
  launchAtLoginProblem: z.string().max(500).optional(),
}).strict();
export type DesktopSettingsAnswer = z.infer<typeof DesktopSettingsAnswerSchema>;
