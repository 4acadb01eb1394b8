import type { AlertScheduler } from '../../../shared/alerts/alert-scheduler';
import { alertKey } from '../../../shared/alerts/alert-schedule';
import { RendererConfigSchema, type OpenTicketEvent, type RendererConfig, type TierdeskBridge } from '../../../shared/ipc/contract';
import { isSafeExternalUrl } from '../../../shared/web/external-url';
import { createWebAlertScheduler, saveWebAlertSettings } from './web-alerts';
import { parseAlertSettings } from '../../../shared/alerts/alert-settings';

const FALLBACK_API = 'http://127.0.0.1:4317';
const CONFIG_CACHE_KEY = 'tierdesk.config';

async function loadConfig(): Promise<RendererConfig> {
  // The web host serves config.json beside index.html; keep the last good
  // copy so a reload while the host is unreachable still knows its server.
  try {
    const res = await fetch('./config.json', { cache: 'no-store' });
    if (res.ok) {
      const config = RendererConfigSchema.parse(await res.json());
      localStorage.setItem(CONFIG_CACHE_KEY, JSON.stringify(config));
      return config;
    }
  } catch {
    // fall through to the cached copy
  }
  const cached = RendererConfigSchema.safeParse(JSON.parse(localStorage.getItem(CONFIG_CACHE_KEY) ?? 'null'));
  return cached.success ? cached.data : { apiBaseUrl: FALLBACK_API };
}

/** Shows a web notification if the page may; clicking it focuses the tab and opens the ticket. */
async function webNotify(title: string, body: string, ticketNumber: string | undefined, open: (e: OpenTicketEvent) => void): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'default') await Notification.requestPermission();
  if (Notification.permission !== 'granted') return false;
  const notification = new Notification(title, { body });
  if (ticketNumber) {
    notification.onclick = () => {
      window.focus();
      open({ ticketNumber });
    };
  }
  return true;
}

/**
 * The bridge in a plain browser: web notifications, a title badge for the
 * tray count, the same alert scheduler as the desktop, no token store (the
 * browser build seals its own token) and no desktop settings.
 */
export function createWebBridge(): TierdeskBridge {
  const openListeners = new Set<(event: OpenTicketEvent) => void>();
  const open = (event: OpenTicketEvent) => openListeners.forEach((listener) => listener(event));
  const baseTitle = document.title || 'Tierdesk';
  let scheduler: AlertScheduler | null = null;
  // Created on first use: a page that never sends a schedule sets no timers.
  const alerts = () =>
    (scheduler ??= createWebAlertScheduler((n) => void webNotify(n.title, n.body, n.ticketNumber, open)));
  const desktop = { closeToTray: false, launchAtLogin: false, launchAtLoginSupported: false };
  return {
    getAppInfo: async () => ({
      name: 'Tierdesk',
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: navigator.platform || 'web',
      shell: 'web',
    }),
    getConfig: loadConfig,
    showNotification: (request) => webNotify(request.title, request.body, request.ticketNumber, open),
    async setTrayCount({ atRisk }) {
      document.title = atRisk > 0 ? `(${atRisk}) ${baseTitle}` : baseTitle;
      const nav = navigator as Navigator & { setAppBadge?: (n: number) => Promise<void> };
      await nav.setAppBadge?.(atRisk).catch(() => undefined);
    },
    onOpenTicket(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
    setAlertSchedule: async (schedule) => alerts().setSchedule(schedule),
    acknowledgeAlert: async (key) => alerts().acknowledge([alertKey(key)]) > 0,
    pauseAlerts: async ({ minutes }) => ({ pausedUntil: alerts().pause(minutes) }),
    getAlertPause: async () => ({ pausedUntil: alerts().pausedUntil }),
    getAlertSettings: async () => alerts().currentSettings,
    async setAlertSettings(input) {
      // The same check as the desktop's IPC: settings that would break the scheduler are refused, naming the field.
      const settings = parseAlertSettings(input);
      alerts().setSettings(settings);
      saveWebAlertSettings(settings);
      return settings;
    },
    getStoredToken: async () => ({ status: 'unavailable', reason: 'not_desktop' }),
    storeToken: async () => ({ status: 'unavailable', reason: 'not_desktop' }),
    clearStoredToken: async () => undefined,
    async openExternal({ url }) {
      if (!isSafeExternalUrl(url)) return false;
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
    getDesktopSettings: async () => desktop,
    setDesktopSettings: async () => desktop,
  };
}
