/**
 * Updates come from the release feed in build/electron-builder.yml
 * (`publish`, a generic provider; electron-builder writes it into the
 * package as app-update.yml). They are checked only in a packaged app:
 * never in development, tests or CI, and an administrator can turn them
 * off with TIERDESK_UPDATES=off.
 */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 3_600_000;

export function updatesEnabled(isPackaged: boolean, env: Record<string, string | undefined>): boolean {
  if (!isPackaged) return false;
  if (env.TIERDESK_UPDATES === 'off' || env.VITEST || env.CI) return false;
  return true;
}

export type Updater = { logger: unknown; checkForUpdatesAndNotify(): Promise<unknown> };
export type UpdaterLog = { info(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };

/**
 * electron-updater is CommonJS and defines `autoUpdater` as a getter that
 * Node's ESM loader does not see as a named export: from our ESM main it
 * arrives on `default`. Accept both shapes.
 */
export function pickAutoUpdater(mod: unknown): Updater {
  const m = mod as { autoUpdater?: Updater; default?: { autoUpdater?: Updater } };
  const updater = m.autoUpdater ?? m.default?.autoUpdater;
  if (!updater) throw new Error('electron-updater exports no autoUpdater');
  return updater;
}

/** Loads electron-updater only when needed (it needs the Electron runtime) and checks now and every six hours. */
export async function startUpdater(load: () => Promise<Updater>, log: UpdaterLog, every = UPDATE_CHECK_INTERVAL_MS): Promise<() => void> {
  const updater = await load();
  updater.logger = log;
  const check = () => void updater.checkForUpdatesAndNotify().catch((error: unknown) => log.warn('update check failed', error));
  check();
  const timer = setInterval(check, every);
  timer.unref?.();
  return () => clearInterval(timer);
}
