import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventPayload, InvokeChannel, InvokeRequest, InvokeResponse, TierdeskBridge } from '../../shared/ipc/contract';

// Sandboxed preload: named functions only, never ipcRenderer itself. Main
// validates every payload and the sender frame again.
function invoke<C extends InvokeChannel>(channel: C, payload?: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  return ipcRenderer.invoke(channel, payload) as Promise<InvokeResponse<C>>;
}

const bridge = {
  getAppInfo: () => invoke('app:info'),
  getConfig: () => invoke('app:config'),
  showNotification: (request) => invoke('notify:show', request),
  setTrayCount: (count) => invoke('tray:set-count', count),
  onOpenTicket: (listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<'ticket:open'>) => listener(payload);
    ipcRenderer.on('ticket:open', wrapped);
    return () => {
      ipcRenderer.removeListener('ticket:open', wrapped);
    };
  },
} satisfies TierdeskBridge;

contextBridge.exposeInMainWorld('tierdesk', bridge);
