import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../shared/alerts/alert-settings';
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
  'alerts:set-schedule': vi.fn(() => undefined),
  'alerts:acknowledge': vi.fn(() => true),
  'alerts:pause': vi.fn(() => ({ pausedUntil: null })),
  'alerts:get-pause': () => ({ pausedUntil: null }),
  'alerts:get-settings': () => DEFAULT_ALERT_SETTINGS,
  'alerts:set-settings': vi.fn((s) => s),
  'token:get': () => ({ status: 'none' }),
  'token:set': vi.fn(() => ({ status: 'stored' as const })),
  'token:clear': () => undefined,
  'shell:open-external': vi.fn(() => true),
  'desktop:get-settings': () => ({ closeToTray: true, launchAtLogin: false, launchAtLoginSupported: false }),
  'desktop:set-settings': vi.fn(() => ({ closeToTray: true, launchAtLogin: false, launchAtLoginSupported: false })),
};

const goodCrossing = {
  ticketId: 't1',
  ticketNumber: 'INC-000001',
  title: 'Printer on fire',
  severity: 'S2',
  clock: 'resolution',
  threshold: 100,
  at: 1000,
  dueAt: 1000,
  reason: 'owned',
};
const schedule = (crossing: Record<string, unknown>) => ({ version: 1, clockOffsetMs: 0, crossings: [crossing] });

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
    ['a schedule of another version', 'alerts:set-schedule', { ...schedule(goodCrossing), version: 2 }, /version/],
    ['a crossing with a hostile ticket number', 'alerts:set-schedule', schedule({ ...goodCrossing, ticketNumber: 'INC-1<script>' }), /crossings\[0\]\.ticketNumber/],
    ['a crossing past 100%', 'alerts:set-schedule', schedule({ ...goodCrossing, threshold: 150 }), /crossings\[0\]\.threshold/],
    ['a crossing at a negative instant', 'alerts:set-schedule', schedule({ ...goodCrossing, at: -1 }), /crossings\[0\]\.at/],
    ['a crossing of an unknown clock', 'alerts:set-schedule', schedule({ ...goodCrossing, clock: 'lunch' }), /crossings\[0\]\.clock/],
    ['a crossing with an extra field', 'alerts:set-schedule', schedule({ ...goodCrossing, html: '<img>' }), /crossings\[0\]|unrecognized/i],
    ['a schedule too large to be real', 'alerts:set-schedule', { version: 1, clockOffsetMs: 0, crossings: Array(20_001).fill(goodCrossing) }, /crossings/],
    ['an acknowledgement of an unknown clock', 'alerts:acknowledge', { ticketId: 't1', clock: 'x', threshold: 100 }, /clock/],
    ['a pause longer than a day', 'alerts:pause', { minutes: 100_000 }, /minutes/],
    ['a fractional pause', 'alerts:pause', { minutes: 1.5 }, /minutes/],
    ['thresholds out of order', 'alerts:set-settings', { ...DEFAULT_ALERT_SETTINGS, thresholds: [90, 75] }, /thresholds/],
    ['quiet hours that start and end together', 'alerts:set-settings', { ...DEFAULT_ALERT_SETTINGS, quietHours: { from: '22:00', to: '22:00', timeZone: 'UTC' } }, /quietHours\.to/],
    ['an empty token', 'token:set', { token: '', expiresAt: 1 }, /token/],
    ['a huge token', 'token:set', { token: 'x'.repeat(5000), expiresAt: 1 }, /token/],
    ['a token without expiry', 'token:set', { token: 'abc' }, /expiresAt/],
    ['a link that is not a string', 'shell:open-external', { url: { href: 'https://x.example' } }, /url/],
    ['an overlong link', 'shell:open-external', { url: 'https://x.example/' + 'a'.repeat(3000) }, /url/],
    ['an unknown desktop setting', 'desktop:set-settings', { runAsRoot: true }, /unrecognized|runAsRoot/i],
    ['a non-boolean setting', 'desktop:set-settings', { launchAtLogin: 'yes' }, /launchAtLogin/],
  ])('refuses %s naming the field', async (_name, channel, payload, message) => {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    registerIpcHandlers(ipcMain, handlers);
    await expect(registered.get(channel)!(app, payload)).rejects.toThrow(message);
  });
});
