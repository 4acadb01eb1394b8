/**
 * Launch at login through Electron's login items, which exist on macOS and
 * Windows only; Linux desktops use XDG autostart files that the packages
 * do not manage, so the setting is reported as unsupported there.
 */
export const HIDDEN_ARG = '--hidden';

export function loginItemSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/** Started by the OS at login: stay in the tray rather than putting a window in the agent's face. */
export function startedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}

export type LoginItemApp = {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
};

export function applyLaunchAtLogin(app: LoginItemApp, platform: NodeJS.Platform, enabled: boolean): boolean {
  if (!loginItemSupported(platform)) return false;
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
  return true;
}
