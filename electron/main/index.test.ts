import { beforeAll, describe, expect, test, vi } from 'vitest';
import { createElectronMock, type ElectronMockState, type FakeWebContents } from './electron-mock';

vi.mock('electron', () => createElectronMock());

let state: ElectronMockState;

beforeAll(async () => {
  const electron = (await import('electron')) as unknown as { __state: ElectronMockState };
  state = electron.__state;
  await import('./index');
  await state.ready;
  await new Promise((r) => setTimeout(r, 0));
});

const contents = (): FakeWebContents => state.windows[0]!.webContents;

describe('main process wiring', () => {
  test('creates the window locked down and loads the app over app://', () => {
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(state.windows[0]!.loadedUrl).toBe('app://tierdesk/index.html');
    expect(state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
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
    expect(contents().windowOpenHandler!({ url: 'https://kb.example.com/a/1' })).toEqual({ action: 'deny' });
    expect(contents().windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(state.openedExternally).toEqual(['https://kb.example.com/a/1']);
  });

  test('denies permission requests other than notifications from the app', () => {
    const answer = vi.fn();
    state.permissionRequestHandler!({ getURL: () => 'app://tierdesk/index.html' }, 'media', answer);
    expect(answer).toHaveBeenLastCalledWith(false);
    state.permissionRequestHandler!({ getURL: () => 'app://tierdesk/index.html' }, 'notifications', answer);
    expect(answer).toHaveBeenLastCalledWith(true);
  });

  test('shows the at-risk count in the tray when the renderer reports it', async () => {
    const event = { senderFrame: { url: 'app://tierdesk/index.html', parent: null } };
    await state.ipcHandlers.get('tray:set-count')!(event, { atRisk: 4 });
    expect(state.trays[0]!.tooltip).toBe('Tierdesk: 4 tickets at risk of breaching');
    expect(state.trays[0]!.title).toBe('4');
  });

  test('opens the ticket when a notification is clicked', async () => {
    const event = { senderFrame: { url: 'app://tierdesk/index.html', parent: null } };
    await state.ipcHandlers.get('notify:show')!(event, { title: 'Breach soon', body: 'INC-000123', ticketNumber: 'INC-000123' });
    const notification = state.notifications.at(-1)!;
    expect(notification.shown).toBe(true);
    notification.emit('click');
    expect(contents().sent).toContainEqual(['ticket:open', { ticketNumber: 'INC-000123' }]);
  });

  test('refuses IPC from a frame that is not the app', async () => {
    const event = { senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(state.ipcHandlers.get('app:config')!(event, undefined)).rejects.toThrow(/untrusted sender/);
  });
});
