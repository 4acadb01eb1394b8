import { z } from 'zod';

/**
 * The one IPC contract between renderer and main. Main validates every
 * request payload with these schemas; the preload exposes one named function
 * per channel (TierdeskBridge) and nothing else.
 */

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'web']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const RendererConfigSchema = z.object({
  /** Base URL of the ticket API, e.g. http://127.0.0.1:4317 */
  apiBaseUrl: z.url(),
});
export type RendererConfig = z.infer<typeof RendererConfigSchema>;

export const NotificationRequestSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    /** Ticket number to open when the notification is clicked. */
    ticketNumber: z
      .string()
      .regex(/^INC-\d{6,}$/)
      .optional(),
  })
  .strict();
export type NotificationRequest = z.infer<typeof NotificationRequestSchema>;

export const TrayCountSchema = z.object({ atRisk: z.number().int().min(0).max(1_000_000) }).strict();
export type TrayCount = z.infer<typeof TrayCountSchema>;

export const OpenTicketEventSchema = z.object({ ticketNumber: z.string().regex(/^INC-\d{6,}$/) }).strict();
export type OpenTicketEvent = z.infer<typeof OpenTicketEventSchema>;

const NoPayload = z.undefined();

/** renderer → main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  'app:info': { request: NoPayload, response: AppInfoSchema },
  'app:config': { request: NoPayload, response: RendererConfigSchema },
  'notify:show': { request: NotificationRequestSchema, response: z.boolean() },
  'tray:set-count': { request: TrayCountSchema, response: z.undefined() },
} as const;
export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['response']>;

/** main → renderer events (webContents.send / ipcRenderer.on). */
export const eventChannels = {
  'ticket:open': OpenTicketEventSchema,
} as const;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name);
}

/** What the renderer sees as `window.tierdesk` (Electron) or its web fallback. */
export interface TierdeskBridge {
  getAppInfo(): Promise<AppInfo>;
  getConfig(): Promise<RendererConfig>;
  showNotification(request: NotificationRequest): Promise<boolean>;
  setTrayCount(count: TrayCount): Promise<void>;
  /** Subscribes to "open this ticket" (notification click, deep link); returns an unsubscribe. */
  onOpenTicket(listener: (event: OpenTicketEvent) => void): () => void;
}
