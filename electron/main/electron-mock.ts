import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module (which cannot load in plain Node):
 * records what main asks of it so tests can check windows, tray, IPC and
 * security wiring. Use with `vi.mock('electron', () => createElectronMock())`.
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    return (this.listeners.get(event) ?? []).map((fn) => fn(...args));
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  sent: Array<[string, unknown]> = [];
  url = 'app://tierdesk/index.html';
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  getURL() {
    return this.url;
  }
}

/** An event object as Electron passes to 'close', 'open-url' and friends. */
export function fakeEvent() {
  return { preventDefault: vi.fn() };
}

export type ElectronMockOptions = { singleInstanceLock?: boolean };

export function createElectronMock(options: ElectronMockOptions = {}) {
  const state = {
    windows: [] as FakeBrowserWindow[],
    trays: [] as FakeTray[],
    notifications: [] as FakeNotification[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, Listener>(),
    privilegedSchemes: [] as unknown[],
    openedExternally: [] as string[],
    permissionRequestHandler: undefined as Listener | undefined,
    menus: [] as unknown[],
    userData: mkdtempSync(path.join(tmpdir(), 'tierdesk-main-')),
    storageBackend: 'gnome_libsecret',
    rendererListeners: new Map<string, Listener[]>(),
    exposed: new Map<string, unknown>(),
    ready: Promise.resolve(),
  };

  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    visible = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      queueMicrotask(() => this.webContents.emit('did-finish-load'));
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
    }
    focus() {}
    /** What a click on the window's close button does: 'close' (cancellable), then 'closed'. */
    close() {
      const event = fakeEvent();
      this.emit('close', event);
      if (event.preventDefault.mock.calls.length === 0) {
        this.visible = false;
        this.emit('closed');
      }
      return event;
    }
  }

  class FakeTray extends FakeEmitter {
    tooltip = '';
    title = '';
    menu: { template: Array<{ label?: string; type?: string; click?: () => void }> } | undefined;
    constructor(readonly image: unknown) {
      super();
      state.trays.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setTitle(text: string) {
      this.title = text;
    }
    setContextMenu(menu: FakeTray['menu']) {
      this.menu = menu;
    }
    /** Labels of the current menu, separators as '---'. */
    labels(): string[] {
      return (this.menu?.template ?? []).map((i) => i.label ?? '---');
    }
    clickItem(prefix: string) {
      const item = this.menu?.template.find((i) => i.label?.startsWith(prefix));
      if (!item?.click) throw new Error(`no tray menu item "${prefix}" in ${this.labels().join(' | ')}`);
      item.click();
    }
  }

  class FakeNotification extends FakeEmitter {
    shown = false;
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string; actions?: Array<{ type: string; text?: string }>; urgency?: string }) {
      super();
      state.notifications.push(this);
    }
    show() {
      this.shown = true;
    }
  }

  const app = Object.assign(new FakeEmitter(), {
    whenReady: () => state.ready,
    getName: () => 'Tierdesk',
    getVersion: () => '0.1.0',
    isPackaged: false,
    getAppPath: () => path.join(state.userData, 'app'),
    getPath: (name: string) => path.join(state.userData, name === 'userData' ? '' : name),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.singleInstanceLock ?? true),
    setAsDefaultProtocolClient: vi.fn(),
    setLoginItemSettings: vi.fn(),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
  });

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (template: unknown[]) => ({ template }) },
    nativeImage: { createFromPath: (p: string) => ({ path: p }) },
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: Listener) => state.protocolHandlers.set(scheme, fn),
    },
    net: { fetch: vi.fn(async () => new Response('<html></html>', { status: 200 })) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => {
          state.permissionRequestHandler = fn;
        },
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.openedExternally.push(url);
      },
    },
    powerMonitor: new FakeEmitter(),
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => state.storageBackend,
      encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
      decryptString: (cipher: Buffer) => Buffer.from(cipher).reverse().toString('utf8'),
    },
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => state.exposed.set(key, api)) },
    ipcRenderer: {
      invoke: vi.fn(async () => undefined),
      on: vi.fn((channel: string, fn: Listener) => state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), fn])),
      removeListener: vi.fn(),
    },
  };
  return { ...module, default: module, __state: state };
}

export type ElectronMockState = ReturnType<typeof createElectronMock>['__state'];
