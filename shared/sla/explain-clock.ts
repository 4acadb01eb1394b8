import { thresholdInstant, thresholdsFor } from '../escalation/clock-instants';
import type { EscalationAction } from '../policy/escalation-schema';
import type { Policy } from '../policy/schema';
import { formatInstant, formatSpan } from '../time/format-instant';
import { calendarLookup } from './calendars';
import { closedPeriods } from './closed-periods';
import { describeCalendar } from './describe-calendar';
import type { ComputedClock, ComputedClockKind, Retarget, TicketClocks } from './ticket-clocks';

/** One line of a clock's "why", with its data for the UI and its sentence. Entries are in time order. */
export type ExplainEntry = { at: number | null; text: string } & (
  | { kind: 'calendar'; calendar: string; timeZone: string; schedule: string }
  | { kind: 'started'; createdAt: number; targetMs: number; calendar: string }
  | { kind: 'closed'; to: number; holidays: string[] }
  | { kind: 'closed_more'; count: number }
  | { kind: 'paused'; to: number | null; reason: string; reasonLabel: string; by: string; role: string; excludedMs: number }
  | ({ kind: 'retargeted' } & Retarget)
  | { kind: 'threshold'; percent: number; actions: EscalationAction[]; fired: boolean }
  | { kind: 'breached' }
  | { kind: 'stopped'; outcome: 'met' | 'breached' }
  | { kind: 'ignored'; event: string; reason: string }
  | { kind: 'status'; state: string; elapsedMs: number; remainingMs: number; percent: number; dueAt: number | null }
);

export type ClockExplanation = { clock: ComputedClockKind; entries: ExplainEntry[]; text: string };

export type ExplainOptions = {
  /** Zone for the times in the text (the agent's); the clock's calendar zone by default. */
  timeZone?: string;
  /** A person's name for an agent id (who paused); the id when unknown. */
  agentName?: (id: string) => string | undefined;
  /** Closed periods listed one by one before they are summarised. */
  maxClosedPeriods?: number;
};

const CLOCK_NAMES: Record<ComputedClockKind, string> = { response: 'Response', resolution: 'Resolution', acceptance: 'Acceptance' };
const actionText = (a: EscalationAction) => a.replace(/_/g, ' ').replace(/\bit\b/, 'IT');

/**
 * A readable account of one clock for the "why" panel: the calendar and
 * zone, when it started (and why later than creation), closed periods and
 * holidays it skipped, each pause with its reason and who, re-targets,
 * thresholds passed and whether their actions fired, events the policy
 * refused, and where it stands now. Structured entries plus one `text`.
 */
export function explainClock(
  clocks: TicketClocks,
  kind: ComputedClockKind,
  policy: Policy,
  nowMs: number,
  options: ExplainOptions = {},
): ClockExplanation | null {
  const clock: ComputedClock | null = clocks[kind];
  if (!clock) return null;
  const calendars = calendarLookup(policy);
  const calendar = calendars(clock.snapshot.calendar);
  const zone = options.timeZone ?? calendar.timeZone;
  const when = (ms: number) => formatInstant(ms, zone);
  const entries: ExplainEntry[] = [];
  const add = (entry: ExplainEntry) => entries.push(entry);

  const first = clock.phases[0]!;
  const firstCalendar = calendars(first.calendar);
  const spec = policy.calendars[clock.snapshot.calendar];
  const schedule = spec ? describeCalendar(spec) : clock.snapshot.calendar;
  add({ kind: 'calendar', at: null, calendar: clock.snapshot.calendar, timeZone: calendar.timeZone, schedule, text: `Calendar "${clock.snapshot.calendar}" (${calendar.timeZone}): ${schedule}.` });
  const startedAt = firstCalendar.nextOpen(first.from);
  const target = `${formatSpan(first.targetMs)} on "${first.calendar}"`;
  add({
    kind: 'started',
    at: startedAt,
    createdAt: first.from,
    targetMs: first.targetMs,
    calendar: first.calendar,
    text:
      startedAt > first.from
        ? `${when(startedAt)}: clock started at the first open instant (created ${when(first.from)}, outside open hours); target ${target}.`
        : `${when(startedAt)}: clock started ${kind === 'acceptance' ? 'at the escalation' : 'at creation'}; target ${target}.`,
  });

  const horizon = Math.min(nowMs, clocks.asOf);
  let closedCount = 0;
  const maxClosed = options.maxClosedPeriods ?? 10;
  for (const phase of clock.phases) {
    const end = Math.min(phase.to ?? horizon, horizon);
    const phaseCalendar = calendars(phase.calendar);
    if (phase.state === 'running') {
      for (const gap of closedPeriods(phaseCalendar, phase.from, end)) {
        closedCount++;
        if (closedCount > maxClosed) continue;
        const why = gap.holidays.length ? `holiday (${gap.holidays.join(', ')})` : 'outside open hours';
        add({ kind: 'closed', at: gap.from, to: gap.to, holidays: gap.holidays, text: `${when(gap.from)} → ${when(gap.to)}: closed, ${why}; not counted.` });
      }
    } else if (phase.state === 'paused' && phase.pause) {
      const excludedMs = phaseCalendar.businessTimeBetween(phase.from, end);
      const reasonLabel = policy.pauseReasons.find((r) => r.id === phase.pause?.reason)?.label ?? phase.pause.reason;
      const until = phase.to !== null && phase.to <= horizon ? `resumed ${when(phase.to)}` : 'still paused';
      add({
        kind: 'paused',
        at: phase.from,
        to: phase.to,
        reason: phase.pause.reason,
        reasonLabel,
        by: phase.pause.by,
        role: phase.pause.role,
        excludedMs,
        text: `${when(phase.from)}: paused by ${options.agentName?.(phase.pause.by) ?? phase.pause.by} (${phase.pause.role}) — ${reasonLabel}; ${until}; ${formatSpan(excludedMs)} of open time not counted.`,
      });
    }
  }
  if (closedCount > maxClosed) {
    add({ kind: 'closed_more', at: horizon, count: closedCount - maxClosed, text: `… and ${closedCount - maxClosed} more closed periods (nights, weekends, holidays), none counted.` });
  }
  for (const r of clock.retargets) {
    add({
      kind: 'retargeted',
      ...r,
      text: `${when(r.at)}: priority ${r.fromPriority} → ${r.toPriority}; target ${formatSpan(r.fromTargetMs)} "${r.fromCalendar}" → ${formatSpan(r.toTargetMs)} "${r.toCalendar}" (${r.rule === 'restart' ? 'restarted from zero' : `kept ${formatSpan(r.elapsedAfter)} already used`}).`,
    });
  }

  const severity = clocks.state?.severity ?? 'S4';
  for (const t of thresholdsFor(policy, kind, severity)) {
    const at = thresholdInstant(clock, t.atPercent, calendars);
    if (at === null || at > horizon) continue;
    const fired = clocks.fired.has(`${clocks.ticketId}:${clock.key}:${t.atPercent}`);
    const label = t.atPercent === 0 ? 'clock start' : `${t.atPercent}% of the target`;
    add({ kind: 'threshold', at, percent: t.atPercent, actions: t.actions, fired, text: `${when(at)}: reached ${label} → ${t.actions.map(actionText).join(', ')}${fired ? ' (done)' : ' (not recorded as fired)'}.` });
  }
  if (clock.breachedAt !== null && clock.breachedAt <= horizon) add({ kind: 'breached', at: clock.breachedAt, text: `${when(clock.breachedAt)}: target breached.` });
  const last = clock.phases[clock.phases.length - 1]!;
  if (last.state === 'stopped') {
    const outcome = clock.breachedAt !== null ? 'breached' : 'met';
    add({ kind: 'stopped', at: last.from, outcome, text: `${when(last.from)}: clock stopped, target ${outcome} (${formatSpan(clock.elapsedMs)} of ${formatSpan(clock.snapshot.targetMs)} used).` });
  }
  for (const i of clocks.ignored) {
    const relevant = i.clock === kind || (i.clock === undefined && (i.type === 'priority_changed' || (kind === 'response' && i.type === 'responded')));
    if (relevant) add({ kind: 'ignored', at: i.at, event: i.type, reason: i.reason, text: `${when(i.at)}: ${i.type.replace(/_/g, ' ')} not applied — ${i.reason}.` });
  }

  const due = clock.dueAt !== null ? `, due ${when(clock.dueAt)}` : '';
  const left = clock.remainingMs >= 0 ? `${formatSpan(clock.remainingMs)} left` : `${formatSpan(-clock.remainingMs)} over target`;
  add({
    kind: 'status',
    at: horizon,
    state: clock.state,
    elapsedMs: clock.elapsedMs,
    remainingMs: clock.remainingMs,
    percent: clock.percent,
    dueAt: clock.dueAt,
    text: `${when(horizon)}: ${clock.state.replace('_', ' ')}, ${formatSpan(clock.elapsedMs)} of ${formatSpan(clock.snapshot.targetMs)} used (${Math.round(clock.percent)}%), ${left}${due}.`,
  });

  const ordered = entries.map((e, i) => [e, i] as const).sort(([a, i], [b, j]) => (a.at ?? -Infinity) - (b.at ?? -Infinity) || i - j).map(([e]) => e);
  const header = `${CLOCK_NAMES[kind]} clock${clock.tier ? ` (accept in ${clock.tier})` : ` (${clock.priority})`}`;
  return { clock: kind, entries: ordered, text: [header, ...ordered.map((e) => `- ${e.text}`)].join('\n') };
}
