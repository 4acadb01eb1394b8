import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { invokeChannels } from '../../shared/ipc/contract';
import { registerIpcHandlers, type InvokeHandlers } from './ipc';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const handlers: InvokeHandlers = {
  'app:info': () => ({ name: 'Tierdesk', version: '1.0.0', platform: 'linux', shell: 'electron' }),
  'app:config': () => ({ apiBaseUrl: 'http://127.0.0.1:4317' }),
  'notify:show': vi.fn(() => true),
  'tray:set-count': vi.fn(() => undefined),
};

const eventFrom = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
const app = eventFrom('app://tierdesk/index.html');

describe('registerIpcHandlers', () => {
  test('registers exactly the channels of the contract and removes them again', () => {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    const dispose = registerIpcHandlers(ipcMain, handlers);
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  test('answers a valid call from the app frame', async () => {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    registerIpcHandlers(ipcMain, handlers);
    await expect(registered.get('tray:set-count')!(app, { atRisk: 3 })).resolves.toBeUndefined();
    expect(handlers['tray:set-count']).toHaveBeenCalledWith({ atRisk: 3 }, app);
  });

  test.each([
    ['another origin', eventFrom('https://evil.example/')],
    ['a file page', eventFrom('file:///tmp/x.html')],
    ['a subframe of the app', eventFrom('app://tierdesk/index.html', { url: 'app://tierdesk/index.html' })],
  ])('refuses a call from %s', async (_name, event) => {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    registerIpcHandlers(ipcMain, handlers);
    await expect(registered.get('notify:show')!(event, { title: 'x', body: 'y' })).rejects.toThrow(/untrusted sender/);
  });

  test.each([
    ['a negative count', 'tray:set-count', { atRisk: -1 }, /atRisk/],
    ['an extra field', 'tray:set-count', { atRisk: 1, exec: 'rm -rf /' }, /exec|unrecognized/i],
    ['a missing title', 'notify:show', { body: 'x' }, /title/],
    ['a bad ticket number', 'notify:show', { title: 't', body: 'b', ticketNumber: '../../x' }, /ticketNumber/],
    ['a payload where none is expected', 'app:info', { please: true }, /invalid payload/],
  ])('refuses %s naming the field', async (_name, channel, payload, message) => {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    registerIpcHandlers(ipcMain, handlers);
    await expect(registered.get(channel)!(app, payload)).rejects.toThrow(message);
  });
});
