import { matchesTicket } from './ticket-match';
import type { Severity } from '../model/levels';
import type { EscalationAction, EscalationKind, Threshold } from '../policy/escalation-schema';
import { perPolicy } from '../policy/per-policy';
import type { Policy } from '../policy/schema';
import { calendarLookup, type CalendarLookup } from '../sla/calendars';
import { accruedAt } from '../sla/clock-snapshot';
import type { ComputedClock, ComputedClockKind, TicketClocks } from '../sla/ticket-clocks';
import { formatSpan } from '../time/format-instant';
import { neededFor, runningInstant, thresholdInstant, thresholdsFor } from './clock-instants';

/** One escalation step that is due. Fire it once: `id` is stable, so record it (an action_fired event, or the tray's fired set). */
export type DueAction = {
  /** thresholdActionId or ruleActionId. */
  id: string;
  ticketId: string;
  source: 'threshold' | 'time_rule';
  /** 0% thresholds are plain notifications; other thresholds alert up the chain; time rules say which kind they are. */
  escalation: EscalationKind | 'notification';
  clock: ComputedClockKind;
  threshold: number | null;
  ruleId: string | null;
  actions: EscalationAction[];
  /** When it became due (≤ nowMs). */
  dueAt: number;
  reason: string;
};

const NOTHING_FIRED: ReadonlySet<string> = new Set();

type ClockPaths = Record<ComputedClockKind, readonly Threshold[]>;

/** What nextActionAt reads from a policy for every ticket, looked up once per policy object: the calendars and each severity's escalation paths. */
class ActionContext {
  readonly calendars: CalendarLookup;
  private readonly paths = new Map<Severity, ClockPaths>();

  constructor(private readonly policy: Policy) {
    this.calendars = calendarLookup(policy);
  }

  /** thresholdsFor each clock kind, for tickets of `severity`. */
  thresholds(severity: Severity): ClockPaths {
    let paths = this.paths.get(severity);
    if (!paths) {
      const policy = this.policy;
      paths = { response: thresholdsFor(policy, 'response', severity), resolution: thresholdsFor(policy, 'resolution', severity), acceptance: thresholdsFor(policy, 'acceptance', severity) };
      this.paths.set(severity, paths);
    }
    return paths;
  }
}

const actionContext = perPolicy((policy) => new ActionContext(policy));

/** The stable id of a threshold step: `${ticketId}:${clockKey}:${percent}` (clockKey: "response", "resolution@2", "acceptance#1"). */
export const thresholdActionId = (ticketId: string, clockKey: string, percent: number): string => `${ticketId}:${clockKey}:${percent}`;
/** The stable id of a time-rule step: `${ticketId}:rule:${ruleId}`. */
export const ruleActionId = (ticketId: string, ruleId: string): string => `${ticketId}:rule:${ruleId}`;

/** What an action id names, read from its end (the ticket id is not needed). */
export function parseActionId(id: string): { rule: string } | { clock: ComputedClockKind; percent: number } {
  const parts = id.split(':');
  const key = parts[parts.length - 2] ?? '';
  const tail = parts[parts.length - 1] ?? '';
  if (key === 'rule') return { rule: tail };
  return { clock: key.split(/[@#]/)[0] as ComputedClockKind, percent: Number(tail) };
}
const CLOCK_NAMES: Record<ComputedClockKind, string> = { response: 'Response', resolution: 'Resolution', acceptance: 'Acceptance' };

/** Whether an action id was recorded by the caller or by an action_fired event. */
function recorded(id: string, fired: ReadonlySet<string>, clocks: TicketClocks): boolean {
  return fired.has(id) || clocks.fired.has(id);
}

const CLOCK_FIELDS = ['response', 'resolution', 'acceptance'] as const;

function describe(clock: ComputedClock, percent: number): string {
  const target = `${formatSpan(clock.snapshot.targetMs)} ${clock.snapshot.calendar}`;
  const subject = clock.kind === 'acceptance' ? `Acceptance in ${clock.tier ?? '?'}` : `${CLOCK_NAMES[clock.kind]} (${clock.priority})`;
  if (percent === 0) return `${subject}: clock started, target ${target}`;
  if (percent === 100) return `${subject}: target of ${target} breached`;
  return `${subject}: ${percent}% of the ${target} target used`;
}

/**
 * The escalation actions due at `nowMs` and not yet fired, oldest first.
 * Input is computeClocks' result (computed once per change and reused by the
 * UI, dueActions and nextActionAt); `fired` adds ids the caller recorded
 * outside the event stream. Stopped clocks fire nothing more, and nothing
 * fires for a resolved or closed ticket: the breach itself stays recorded
 * on the clock (breachedAt).
 */
export function dueActions(clocks: TicketClocks, policy: Policy, nowMs: number, fired: ReadonlySet<string> = NOTHING_FIRED): DueAction[] {
  const state = clocks.state;
  if (!state || state.status !== 'open') return [];
  const calendars = calendarLookup(policy);
  const out: DueAction[] = [];
  for (const field of CLOCK_FIELDS) {
    const clock = clocks[field];
    if (!clock || clock.state === 'stopped') continue;
    const elapsed = nowMs === clocks.asOf ? clock.elapsedMs : accruedAt(clock.snapshot, nowMs, calendars(clock.snapshot.calendar));
    const percent = (elapsed / clock.snapshot.targetMs) * 100;
    for (const t of thresholdsFor(policy, clock.kind, state.severity)) {
      if (percent < t.atPercent) break;
      const id = thresholdActionId(state.ticketId, clock.key, t.atPercent);
      if (recorded(id, fired, clocks)) continue;
      const at = thresholdInstant(clock, t.atPercent, calendars);
      if (at === null || at > nowMs) continue;
      out.push({
        id,
        ticketId: state.ticketId,
        source: 'threshold',
        escalation: t.atPercent === 0 ? 'notification' : 'hierarchical',
        clock: clock.kind,
        threshold: t.atPercent,
        ruleId: null,
        actions: t.actions,
        dueAt: at,
        reason: describe(clock, t.atPercent),
      });
    }
  }
  for (const rule of policy.timeRules) {
    const clock = clocks[rule.clock];
    const id = ruleActionId(state.ticketId, rule.id);
    if (!clock || clock.state === 'stopped' || !matchesTicket(rule.when, state) || recorded(id, fired, clocks)) continue;
    const at = runningInstant(clock, rule.after, calendars(rule.calendar));
    if (at === null || at > nowMs) continue;
    out.push({
      id,
      ticketId: state.ticketId,
      source: 'time_rule',
      escalation: rule.escalation,
      clock: rule.clock,
      threshold: null,
      ruleId: rule.id,
      actions: rule.actions,
      dueAt: at,
      reason: `${rule.label} (${formatSpan(rule.after)} on ${rule.calendar})`,
    });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
}

/**
 * The earliest instant after `nowMs` at which a not-yet-fired action becomes
 * due, or null when nothing will without a new event (paused, stopped,
 * resolved). Callers keep one timer: at that instant, call dueActions, fire
 * and record what it returns, and ask again. After any new event, recompute
 * the clocks and ask again.
 */
export function nextActionAt(clocks: TicketClocks, policy: Policy, nowMs: number, fired: ReadonlySet<string> = NOTHING_FIRED): number | null {
  const state = clocks.state;
  if (!state || state.status !== 'open') return null;
  const context = actionContext(policy);
  const calendars = context.calendars;
  const paths = context.thresholds(state.severity);
  // Ids are only built when something was recorded: this runs for every ticket on every change.
  const anyRecorded = fired.size > 0 || clocks.fired.size > 0;
  let next = Math.min(
    nextThresholdAt(clocks.response, paths.response, clocks, calendars, nowMs, fired, anyRecorded),
    nextThresholdAt(clocks.resolution, paths.resolution, clocks, calendars, nowMs, fired, anyRecorded),
    nextThresholdAt(clocks.acceptance, paths.acceptance, clocks, calendars, nowMs, fired, anyRecorded),
  );
  for (const rule of policy.timeRules) {
    const clock = rule.clock === 'response' ? clocks.response : clocks.resolution;
    if (!clock || clock.state !== 'running') continue;
    // Open time never outruns wall time, so a rule cannot come due before creation + after: skip it when something earlier is known.
    if (clock.phases[0]!.from + rule.after >= next || !matchesTicket(rule.when, state)) continue;
    // A clock still in its first phase has run without a break since creation, so on its own calendar it has run
    // exactly its elapsed time: a rule it has already passed came due before now (no calendar arithmetic needed).
    if (nowMs === clocks.asOf && clock.phases.length === 1 && clock.snapshot.calendar === rule.calendar && clock.elapsedMs >= rule.after) continue;
    if (anyRecorded && recorded(ruleActionId(state.ticketId, rule.id), fired, clocks)) continue;
    const at = runningInstant(clock, rule.after, calendars(rule.calendar));
    if (at !== null && at > nowMs) next = Math.min(next, at);
  }
  return next === Infinity ? null : next;
}

/** The earliest instant after `nowMs` at which a not-yet-fired threshold of `clock` (on the escalation path `thresholds`) becomes due, or Infinity. */
function nextThresholdAt(
  clock: ComputedClock | null,
  thresholds: readonly Threshold[],
  clocks: TicketClocks,
  calendars: CalendarLookup,
  nowMs: number,
  fired: ReadonlySet<string>,
  anyRecorded: boolean,
): number {
  if (!clock || clock.state !== 'running') return Infinity;
  const state = clocks.state!;
  const snapshot = clock.snapshot;
  const calendar = calendars(snapshot.calendar);
  const elapsed = nowMs === clocks.asOf ? clock.elapsedMs : accruedAt(snapshot, nowMs, calendar);
  let next = Infinity;
  for (const t of thresholds) {
    if (anyRecorded && recorded(thresholdActionId(state.ticketId, clock.key, t.atPercent), fired, clocks)) continue;
    if (t.atPercent === 0) {
      if (clock.startedAt > nowMs) next = Math.min(next, clock.startedAt);
      continue;
    }
    const need = neededFor(t.atPercent, snapshot.targetMs);
    if (elapsed >= need) continue;
    // Later thresholds of the same clock are later still.
    return Math.min(next, calendar.addBusinessTime(snapshot.since ?? nowMs, need - snapshot.elapsedMs));
  }
  return next;
}
