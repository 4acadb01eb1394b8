import { z } from 'zod';
import { AlertKeySchema, AlertScheduleSchema, type AlertKey, type AlertSchedule } from '../alerts/alert-schedule';
import { AlertSettingsSchema, type AlertSettings } from '../alerts/alert-settings';
import { TICKET_NUMBER_RE } from '../model/ticket';
import { EpochMsSchema } from '../time/duration';
import {
  DesktopSettingsAnswerSchema,
  DesktopSettingsPatchSchema,
  type DesktopSettingsAnswer,
  type DesktopSettingsPatch,
} from './desktop-settings';
import {
  StoredTokenAnswerSchema,
  TokenStoreAnswerSchema,
  TokenStoreRequestSchema,
  type StoredTokenAnswer,
  type TokenStoreAnswer,
  type TokenStoreRequest,
} from './secure-token';

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

const TicketNumberSchema = z.string().regex(TICKET_NUMBER_RE, 'must look like INC-000123');

export const NotificationRequestSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    /** Ticket number to open when the notification is clicked. */
    ticketNumber: TicketNumberSchema.optional(),
  })
  .strict();
export type NotificationRequest = z.infer<typeof NotificationRequestSchema>;

export const TrayCountSchema = z.object({ atRisk: z.number().int().min(0).max(1_000_000) }).strict();
export type TrayCount = z.infer<typeof TrayCountSchema>;

export const OpenTicketEventSchema = z.object({ ticketNumber: TicketNumberSchema }).strict();
export type OpenTicketEvent = z.infer<typeof OpenTicketEventSchema>;

export const PauseAlertsRequestSchema = z.object({ minutes: z.number().int().min(0).max(24 * 60) }).strict();
export type PauseAlertsRequest = z.infer<typeof PauseAlertsRequestSchema>;

/** `pausedUntil` is on main's clock; null while alerts are live. */
export const AlertPauseStateSchema = z.object({ pausedUntil: EpochMsSchema.nullable() }).strict();
export type AlertPauseState = z.infer<typeof AlertPauseStateSchema>;

/** A link from ticket content (a KB article); main opens it in the OS browser only if it is a safe https URL. */
export const OpenExternalRequestSchema = z.object({ url: z.string().min(1).max(2048) }).strict();
export type OpenExternalRequest = z.infer<typeof OpenExternalRequestSchema>;

const NoPayload = z.undefined();

/** renderer → main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const invokeChannels = {
  'app:info': { request: NoPayload, response: AppInfoSchema },
  'app:config': { request: NoPayload, response: RendererConfigSchema },
  'notify:show': { request: NotificationRequestSchema, response: z.boolean() },
  'tray:set-count': { request: TrayCountSchema, response: z.undefined() },
  'alerts:set-schedule': { request: AlertScheduleSchema, response: z.undefined() },
  'alerts:acknowledge': { request: AlertKeySchema, response: z.boolean() },
  'alerts:pause': { request: PauseAlertsRequestSchema, response: AlertPauseStateSchema },
  'alerts:get-pause': { request: NoPayload, response: AlertPauseStateSchema },
  'alerts:get-settings': { request: NoPayload, response: AlertSettingsSchema },
  'alerts:set-settings': { request: AlertSettingsSchema, response: AlertSettingsSchema },
  'token:get': { request: NoPayload, response: StoredTokenAnswerSchema },
  'token:set': { request: TokenStoreRequestSchema, response: TokenStoreAnswerSchema },
  'token:clear': { request: NoPayload, response: z.undefined() },
  'shell:open-external': { request: OpenExternalRequestSchema, response: z.boolean() },
  'desktop:get-settings': { request: NoPayload, response: DesktopSettingsAnswerSchema },
  'desktop:set-settings': { request: DesktopSettingsPatchSchema, response: DesktopSettingsAnswerSchema },
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
  /** Replaces the schedule of upcoming threshold crossings; call whenever the agent's tickets change. */
  setAlertSchedule(schedule: AlertSchedule): Promise<void>;
  /** Stops the repeats of one breach alert; false when it was not (yet) announced. */
  acknowledgeAlert(key: AlertKey): Promise<boolean>;
  /** Holds non-S1 alerts for `minutes` (0 resumes). */
  pauseAlerts(request: PauseAlertsRequest): Promise<AlertPauseState>;
  /** Whether non-S1 alerts are held now (from the tray or the app), and until when. */
  getAlertPause(): Promise<AlertPauseState>;
  getAlertSettings(): Promise<AlertSettings>;
  setAlertSettings(settings: AlertSettings): Promise<AlertSettings>;
  getStoredToken(): Promise<StoredTokenAnswer>;
  storeToken(request: TokenStoreRequest): Promise<TokenStoreAnswer>;
  clearStoredToken(): Promise<void>;
  openExternal(request: OpenExternalRequest): Promise<boolean>;
  getDesktopSettings(): Promise<DesktopSettingsAnswer>;
  setDesktopSettings(patch: DesktopSettingsPatch): Promise<DesktopSettingsAnswer>;
}
