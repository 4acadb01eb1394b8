import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import { AlertScheduler } from '../../shared/alerts/alert-scheduler';
import type { OpenTicketEvent } from '../../shared/ipc/contract';
import { showAlertNotification } from './alert-notification';
import { FiredStore } from './alerts/fired-store';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from './deep-link';
import { denyPermissions, hardenWebContents } from './harden';
import { createInvokeHandlers } from './invoke-handlers';
import { registerIpcHandlers } from './ipc';
import { setupLogging } from './logging';
import { loginItemsFor, startedHidden } from './login-item';
import { MainWindow } from './main-window';
import { createTokenStore } from './secure-token';
import { APP_ORIGIN, isAppUrl } from './security';
import { SettingsStore } from './settings-store';
import { TRAY_BREACHES_LISTED, trayMenuTemplate, trayTooltip } from './tray-menu';
import { pickAutoUpdater, startUpdater, updatesEnabled } from './updater';
import { mainWindowOptions } from './window-options';

// Thin by design: every decision lives in a small tested module; this file wires them.
const apiBaseUrl = process.env.TIERDESK_API_URL ?? 'http://127.0.0.1:4317';
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
const PAUSE_MINUTES = 60;

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
app.enableSandbox();

// One instance: a second launch (a deep link clicked elsewhere) hands its argv to us and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const log = setupLogging(app.getPath('logs'), { console: !app.isPackaged, catchErrors: app.isPackaged });
  const userData = app.getPath('userData');
  let settings: SettingsStore | null = null;
  let scheduler: AlertScheduler | null = null;
  let tray: Tray | null = null;
  let atRisk = 0;
  // Deep links that arrive before the window exists (macOS open-url fires before ready).
  const early: OpenTicketEvent[] = [];

  const window = new MainWindow({
    create: (options) => new BrowserWindow(options),
    options: mainWindowOptions(preloadPath),
    url: `${APP_ORIGIN}/index.html`,
    closeToTray: () => settings?.desktop.closeToTray ?? true,
  });
  const openTicket = (event: OpenTicketEvent) => (settings ? window.openTicket(event) : early.push(event));

  function refreshTray(): void {
    if (!tray || !scheduler) return;
    const s = scheduler;
    tray.setToolTip(trayTooltip(atRisk));
    tray.setTitle(atRisk > 0 ? String(atRisk) : '');
    const state = {
      atRisk,
      nextBreaches: s.upcomingBreaches(TRAY_BREACHES_LISTED),
      unacknowledged: s.unacknowledgedBreaches().length,
      pausedUntil: s.pausedUntil,
      now: Date.now(),
    };
    const menu = trayMenuTemplate(state, {
      open: () => window.show(),
      openTicket: (ticketNumber) => window.openTicket({ ticketNumber }),
      acknowledgeAll: () => s.acknowledge(s.unacknowledgedBreaches()),
      pause: () => s.pause(PAUSE_MINUTES),
      resume: () => s.pause(0),
      quit: () => app.quit(),
    });
    tray.setContextMenu(Menu.buildFromTemplate(menu));
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));
  app.on('second-instance', (_event, argv: string[]) => {
    const link = findDeepLink(argv);
    if (link) openTicket(link);
    else window.show();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) openTicket(link);
    else log.warn(`ignored a link that is not a ticket link: ${JSON.stringify(url.slice(0, 100))}`);
  });
  app.on('before-quit', () => window.allowClose());
  app.on('window-all-closed', () => {
    // With close-to-tray the window only hides; without it, closing the window ends the app.
    if (settings && !settings.desktop.closeToTray) app.quit();
  });
  app.on('activate', () => window.show());

  void app.whenReady().then(async () => {
    denyPermissions(session.defaultSession, isAppUrl);
    serveAppProtocol(protocol, net, rendererDir, [new URL(apiBaseUrl).origin]);
    if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

    const store = await SettingsStore.open(path.join(userData, 'settings.json'), log);
    const fired = await FiredStore.open(path.join(userData, 'fired-alerts.json'), log);
    const s = new AlertScheduler({
      timers: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      memory: fired,
      settings: store.alerts,
      notify: (n) => {
        if (!Notification.isSupported()) return log.warn(`notifications unsupported; missed: ${n.title}`);
        showAlertNotification(Notification, n, { openTicket: (ticketNumber) => window.openTicket({ ticketNumber }), acknowledge: (keys) => s.acknowledge(keys) });
      },
      onChange: refreshTray,
    });
    settings = store;
    scheduler = s;
    const loginItems = loginItemsFor(process.platform, app, {
      env: process.env,
      homeDir: app.getPath('home'),
      launch: { execPath: process.execPath, appImage: process.env.APPIMAGE, isPackaged: app.isPackaged, appPath: app.getAppPath() },
    });
    // Again at every start while it is on: an AppImage that was moved gets its autostart entry pointed at where it is now.
    if (store.desktop.launchAtLogin) void loginItems.apply(true).catch((error: unknown) => log.warn(`launch at login not applied: ${String(error)}`));
    powerMonitor.on('resume', () => s.run());

    registerIpcHandlers(
      ipcMain,
      createInvokeHandlers({
        appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, shell: 'electron' }),
        apiBaseUrl,
        now: () => Date.now(),
        scheduler: s,
        settings: store,
        tokens: createTokenStore(safeStorage, process.platform, path.join(userData, 'token.json')),
        loginItems,
        showNotification: ({ title, body, ticketNumber }) => {
          if (!Notification.isSupported()) return false;
          const notification = new Notification({ title, body });
          if (ticketNumber) notification.on('click', () => window.openTicket({ ticketNumber }));
          notification.show();
          return true;
        },
        setAtRisk: (count) => {
          atRisk = count;
          refreshTray();
        },
        openExternal: (url) => shell.openExternal(url),
        log,
      }),
    );

    // Packaged, the icon is an extra resource (build/electron-builder.yml); in development it is read from build/.
    const trayIcon = app.isPackaged ? path.join(process.resourcesPath, 'icons/tray.png') : path.join(here, '../../build/icons/tray.png');
    tray = new Tray(nativeImage.createFromPath(trayIcon));
    tray.on('click', () => window.show());
    refreshTray();

    const hidden = startedHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin);
    window.ensure(!hidden);
    const launchLink = findDeepLink(process.argv);
    for (const event of [...early.splice(0), ...(launchLink ? [launchLink] : [])]) window.openTicket(event);

    if (updatesEnabled(app.isPackaged, process.env)) {
      await startUpdater(async () => pickAutoUpdater(await import('electron-updater')), log).catch((error: unknown) => log.error('updater failed to start', error));
    }
    log.info(`Tierdesk ${app.getVersion()} started`);
  });
}
