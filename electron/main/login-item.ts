import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Launch at login. macOS and Windows have Electron's login items; Linux
 * desktops (GNOME, KDE, Xfce, …) start what has a file in the XDG autostart
 * folder, `$XDG_CONFIG_HOME/autostart` (default `~/.config/autostart`), so
 * there Tierdesk writes and removes its own `tierdesk.desktop`. Either way
 * the app starts with --hidden and stays in the tray.
 */
export const HIDDEN_ARG = '--hidden';
export const AUTOSTART_FILE = 'tierdesk.desktop';
/** Marks the entries Tierdesk wrote: one the agent made (their desktop's startup settings copy the app's own .desktop file) is never removed. */
const MANAGED = 'X-Tierdesk-Managed=true';

export type LoginItems = {
  readonly supported: boolean;
  /** Turns launch at login on or off; rejects if the system would not take it. */
  apply(enabled: boolean): Promise<void>;
};

/** Started by the OS at login: stay in the tray rather than putting a window in the agent's face. */
export function startedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}

export type LoginItemApp = {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
};

/** macOS and Windows: Electron's login items. */
export function electronLoginItems(app: LoginItemApp): LoginItems {
  return {
    supported: true,
    apply: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] }),
  };
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of a desktop entry's Exec key: quoted when it holds a
 * reserved character, with ", `, $ and \ escaped inside the quotes, % doubled
 * (field codes), and then the string-value escape applied to the backslashes
 * (the spec's "four backslashes for one").
 */
export function execArgument(arg: string): string {
  const fieldSafe = arg.replace(/%/g, '%%');
  const quoted = RESERVED.test(fieldSafe) ? `"${fieldSafe.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : fieldSafe;
  return quoted.replace(/\\/g, '\\\\');
}

export function autostartEntry(command: readonly string[]): string {
  if (command.some((arg) => /[\r\n]/.test(arg))) throw new Error('a launch command cannot contain a line break');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Tierdesk',
    'Comment=Service desk queues, SLA countdowns and tray alerts',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    MANAGED,
    '',
  ].join('\n');
}

/**
 * Linux: an XDG autostart entry that runs `command` (the AppImage, or the
 * installed executable) with --hidden. Written to a temporary file and
 * renamed, so a crash never leaves half an entry; turning it off removes it,
 * but only if Tierdesk wrote it (else it says whose it is and leaves it).
 */
export function xdgAutostart(autostartDir: string, command: readonly string[]): LoginItems {
  const file = path.join(autostartDir, AUTOSTART_FILE);
  return {
    supported: true,
    async apply(enabled) {
      if (!enabled) {
        const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
        if (existing === null) return;
        if (!existing.split(/\r?\n/).includes(MANAGED)) {
          throw new Error(`${file} was not written by Tierdesk (your desktop's startup settings made it); remove Tierdesk there`);
        }
        await unlink(file);
        return;
      }
      await mkdir(autostartDir, { recursive: true });
      const temp = path.join(autostartDir, `.${AUTOSTART_FILE}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temp, 'w', 0o644);
      try {
        await handle.writeFile(autostartEntry([...command, HIDDEN_ARG]), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file).catch(async (error: unknown) => {
        await unlink(temp).catch(() => undefined);
        throw error;
      });
    },
  };
}

const unsupported: LoginItems = { supported: false, apply: async () => undefined };

export type LaunchCommand = {
  /** process.execPath */
  execPath: string;
  /** process.env.APPIMAGE: the AppImage file (execPath is then inside a mount that changes every run). */
  appImage: string | undefined;
  isPackaged: boolean;
  /** app.getAppPath(): development runs start electron on the app folder. */
  appPath: string;
};

/** The command that starts this app again, as the login session will run it. */
export function launchCommand(launch: LaunchCommand): string[] {
  if (launch.appImage) return [launch.appImage];
  return launch.isPackaged ? [launch.execPath] : [launch.execPath, launch.appPath];
}

/** Launch at login for this platform: login items, XDG autostart, or not supported. */
export function loginItemsFor(
  platform: NodeJS.Platform,
  app: LoginItemApp,
  linux: { env: NodeJS.ProcessEnv; homeDir: string; launch: LaunchCommand },
): LoginItems {
  if (platform === 'darwin' || platform === 'win32') return electronLoginItems(app);
  if (platform === 'linux') {
    const configHome = linux.env.XDG_CONFIG_HOME && path.isAbsolute(linux.env.XDG_CONFIG_HOME) ? linux.env.XDG_CONFIG_HOME : path.join(linux.homeDir, '.config');
    return xdgAutostart(path.join(configHome, 'autostart'), launchCommand(linux.launch));
  }
  return unsupported;
}
