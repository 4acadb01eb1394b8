import { alertKey } from '../../shared/alerts/alert-schedule';
import type { AlertScheduler } from '../../shared/alerts/alert-scheduler';
import type { AppInfo } from '../../shared/ipc/contract';
import type { DesktopSettingsAnswer } from '../../shared/ipc/desktop-settings';
import type { InvokeHandlers } from './ipc';
import type { LoginItems } from './login-item';
import type { TokenStore } from './secure-token';
import { isSafeExternalUrl } from './security';
import type { SettingsStore } from './settings-store';

/**
 * What main answers on each contract channel. Payloads arrive already
 * validated and from the app's own frame (registerIpcHandlers); this file
 * only decides.
 */
export type InvokeHandlerDeps = {
  appInfo(): AppInfo;
  apiBaseUrl: string;
  now(): number;
  scheduler: AlertScheduler;
  settings: SettingsStore;
  tokens: TokenStore;
  loginItems: LoginItems;
  showNotification(request: { title: string; body: string; ticketNumber?: string | undefined }): boolean;
  setAtRisk(atRisk: number): void;
  openExternal(url: string): Promise<void>;
  log: { warn(message: string): void };
};

export function createInvokeHandlers(deps: InvokeHandlerDeps): InvokeHandlers {
  const { scheduler, settings, tokens } = deps;
  const desktopAnswer = (): DesktopSettingsAnswer => ({ ...settings.desktop, launchAtLoginSupported: deps.loginItems.supported });
  return {
    'app:info': () => deps.appInfo(),
    'app:config': () => ({ apiBaseUrl: deps.apiBaseUrl }),
    'notify:show': (request) => deps.showNotification(request),
    'tray:set-count': ({ atRisk }) => {
      deps.setAtRisk(atRisk);
      return undefined;
    },
    'alerts:set-schedule': (schedule) => {
      scheduler.setSchedule(schedule);
      return undefined;
    },
    'alerts:acknowledge': (key) => scheduler.acknowledge([alertKey(key)]) > 0,
    'alerts:pause': ({ minutes }) => ({ pausedUntil: scheduler.pause(minutes) }),
    'alerts:get-pause': () => ({ pausedUntil: scheduler.pausedUntil }),
    'alerts:get-settings': () => settings.alerts,
    'alerts:set-settings': async (next) => {
      scheduler.setSettings(next);
      await settings.setAlerts(next);
      return settings.alerts;
    },
    'token:get': () => tokens.get(deps.now()),
    'token:set': (request) => tokens.set(request),
    'token:clear': async () => {
      await tokens.clear();
      return undefined;
    },
    'shell:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        deps.log.warn(`refused to open a link outside the app: ${JSON.stringify(url.slice(0, 200))}`);
        return false;
      }
      await deps.openExternal(url);
      return true;
    },
    'desktop:get-settings': desktopAnswer,
    'desktop:set-settings': async (patch) => {
      const current = settings.desktop;
      const next = { closeToTray: patch.closeToTray ?? current.closeToTray, launchAtLogin: patch.launchAtLogin ?? current.launchAtLogin };
      let problem: string | undefined;
      if (patch.launchAtLogin !== undefined && deps.loginItems.supported) {
        try {
          await deps.loginItems.apply(next.launchAtLogin);
        } catch (error) {
          // The system did not take it (e.g. an autostart folder that cannot be written): say so, keep the setting true to the system.
          problem = (error instanceof Error ? error.message : String(error)).slice(0, 500);
          deps.log.warn(`launch at login not changed: ${problem}`);
          next.launchAtLogin = current.launchAtLogin;
        }
      }
      await settings.setDesktop(next);
      return problem ? { ...desktopAnswer(), launchAtLoginProblem: problem } : desktopAnswer();
    },
  };
}
