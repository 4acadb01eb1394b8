import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, net, Notification, protocol, session, shell, Tray } from 'electron';
import type { OpenTicketEvent } from '../../shared/ipc/contract';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { denyPermissions, hardenWebContents } from './harden';
import { registerIpcHandlers } from './ipc';
import { APP_ORIGIN, isAppUrl } from './security';
import { trayMenuTemplate, trayTooltip } from './tray-menu';
import { mainWindowOptions } from './window-options';

// Thin by design: every decision lives in a small tested module; this file wires them.
const apiBaseUrl = process.env.TIERDESK_API_URL ?? 'http://127.0.0.1:4317';
const here = path.dirname(new URL(import.meta.url).pathname);
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;

function openTicket(event: OpenTicketEvent): void {
  showWindow();
  mainWindow?.webContents.send('ticket:open', event);
}

function showWindow(): void {
  if (!mainWindow) mainWindow = createWindow();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function updateTray(atRisk: number): void {
  if (!tray) return;
  tray.setToolTip(trayTooltip(atRisk));
  tray.setTitle(atRisk > 0 ? String(atRisk) : '');
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(atRisk, { open: showWindow, quit: () => app.quit() })));
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));

void app.whenReady().then(() => {
  denyPermissions(session.defaultSession, isAppUrl);
  serveAppProtocol(protocol, net, rendererDir, [new URL(apiBaseUrl).origin]);
  registerIpcHandlers(ipcMain, {
    'app:info': () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, shell: 'electron' }),
    'app:config': () => ({ apiBaseUrl }),
    'notify:show': ({ title, body, ticketNumber }) => {
      if (!Notification.isSupported()) return false;
      const notification = new Notification({ title, body });
      if (ticketNumber) notification.on('click', () => openTicket({ ticketNumber }));
      notification.show();
      return true;
    },
    'tray:set-count': ({ atRisk }) => {
      updateTray(atRisk);
      return undefined;
    },
  });
  tray = new Tray(nativeImage.createFromPath(path.join(here, '../../build/icons/tray.png')));
  tray.on('click', showWindow);
  updateTray(0);
  mainWindow = createWindow();
});

app.on('window-all-closed', () => {
  // Stay in the tray so SLA alerts keep coming; Quit is in the tray menu.
});
app.on('activate', showWindow);
