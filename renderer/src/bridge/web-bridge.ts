import {
  RendererConfigSchema,
  type OpenTicketEvent,
  type RendererConfig,
  type TierdeskBridge,
} from '../../../shared/ipc/contract';

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

/** The bridge in a plain browser: web notifications, a title badge for the tray count. */
export function createWebBridge(): TierdeskBridge {
  const openListeners = new Set<(event: OpenTicketEvent) => void>();
  const baseTitle = document.title || 'Tierdesk';
  return {
    getAppInfo: async () => ({
      name: 'Tierdesk',
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: navigator.platform || 'web',
      shell: 'web',
    }),
    getConfig: loadConfig,
    async showNotification(request) {
      if (typeof Notification === 'undefined') return false;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission !== 'granted') return false;
      const notification = new Notification(request.title, { body: request.body });
      const ticketNumber = request.ticketNumber;
      if (ticketNumber) {
        notification.onclick = () => {
          window.focus();
          for (const listener of openListeners) listener({ ticketNumber });
        };
      }
      return true;
    },
    async setTrayCount({ atRisk }) {
      document.title = atRisk > 0 ? `(${atRisk}) ${baseTitle}` : baseTitle;
      const nav = navigator as Navigator & { setAppBadge?: (n: number) => Promise<void> };
      await nav.setAppBadge?.(atRisk).catch(() => undefined);
    },
    onOpenTicket(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
  };
}
