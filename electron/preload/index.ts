import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventPayload, InvokeChannel, InvokeRequest, InvokeResponse, OpenTicketEvent, TierdeskBridge } from '../../shared/ipc/contract';

// Sandboxed preload: named functions only, never ipcRenderer itself. Main
// validates every payload and the sender frame again. Type-only imports:
// a sandboxed preload can require nothing but electron.
function invoke<C extends InvokeChannel>(channel: C, payload?: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  return ipcRenderer.invoke(channel, payload) as Promise<InvokeResponse<C>>;
}

// "Open this ticket" can arrive (a deep link at launch) before React has
// subscribed; hold such events until the first listener comes.
const openListeners = new Set<(event: OpenTicketEvent) => void>();
const heldOpens: OpenTicketEvent[] = [];
ipcRenderer.on('ticket:open', (_event: IpcRendererEvent, payload: EventPayload<'ticket:open'>) => {
  if (openListeners.size === 0) heldOpens.push(payload);
  for (const listener of openListeners) listener(payload);
});

const bridge = {
  getAppInfo: () => invoke('app:info'),
  getConfig: () => invoke('app:config'),
  showNotification: (request) => invoke('notify:show', request),
  setTrayCount: (count) => invoke('tray:set-count', count),
  onOpenTicket: (listener) => {
    openListeners.add(listener);
    for (const event of heldOpens.splice(0)) listener(event);
    return () => {
      openListeners.delete(listener);
    };
  },
  setAlertSchedule: (schedule) => invoke('alerts:set-schedule', schedule),
  acknowledgeAlert: (key) => invoke('alerts:acknowledge', key),
  pauseAlerts: (request) => invoke('alerts:pause', request),
  getAlertPause: () => invoke('alerts:get-pause'),
  getAlertSettings: () => invoke('alerts:get-settings'),
  setAlertSettings: (settings) => invoke('alerts:set-settings', settings),
  getStoredToken: () => invoke('token:get'),
  storeToken: (request) => invoke('token:set', request),
  clearStoredToken: () => invoke('token:clear'),
  openExternal: (request) => invoke('shell:open-external', request),
  getDesktopSettings: () => invoke('desktop:get-settings'),
  setDesktopSettings: (patch) => invoke('desktop:set-settings', patch),
} satisfies TierdeskBridge;

contextBridge.exposeInMainWorld('tierdesk', bridge);
