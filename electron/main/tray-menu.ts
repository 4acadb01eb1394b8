import type { MenuItemConstructorOptions } from 'electron';
import type { AlertCrossing } from '../../shared/alerts/alert-schedule';

/** What the tray shows: the at-risk count at a glance, the next breaches one click away. */
export type TrayState = {
  atRisk: number;
  nextBreaches: readonly AlertCrossing[];
  unacknowledged: number;
  pausedUntil: number | null;
  now: number;
  /** IANA zone for times in labels (the system's in the app; fixed in tests). */
  timeZone?: string | undefined;
};

export type TrayActions = {
  open(): void;
  openTicket(ticketNumber: string): void;
  acknowledgeAll(): void;
  pause(): void;
  resume(): void;
  quit(): void;
};

export const TRAY_BREACHES_LISTED = 5;
/** Further out than this, a bare "09:30" could be read as today. */
const FAR_MS = 20 * 3_600_000;

export function trayTooltip(atRisk: number): string {
  if (atRisk === 0) return 'Tierdesk: nothing at risk';
  return `Tierdesk: ${atRisk} ticket${atRisk === 1 ? '' : 's'} at risk of breaching`;
}

/** "14:05" today, "Tue 09:30" further out: the menu is static text, so no "in 12 min" that goes stale. */
export function clockLabel(ms: number, now: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  if (ms - now > FAR_MS) options.weekday = 'short';
  return new Intl.DateTimeFormat('en-GB', options).format(ms);
}

export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const { atRisk, nextBreaches, unacknowledged, pausedUntil, now, timeZone } = state;
  const breaches: MenuItemConstructorOptions[] = nextBreaches.length
    ? nextBreaches.slice(0, TRAY_BREACHES_LISTED).map((c) => ({
        label: `${c.ticketNumber} · ${c.clock} breach at ${clockLabel(c.at, now, timeZone)}`,
        click: () => actions.openTicket(c.ticketNumber),
      }))
    : [{ label: 'No breaches ahead', enabled: false }];
  const acknowledge: MenuItemConstructorOptions[] = unacknowledged
    ? [{ label: `Acknowledge ${unacknowledged} breach${unacknowledged === 1 ? '' : 'es'}`, click: actions.acknowledgeAll }]
    : [];
  const pause: MenuItemConstructorOptions =
    pausedUntil !== null
      ? { label: `Resume alerts (paused until ${clockLabel(pausedUntil, now, timeZone)})`, click: actions.resume }
      : { label: 'Pause alerts for 1 h', toolTip: 'S1 alerts still come through', click: actions.pause };
  return [
    { label: atRisk === 0 ? 'Nothing at risk' : `${atRisk} at risk`, enabled: false },
    { type: 'separator' },
    { label: 'Next breaches', enabled: false },
    ...breaches,
    { type: 'separator' },
    ...acknowledge,
    { label: 'Open Tierdesk', click: actions.open },
    pause,
    { type: 'separator' },
    { label: 'Quit', click: actions.quit },
  ];
}
