/** How far back an offline action may be dated: older client times are clamped (and the audit keeps both). */
export const MAX_OFFLINE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * When an action counts as done. A field technician's offline work keeps the
 * time it was done (their client corrects its clock by the measured server
 * offset), so SLA clocks see the real response or resolution time, not the
 * time the laptop found a network. The time is clamped: never in the future,
 * never before the ticket's last recorded event, never beyond MAX_OFFLINE_MS.
 */
export function effectiveTime(clientTime: number, serverNow: number, lastEventAt: number | null): number {
  const floor = Math.max(lastEventAt ?? 0, serverNow - MAX_OFFLINE_MS);
  return Math.min(serverNow, Math.max(clientTime, floor));
}
