import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { OpenTicketEvent } from '../../shared/ipc/contract';

/**
 * The one app window: created on demand, hidden rather than closed when
 * close-to-tray is on (alerts keep coming from the tray), and the target of
 * "open this ticket". A ticket opened before the page has loaded waits for
 * it; the preload then holds it until the renderer subscribes.
 */
export type MainWindowDeps = {
  create(options: BrowserWindowConstructorOptions): BrowserWindow;
  options: BrowserWindowConstructorOptions;
  url: string;
  closeToTray(): boolean;
};

export class MainWindow {
  private win: BrowserWindow | null = null;
  private loaded = false;
  private pending: OpenTicketEvent[] = [];
  private quitting = false;

  constructor(private readonly deps: MainWindowDeps) {}

  /** Creates the window (hidden when started at login) if there is none. */
  ensure(show: boolean): BrowserWindow {
    if (this.win) return this.win;
    const win = this.deps.create(this.deps.options);
    this.win = win;
    this.loaded = false;
    if (show) win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      this.loaded = true;
      for (const event of this.pending.splice(0)) win.webContents.send('ticket:open', event);
    });
    win.on('close', (event) => {
      if (!this.quitting && this.deps.closeToTray()) {
        event.preventDefault();
        win.hide();
      }
    });
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    void win.loadURL(this.deps.url);
    return win;
  }

  show(): void {
    const win = this.ensure(true);
    win.show();
    win.focus();
  }

  openTicket(event: OpenTicketEvent): void {
    this.show();
    if (this.loaded) this.win!.webContents.send('ticket:open', event);
    else this.pending.push(event);
  }

  /** From before-quit: let the window really close. */
  allowClose(): void {
    this.quitting = true;
  }
}
