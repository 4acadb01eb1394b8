import type { ClockKind, ClockSnapshot } from '../../../../shared/sla/clock-snapshot';
import { readClock } from '../../../../shared/sla/clock-snapshot';
import { thresholdReached } from '../../../../shared/sla/ticket-sla';
import { getActivePolicy } from '../../app/policy';
import { formatDateTime, formatSpan } from '../../time/format';
import { useNow } from '../../time/ticker';

const LABEL: Record<ClockKind, string> = { response: 'Response', resolution: 'Resolution' };

function pauseLabel(reason: string | null): string {
  const def = getActivePolicy().policy.pauseReasons.find((r) => r.id === reason);
  return def?.label ?? reason ?? 'no reason';
}

/** A live SLA countdown, re-rendered by the shared ticker while it is on screen. */
export function Countdown({ kind, clock }: { kind: ClockKind; clock: ClockSnapshot }) {
  const now = useNow();
  const { calendars, thresholds } = getActivePolicy();
  const reading = readClock(clock, now, calendars(clock.calendar));
  // A stopped clock is done: colour only the outcome (breached or not), not how close it came.
  const level =
    clock.state === 'stopped' ? (reading.breachedAt !== null ? 100 : null) : thresholdReached(reading.percent, thresholds[kind]);
  const percent = Math.floor(reading.percent);

  let text: string;
  switch (clock.state) {
    case 'running':
      text = reading.remainingMs > 0 ? `${formatSpan(reading.remainingMs)} left` : `${formatSpan(reading.remainingMs)} over`;
      break;
    case 'paused':
      text = `Paused · ${pauseLabel(clock.pauseReason)}`;
      break;
    case 'stopped':
      text = reading.breachedAt !== null ? 'Breached' : 'Met';
      break;
    case 'not_started':
      text = 'Not started';
      break;
  }
  const due = reading.dueAt !== null ? `due ${formatDateTime(reading.dueAt)}` : '';
  return (
    <span
      className={`countdown countdown--${clock.state} sla-level-${level ?? 0}`}
      data-clock={kind}
      data-level={level ?? 0}
      title={`${LABEL[kind]} SLA: ${percent}% of target elapsed${due ? `, ${due}` : ''}`}
      aria-label={`${LABEL[kind]}: ${text}, ${percent}% elapsed`}
    >
      {text}
    </span>
  );
}
