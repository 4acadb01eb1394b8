import type { ClockKind, ClockSnapshot } from '../../../../shared/sla/clock-snapshot';
import { readClock } from '../../../../shared/sla/clock-snapshot';
import { thresholdReached } from '../../../../shared/sla/ticket-sla';
import { getActivePolicy } from '../../app/policy';
import { formatDateTime, formatSpan, formatUpcoming } from '../../time/format';
import { useNow } from '../../time/ticker';

const LABEL: Record<ClockKind | 'acceptance', string> = { response: 'Response', resolution: 'Resolution', acceptance: 'Accept within' };

export function pauseLabel(reason: string | null): string {
  const def = getActivePolicy().policy.pauseReasons.find((r) => r.id === reason);
  return def?.label ?? reason ?? 'no reason';
}

/**
 * A live SLA countdown, re-rendered by the shared ticker while it is on
 * screen. The text is business time (what the SLA counts); the tooltip adds
 * the calendar time to the deadline, since "2h left" on a business calendar
 * may be tomorrow morning. Outside the calendar's hours the text says when
 * the clock counts again ("1h 08m left", "resumes 08:00" under it), so a queue sorted
 * by real deadline does not look out of order.
 */
export function Countdown({ kind, clock }: { kind: ClockKind | 'acceptance'; clock: ClockSnapshot }) {
  const now = useNow();
  const { calendars, thresholds, policy } = getActivePolicy();
  const calendar = calendars(clock.calendar);
  const reading = readClock(clock, now, calendar);
  // Running but outside business hours (a night, a weekend, a holiday): not counting until it opens.
  const resumesAt = clock.state === 'running' && !calendar.isOpen(now) ? calendar.nextOpen(now) : null;
  // A stopped clock is done: colour only the outcome (breached or not), not how close it came.
  const steps = kind === 'acceptance' ? policy.escalationMatrix.acceptance.map((t) => t.atPercent) : thresholds[kind];
  const level = clock.state === 'stopped' ? (reading.breachedAt !== null ? 100 : null) : thresholdReached(reading.percent, steps);
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
  const counted = clock.calendar === '24x7' ? 'calendar time (24×7)' : `business time on the "${clock.calendar}" calendar`;
  const due =
    reading.dueAt !== null
      ? `; due ${formatDateTime(reading.dueAt)}, ${reading.dueAt > now ? `in ${formatSpan(reading.dueAt - now)}` : `${formatSpan(now - reading.dueAt)} ago`} of calendar time`
      : '';
  const resumes = resumesAt !== null ? formatUpcoming(resumesAt, now) : null;
  const closed = resumesAt !== null ? `; not counting now (outside the calendar's hours), counts again ${formatDateTime(resumesAt)}` : '';
  const badge = (
    <span
      className={`countdown countdown--${clock.state} sla-level-${level ?? 0}`}
      data-clock={kind}
      data-level={level ?? 0}
      title={`${LABEL[kind]} SLA: ${percent}% of target elapsed, counted in ${counted}${due}${closed}`}
      aria-label={`${LABEL[kind]}: ${text}${resumes ? `, resumes ${resumes}` : ''}, ${percent}% elapsed`}
      data-resumes-at={resumesAt ?? undefined}
    >
      {text}
    </span>
  );
  if (!resumes) return badge;
  // Under the badge, not inside it (the badge keeps its one-line shape); the badge's name already says it.
  return (
    <span className="countdown-with-resume">
      {badge}
      <span className="countdown-resumes" aria-hidden="true" title={`Not counting now; resumes ${resumes}`}>
        <span className="countdown-resumes-text">resumes {resumes}</span>
      </span>
    </span>
  );
}
