import { beforeAll, describe, expect, test, vi } from 'vitest';
import { invokeChannels } from '../../shared/ipc/contract';
import { createElectronMock, type ElectronMockState } from '../main/electron-mock';

vi.mock('electron', () => createElectronMock());

let state: ElectronMockState;
let invoke: ReturnType<typeof vi.fn>;
let bridge: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  const electron = (await import('electron')) as unknown as { __state: ElectronMockState; ipcRenderer: { invoke: ReturnType<typeof vi.fn> } };
  state = electron.__state;
  invoke = electron.ipcRenderer.invoke;
  await import('./index');
  bridge = state.exposed.get('tierdesk') as typeof bridge;
});

const deliver = (payload: unknown) => state.rendererListeners.get('ticket:open')!.forEach((fn) => fn({}, payload));

describe('preload bridge', () => {
  test('exposes named functions only, never ipcRenderer or a generic send', () => {
    expect([...state.exposed.keys()]).toEqual(['tierdesk']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'getAppInfo', 'getConfig', 'showNotification', 'setTrayCount', 'onOpenTicket', 'setAlertSchedule', 'acknowledgeAlert', 'pauseAlerts', 'getAlertPause',
        'getAlertSettings', 'setAlertSettings', 'getStoredToken', 'storeToken', 'clearStoredToken', 'openExternal', 'getDesktopSettings', 'setDesktopSettings',
      ].sort(),
    );
  });

  test('every function calls a contract channel, and all channels are reachable', async () => {
    const calls: Array<[keyof typeof bridge, unknown]> = [
      ['getAppInfo', undefined],
      ['getConfig', undefined],
      ['showNotification', { title: 't', body: 'b' }],
      ['setTrayCount', { atRisk: 1 }],
      ['setAlertSchedule', { version: 1, clockOffsetMs: 0, crossings: [] }],
      ['acknowledgeAlert', { ticketId: 't', clock: 'response', threshold: 100 }],
      ['pauseAlerts', { minutes: 60 }],
      ['getAlertPause', undefined],
      ['getAlertSettings', undefined],
      ['setAlertSettings', {}],
      ['getStoredToken', undefined],
      ['storeToken', { token: 'x', expiresAt: 1 }],
      ['clearStoredToken', undefined],
      ['openExternal', { url: 'https://kb.example.com' }],
      ['getDesktopSettings', undefined],
      ['setDesktopSettings', { closeToTray: false }],
    ];
    for (const [name, payload] of calls) await bridge[name]!(payload);
    const channels = invoke.mock.calls.map(([channel]) => channel as string);
    expect(channels.sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  test('holds a ticket opened before the renderer subscribed, then delivers live ones', () => {
    deliver({ ticketNumber: 'INC-000001' });
    const seen: string[] = [];
    const stop = bridge.onOpenTicket!((e: unknown) => seen.push((e as { ticketNumber: string }).ticketNumber)) as () => void;
    expect(seen).toEqual(['INC-000001']);
    deliver({ ticketNumber: 'INC-000002' });
    expect(seen).toEqual(['INC-000001', 'INC-000002']);
    stop();
    deliver({ ticketNumber: 'INC-000003' });
    expect(seen).toHaveLength(2);
  });
});
