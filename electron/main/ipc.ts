import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannels, type InvokeChannel, type InvokeRequest, type InvokeResponse } from '../../shared/ipc/contract';
import { zodFieldErrors } from '../../shared/errors';
import { isTrustedSenderUrl } from './security';

export type InvokeHandlers = {
  [C in InvokeChannel]: (payload: InvokeRequest<C>, event: IpcMainInvokeEvent) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
};

export class IpcRefusedError extends Error {
  constructor(channel: string, reason: string) {
    super(`ipc ${channel} refused: ${reason}`);
    this.name = 'IpcRefusedError';
  }
}

/**
 * Registers one handler per contract channel and nothing else. Each call is
 * refused unless it comes from our app's top frame and its payload passes the
 * channel's schema; unknown channels have no handler at all.
 */
export function registerIpcHandlers(ipcMain: IpcMain, handlers: InvokeHandlers): () => void {
  const channels = Object.keys(invokeChannels) as InvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const frameUrl = event.senderFrame?.url;
      if (!isTrustedSenderUrl(frameUrl) || event.senderFrame?.parent) {
        throw new IpcRefusedError(channel, `untrusted sender ${frameUrl ?? '(no frame)'}`);
      }
      const parsed = invokeChannels[channel].request.safeParse(payload);
      if (!parsed.success) {
        const first = zodFieldErrors(parsed.error)[0];
        throw new IpcRefusedError(channel, `invalid payload: ${first?.field || '(root)'}: ${first?.message ?? ''}`);
      }
      const handler = handlers[channel] as (p: unknown, e: IpcMainInvokeEvent) => unknown;
      return handler(parsed.data, event);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
