import type { Notification, NotificationConstructorOptions } from 'electron';
import type { AlertNotification } from '../../shared/alerts/plan-alerts';

/**
 * Shows one alert as a native notification. Click opens the ticket; the
 * Acknowledge button (macOS; elsewhere the tray menu and the app offer it)
 * stops a breach's repeats. Notifications are kept referenced until closed:
 * a garbage-collected notification loses its click handler.
 */
export type AlertNotificationHandlers = { openTicket(ticketNumber: string): void; acknowledge(keys: readonly string[]): void };

const MAX_LIVE = 50;
const live = new Set<Notification>();

export function alertNotificationOptions(n: AlertNotification): NotificationConstructorOptions {
  const acknowledgeable = n.acknowledgeKeys.length > 0;
  return {
    title: n.title,
    body: n.body,
    urgency: n.critical ? 'critical' : 'normal',
    timeoutType: acknowledgeable ? 'never' : 'default',
    actions: acknowledgeable ? [{ type: 'button', text: 'Acknowledge' }] : [],
  };
}

export function showAlertNotification(
  NotificationCtor: new (options: NotificationConstructorOptions) => Notification,
  n: AlertNotification,
  handlers: AlertNotificationHandlers,
): Notification {
  const notification = new NotificationCtor(alertNotificationOptions(n));
  notification.on('click', () => handlers.openTicket(n.ticketNumber));
  notification.on('action', (_event, index) => {
    if (index === 0) handlers.acknowledge(n.acknowledgeKeys);
  });
  notification.on('close', () => live.delete(notification));
  live.add(notification);
  if (live.size > MAX_LIVE) live.delete(live.values().next().value!);
  notification.show();
  return notification;
}
