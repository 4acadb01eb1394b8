import { mkdtempSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { crossing } from '../../shared/alerts/alert-fixtures';
import type { AlertCrossing } from '../../shared/alerts/alert-schedule';
import { createElectronMock, fakeEvent, type ElectronMockState, type FakeWebContents } from './electron-mock';

vi.mock('electron', () => createElectronMock());
// Launch at login on Linux writes an XDG autostart entry: into a scratch folder, never the real one.
const configHome = mkdtempSync(path.join(tmpdir(), 'tierdesk-xdg-'));
process.env.XDG_CONFIG_HOME = configHome;

let state: ElectronMockState;
let electron: { app: { setLoginItemSettings: ReturnType<typeof vi.fn>; setAsDefaultProtocolClient: ReturnType<typeof vi.fn>; emit(e: string, ...a: unknown[]): unknown } };

const settle = () => new Promise((r) => setTimeout(r, 10));

beforeAll(async () => {
  const mocked = (await import('electron')) as unknown as typeof electron & { __state: ElectronMockState };
  electron = mocked;
  state = mocked.__state;
  await import('./index');
  await state.ready;
  await settle();
});

const contents = (): FakeWebContents => state.windows[0]!.webContents;
const fromApp = { senderFrame: { url: 'app://tierdesk/index.html', parent: null } };
const call = (channel: string, payload?: unknown, event: unknown = fromApp) => state.ipcHandlers.get(channel)!(event, payload) as Promise<unknown>;
const opened = () => contents().sent.filter(([channel]) => channel === 'ticket:open').map(([, p]) => (p as { ticketNumber: string }).ticketNumber);
const schedule = (crossings: AlertCrossing[]) => call('alerts:set-schedule', { version: 1, clockOffsetMs: 0, crossings });
const tray = () => state.trays[0]!;

describe('main process wiring: the window', () => {
  test('creates the window locked down and loads the app over app://', () => {
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(state.windows[0]!.loadedUrl).toBe('app://tierdesk/index.html');
    expect(state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  test('blocks navigation away from the app', () => {
    const prevent = vi.fn();
    contents().emit('will-navigate', { preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalledTimes(1);
    const allowed = vi.fn();
    contents().emit('will-navigate', { preventDefault: allowed }, 'app://tierdesk/index.html#x');
    expect(allowed).not.toHaveBeenCalled();
  });

  test('denies window.open and hands only safe https links to the OS browser', async () => {
    state.openedExternally.length = 0;
    expect(contents().windowOpenHandler!({ url: 'https://kb.example.com/a/1' })).toEqual({ action: 'deny' });
    expect(contents().windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await settle();
    expect(state.openedExternally).toEqual(['https://kb.example.com/a/1']);
  });

  test('denies permission requests other than notifications from the app', () => {
    const answer = vi.fn();
    state.permissionRequestHandler!({ getURL: () => 'app://tierdesk/index.html' }, 'media', answer);
    expect(answer).toHaveBeenLastCalledWith(false);
    state.permissionRequestHandler!({ getURL: () => 'app://tierdesk/index.html' }, 'notifications', answer);
    expect(answer).toHaveBeenLastCalledWith(true);
  });

  test('closing the window hides it to the tray; after Quit it really closes', () => {
    const win = state.windows[0]!;
    win.show();
    const event = win.close();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.visible).toBe(false);
    tray().emit('click');
    expect(win.visible).toBe(true);
  });
});

describe('main process wiring: IPC', () => {
  test('refuses IPC from a frame that is not the app, on every channel', async () => {
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } };
    for (const channel of ['app:config', 'token:get', 'alerts:set-schedule', 'shell:open-external']) {
      await expect(call(channel, undefined, evil)).rejects.toThrow(/untrusted sender/);
    }
  });

  test('opens a KB link in the OS browser only when it is safe https', async () => {
    state.openedExternally.length = 0;
    await expect(call('shell:open-external', { url: 'https://kb.example.com/article/7' })).resolves.toBe(true);
    await expect(call('shell:open-external', { url: 'file:///C:/Windows/System32/calc.exe' })).resolves.toBe(false);
    await expect(call('shell:open-external', { url: 'http://kb.example.com/' })).resolves.toBe(false);
    expect(state.openedExternally).toEqual(['https://kb.example.com/article/7']);
  });

  test('with the basic_text backend the token is not stored and the answer says why', async () => {
    state.storageBackend = 'basic_text';
    await expect(call('token:set', { token: 'secret', expiresAt: Date.now() + 60_000 })).resolves.toEqual({ status: 'unavailable', reason: 'basic_text' });
    await expect(call('token:get')).resolves.toEqual({ status: 'unavailable', reason: 'basic_text' });
    expect(await readdir(state.userData)).not.toContain('token.json');
    state.storageBackend = 'gnome_libsecret';
    await expect(call('token:set', { token: 'secret', expiresAt: Date.now() + 60_000 })).resolves.toEqual({ status: 'stored' });
    await expect(call('token:get')).resolves.toMatchObject({ status: 'found', token: 'secret' });
    await call('token:clear');
    await expect(call('token:get')).resolves.toEqual({ status: 'none' });
  });

  test('launch at login is turned on and off for this platform (on Linux, an XDG autostart entry)', async () => {
    const answer = await call('desktop:set-settings', { launchAtLogin: true });
    const linux = process.platform === 'linux';
    expect(answer).toEqual({ closeToTray: true, launchAtLogin: true, launchAtLoginSupported: linux || process.platform === 'darwin' || process.platform === 'win32' });
    const entries = () => readdir(path.join(configHome, 'autostart')).catch(() => []);
    expect(await entries()).toEqual(linux ? ['tierdesk.desktop'] : []);
    if (linux) expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    await call('desktop:set-settings', { launchAtLogin: false });
    expect(await entries()).toEqual([]);
  });

  test('when the system will not take launch at login, the answer says why and the setting stays off', async () => {
    if (process.platform === 'linux') {
      await rm(path.join(configHome, 'autostart'), { recursive: true, force: true });
      await writeFile(path.join(configHome, 'autostart'), 'a file where the folder should be');
    } else electron.app.setLoginItemSettings.mockImplementationOnce(() => {
      throw new Error('login items are disabled by policy');
    });
    const answer = (await call('desktop:set-settings', { launchAtLogin: true })) as Record<string, unknown>;
    expect(answer).toMatchObject({ launchAtLogin: false, launchAtLoginProblem: expect.stringMatching(/EEXIST|ENOTDIR|disabled by policy/) });
    await expect(call('desktop:get-settings')).resolves.toMatchObject({ launchAtLogin: false });
    await rm(path.join(configHome, 'autostart'), { force: true });
  });

  test('does not register as the tierdesk:// handler from a development build', () => {
    expect(electron.app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });
});

describe('main process wiring: tray and alerts', () => {
  test('shows the at-risk count in the tray when the renderer reports it', async () => {
    await call('tray:set-count', { atRisk: 4 });
    expect(tray().tooltip).toBe('Tierdesk: 4 tickets at risk of breaching');
    expect(tray().title).toBe('4');
  });

  test('the tray menu lists the next breaches, Open, Pause alerts for 1 h and Quit; a breach opens its ticket', async () => {
    const now = Date.now();
    await schedule([crossing(42, 100, now + 3_600_000), crossing(43, 75, now + 1_800_000, { dueAt: now + 7_200_000 })]);
    const labels = tray().labels();
    expect(labels[0]).toBe('4 at risk');
    expect(labels).toContain('Next breaches');
    expect(labels.filter((l) => l.includes('breach at'))).toEqual([expect.stringMatching(/^INC-000042 · resolution breach at \d\d:\d\d$/)]);
    expect(labels).toEqual(expect.arrayContaining(['Open Tierdesk', 'Pause alerts for 1 h', 'Quit']));
    tray().clickItem('INC-000042');
    await settle();
    expect(opened()).toContain('INC-000042');
  });

  test('Pause alerts for 1 h holds alerts and the menu offers Resume; the app can read the pause', async () => {
    await expect(call('alerts:get-pause')).resolves.toEqual({ pausedUntil: null });
    tray().clickItem('Pause alerts');
    expect(tray().labels().some((l) => l.startsWith('Resume alerts (paused until'))).toBe(true);
    const { pausedUntil } = (await call('alerts:get-pause')) as { pausedUntil: number };
    expect(pausedUntil - Date.now()).toBeGreaterThan(59 * 60_000);
    const before = state.notifications.length;
    await schedule([crossing(50, 100, Date.now() - 1000)]);
    expect(state.notifications.length).toBe(before);
    tray().clickItem('Resume alerts');
    expect(state.notifications.length).toBe(before + 1);
    await expect(call('alerts:get-pause')).resolves.toEqual({ pausedUntil: null });
    expect(tray().labels()).toContain('Pause alerts for 1 h');
  });

  test('fires a due breach as a native notification; click opens the ticket, Acknowledge stops repeats', async () => {
    // INC-000050 breached (and was announced) in the previous test and is still scheduled.
    await schedule([crossing(50, 100, Date.now() - 1000), crossing(7, 100, Date.now() - 1000, { severity: 'S1' })]);
    const notification = state.notifications.at(-1)!;
    expect(notification.shown).toBe(true);
    expect(notification.options).toMatchObject({ title: 'INC-000007 breached its resolution SLA', urgency: 'critical', actions: [{ type: 'button', text: 'Acknowledge' }] });
    notification.emit('click');
    expect(opened().at(-1)).toBe('INC-000007');
    expect(tray().labels()).toContain('Acknowledge 2 breaches');
    notification.emit('action', {}, 0);
    expect(tray().labels()).toContain('Acknowledge 1 breach');
    await expect(call('alerts:acknowledge', { ticketId: 't50', clock: 'resolution', threshold: 100 })).resolves.toBe(true);
    expect(tray().labels().some((l) => l.startsWith('Acknowledge'))).toBe(false);
  });

  test('does not announce the same breach twice when the schedule is sent again', async () => {
    const before = state.notifications.length;
    await schedule([crossing(50, 100, Date.now() - 1000), crossing(7, 100, Date.now() - 1000, { severity: 'S1' })]);
    expect(state.notifications.length).toBe(before);
  });

  test('opens the ticket when a renderer notification is clicked', async () => {
    await call('notify:show', { title: 'Breach soon', body: 'INC-000123', ticketNumber: 'INC-000123' });
    state.notifications.at(-1)!.emit('click');
    expect(opened().at(-1)).toBe('INC-000123');
  });
});

describe('main process wiring: deep links', () => {
  test('a second instance with a deep link opens the ticket in this one', () => {
    state.windows[0]!.hide();
    electron.app.emit('second-instance', fakeEvent(), ['/opt/Tierdesk/tierdesk', '--no-sandbox', 'tierdesk://ticket/INC-000555']);
    expect(opened().at(-1)).toBe('INC-000555');
    expect(state.windows[0]!.visible).toBe(true);
  });

  test('a second instance with a hostile link only brings the window forward', () => {
    const before = opened().length;
    state.windows[0]!.hide();
    electron.app.emit('second-instance', fakeEvent(), ['tierdesk', 'tierdesk://ticket/INC-000555?../../x']);
    expect(opened()).toHaveLength(before);
    expect(state.windows[0]!.visible).toBe(true);
  });

  test("macOS 'open-url' opens the ticket and takes the event", () => {
    const event = fakeEvent();
    electron.app.emit('open-url', event, 'tierdesk://ticket/INC-000321');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(opened().at(-1)).toBe('INC-000321');
  });
});
