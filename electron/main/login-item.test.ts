import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AUTOSTART_FILE, autostartEntry, execArgument, launchCommand, loginItemsFor, startedHidden, xdgAutostart } from './login-item';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'tierdesk-home-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const launch = { execPath: '/opt/Tierdesk/tierdesk', appImage: undefined, isPackaged: true, appPath: '/opt/Tierdesk/resources/app.asar' };
const app = () => ({ setLoginItemSettings: vi.fn() });

describe('launch at login', () => {
  test('macOS and Windows use login items with --hidden', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const electronApp = app();
      const items = loginItemsFor(platform, electronApp, { env: {}, homeDir: home, launch });
      expect(items.supported).toBe(true);
      await items.apply(true);
      expect(electronApp.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] });
    }
    expect(await readdir(home)).toEqual([]);
  });

  test('on Linux it writes an XDG autostart entry that starts the app hidden, and removes it when turned off', async () => {
    const electronApp = app();
    const items = loginItemsFor('linux', electronApp, { env: {}, homeDir: home, launch });
    expect(items.supported).toBe(true);
    await items.apply(true);
    const file = path.join(home, '.config/autostart', AUTOSTART_FILE);
    const entry = await readFile(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Tierdesk\n');
    expect(entry).toContain('\nExec=/opt/Tierdesk/tierdesk --hidden\n');
    expect(electronApp.setLoginItemSettings).not.toHaveBeenCalled();
    // Nothing left over from the atomic write.
    expect(await readdir(path.dirname(file))).toEqual([AUTOSTART_FILE]);

    await items.apply(false);
    expect(await readdir(path.dirname(file))).toEqual([]);
    // Off when already off is fine.
    await expect(items.apply(false)).resolves.toBeUndefined();
  });

  test("never removes an autostart entry the agent made themselves; says whose it is", async () => {
    const dir = path.join(home, '.config/autostart');
    const own = '[Desktop Entry]\nType=Application\nName=Tierdesk\nExec=/usr/bin/tierdesk\n';
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(path.join(dir, AUTOSTART_FILE), own);
    const items = loginItemsFor('linux', app(), { env: {}, homeDir: home, launch });
    await expect(items.apply(false)).rejects.toThrow(/was not written by Tierdesk/);
    expect(await readFile(path.join(dir, AUTOSTART_FILE), 'utf8')).toBe(own);
    // Turning it on (the agent asked for it) replaces it with Tierdesk's own, which it may then remove.
    await items.apply(true);
    await items.apply(false);
    expect(await readdir(dir)).toEqual([]);
  });

  test('follows XDG_CONFIG_HOME when it is an absolute path', async () => {
    const items = loginItemsFor('linux', app(), { env: { XDG_CONFIG_HOME: path.join(home, 'cfg') }, homeDir: home, launch });
    await items.apply(true);
    expect(await readdir(path.join(home, 'cfg/autostart'))).toEqual([AUTOSTART_FILE]);
    // A relative value is invalid per the spec: the default is used.
    await loginItemsFor('linux', app(), { env: { XDG_CONFIG_HOME: 'cfg' }, homeDir: home, launch }).apply(true);
    expect(await readdir(path.join(home, '.config/autostart'))).toEqual([AUTOSTART_FILE]);
  });

  test('starts the AppImage itself, or electron on the app folder in development', () => {
    expect(launchCommand({ ...launch, appImage: '/home/ana/Apps/Tierdesk.AppImage' })).toEqual(['/home/ana/Apps/Tierdesk.AppImage']);
    expect(launchCommand(launch)).toEqual(['/opt/Tierdesk/tierdesk']);
    expect(launchCommand({ ...launch, isPackaged: false, execPath: '/repo/node_modules/electron/dist/electron', appPath: '/repo' })).toEqual([
      '/repo/node_modules/electron/dist/electron',
      '/repo',
    ]);
  });

  test('quotes Exec arguments as the desktop entry spec says', () => {
    expect(execArgument('/opt/Tierdesk/tierdesk')).toBe('/opt/Tierdesk/tierdesk');
    expect(execArgument('/home/ana/My Apps/Tierdesk.AppImage')).toBe('"/home/ana/My Apps/Tierdesk.AppImage"');
    expect(execArgument('/home/ana/100%/x')).toBe('/home/ana/100%%/x');
    expect(execArgument('/home/ana/$HOME "q"')).toBe('"/home/ana/\\\\$HOME \\\\"q\\\\""');
    // One literal backslash inside quotes is four in the file.
    expect(execArgument('/a b\\c')).toBe('"/a b\\\\\\\\c"');
    expect(() => autostartEntry(['/opt/x\nTerminal=true'])).toThrow(/line break/);
  });

  test('a folder that cannot be written rejects, and no entry is left', async () => {
    const dir = path.join(home, 'autostart');
    await writeFile(dir, 'a file where the folder should be');
    await expect(xdgAutostart(dir, ['/opt/Tierdesk/tierdesk']).apply(true)).rejects.toThrow();
    expect(await readdir(home)).toEqual(['autostart']);
  });

  test('other platforms report it unsupported', async () => {
    const items = loginItemsFor('freebsd', app(), { env: {}, homeDir: home, launch });
    expect(items.supported).toBe(false);
    await items.apply(true);
    expect(await readdir(home)).toEqual([]);
  });

  test('a start at login stays in the tray', () => {
    expect(startedHidden(['tierdesk.exe', '--hidden'], false)).toBe(true);
    expect(startedHidden(['Tierdesk'], true)).toBe(true);
    expect(startedHidden(['tierdesk'], false)).toBe(false);
  });
});
