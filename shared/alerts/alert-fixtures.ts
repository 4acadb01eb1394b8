import type { Severity } from '../model/levels';
import type { AlertClock, AlertCrossing } from './alert-schedule';

/** Test helper: a crossing with readable defaults (ticket INC-000<n>, breach at `dueAt`). */
export function crossing(
  n: number,
  threshold: number,
  at: number,
  extra: { severity?: Severity; clock?: AlertClock; dueAt?: number } = {},
): AlertCrossing {
  return {
    ticketId: `t${n}`,
    ticketNumber: `INC-${String(n).padStart(6, '0')}`,
    title: `Ticket ${n}`,
    severity: extra.severity ?? 'S3',
    clock: extra.clock ?? 'resolution',
    threshold,
    at,
    dueAt: extra.dueAt ?? (threshold === 100 ? at : at + 600_000),
    reason: 'owned',
  };
}
