import { MINUTE_MS } from '../time/duration';
import type { AlertGate } from './alert-gate';
import { alertKey, BREACH_PERCENT, type AlertCrossing } from './alert-schedule';
import type { AlertSettings } from './alert-settings';
import { crossingText, repeatText, stormText } from './alert-text';
import type { FiredAlert } from './fired-alert';

/**
 * The alert decision, pure: given the schedule (on the local clock), what
 * was already announced, the settings and `now`, which notifications to show
 * now, what to remember, and when to look again. The desktop scheduler and
 * the web fallback each keep one timer for `wakeAt` and call this when it
 * rings or when anything changes; neither polls.
 *
 * Rules: each (ticket, clock, threshold) is announced once; when several
 * thresholds of one clock are due together (the laptop slept) only the
 * highest is shown. An unacknowledged breach repeats every
 * `breachRepeatMinutes`. Outside the shift, in quiet hours and while paused,
 * non-S1 alerts wait and arrive when allowed. Non-S1 alerts that would reach
 * at least `stormMin` tickets within the coalescing window are one summary.
 * S1 is never held and never folded into a summary.
 */
export type AlertNotification = {
  kind: 'crossing' | 'repeat' | 'storm';
  title: string;
  body: string;
  /** Opened when the notification is clicked: the most urgent ticket in it. */
  ticketNumber: string;
  keys: string[];
  /** Breach keys whose repeats an Acknowledge stops; empty means no Acknowledge button. */
  acknowledgeKeys: string[];
  critical: boolean;
};

export type AlertPlanInput = {
  crossings: readonly AlertCrossing[];
  fired: ReadonlyMap<string, FiredAlert>;
  settings: AlertSettings;
  gate: AlertGate;
  pausedUntil: number | null;
  now: number;
};

export type AlertPlan = { notifications: AlertNotification[]; record: FiredAlert[]; wakeAt: number | null };

type Verdict = { kind: 'due' } | { kind: 'repeat' } | { kind: 'wait'; at: number } | { kind: 'never' };

/** When non-S1 alerts may next be shown: now, later, or not until settings change (null). */
function releaseAt(input: AlertPlanInput): number | null {
  const { now, pausedUntil, gate } = input;
  const from = pausedUntil !== null && pausedUntil > now ? pausedUntil : now;
  return gate.nextAllowed(from);
}

function judge(c: AlertCrossing, entry: FiredAlert | undefined, input: AlertPlanInput, release: number | null): Verdict {
  const { now, settings } = input;
  const allowedFrom = c.severity === 'S1' ? now : release;
  let readyAt: number;
  if (!entry) {
    readyAt = c.at;
  } else {
    const repeatMs = settings.breachRepeatMinutes * MINUTE_MS;
    if (c.threshold < BREACH_PERCENT || entry.acknowledgedAt !== null || repeatMs === 0) return { kind: 'never' };
    readyAt = Math.max(entry.lastNotifiedAt + repeatMs, c.at);
  }
  if (readyAt > now) return { kind: 'wait', at: allowedFrom === null ? readyAt : Math.max(readyAt, allowedFrom) };
  if (allowedFrom === null) return { kind: 'never' };
  if (allowedFrom > now) return { kind: 'wait', at: allowedFrom };
  return entry ? { kind: 'repeat' } : { kind: 'due' };
}

const fresh = (c: AlertCrossing, now: number, lastNotifiedAt = now): FiredAlert => ({
  key: alertKey(c),
  ticketId: c.ticketId,
  clock: c.clock,
  threshold: c.threshold,
  firedAt: now,
  lastNotifiedAt,
  acknowledgedAt: null,
});

const breachKeys = (items: readonly AlertCrossing[]) => items.filter((c) => c.threshold >= BREACH_PERCENT).map(alertKey);
const byUrgency = (a: AlertCrossing, b: AlertCrossing) => a.dueAt - b.dueAt || a.at - b.at;

export function planAlerts(input: AlertPlanInput): AlertPlan {
  const { now, fired, settings } = input;
  const wanted = new Set(settings.thresholds);
  const crossings = input.crossings.filter((c) => wanted.has(c.threshold));
  const release = releaseAt(input);
  const windowMs = settings.coalesceWindowMinutes * MINUTE_MS;

  // Several due thresholds of one clock: announce the highest, remember them all.
  const highest = new Map<string, AlertCrossing>();
  const due: AlertCrossing[] = [];
  const repeats: AlertCrossing[] = [];
  const ahead: AlertCrossing[] = [];
  for (const c of crossings) {
    const verdict = judge(c, fired.get(alertKey(c)), input, release);
    if (verdict.kind === 'due') {
      due.push(c);
      const clockId = `${c.ticketId}:${c.clock}`;
      const best = highest.get(clockId);
      if (!best || c.threshold > best.threshold) highest.set(clockId, c);
    } else if (verdict.kind === 'repeat') {
      repeats.push(c);
    } else if (verdict.kind === 'wait' && !fired.has(alertKey(c)) && c.severity !== 'S1' && release === now && c.at <= now + windowMs) {
      ahead.push(c);
    }
  }
  const shown = [...highest.values()];
  const record: FiredAlert[] = due.map((c) => fresh(c, now));
  const notifications: AlertNotification[] = [];

  const single = (c: AlertCrossing, kind: 'crossing' | 'repeat') => {
    const text = kind === 'crossing' ? crossingText(c, now) : repeatText(c, now);
    notifications.push({ kind, ...text, ticketNumber: c.ticketNumber, keys: [alertKey(c)], acknowledgeKeys: breachKeys([c]), critical: c.severity === 'S1' });
  };
  for (const c of shown.filter((c) => c.severity === 'S1').sort(byUrgency)) single(c, 'crossing');
  for (const c of repeats.filter((c) => c.severity === 'S1').sort(byUrgency)) single(c, 'repeat');

  const routineShown = shown.filter((c) => c.severity !== 'S1');
  const routineRepeats = repeats.filter((c) => c.severity !== 'S1');
  const routineNow = [...routineShown, ...routineRepeats];
  const stormTickets = new Set([...routineNow, ...ahead].map((c) => c.ticketId));
  if (routineNow.length > 0 && stormTickets.size >= settings.stormMin) {
    const items = [...routineNow, ...ahead].sort(byUrgency);
    notifications.push({
      kind: 'storm',
      ...stormText(items, now, settings.coalesceWindowMinutes),
      ticketNumber: items[0]!.ticketNumber,
      keys: items.map(alertKey),
      acknowledgeKeys: breachKeys(items),
      critical: false,
    });
    // Announced ahead of time: a breach announced early repeats only once it has really happened.
    for (const c of ahead) record.push(fresh(c, now, Math.max(now, c.at)));
  } else {
    for (const c of routineShown.sort(byUrgency)) single(c, 'crossing');
    for (const c of routineRepeats.sort(byUrgency)) single(c, 'repeat');
  }
  for (const c of repeats) {
    const entry = fired.get(alertKey(c))!;
    record.push({ ...entry, lastNotifiedAt: now });
  }

  return { notifications, record, wakeAt: nextWake(crossings, fired, record, input, release) };
}

/** The earliest instant anything could become due once `record` is remembered. */
function nextWake(
  crossings: readonly AlertCrossing[],
  fired: ReadonlyMap<string, FiredAlert>,
  record: readonly FiredAlert[],
  input: AlertPlanInput,
  release: number | null,
): number | null {
  const merged = new Map(fired);
  for (const entry of record) merged.set(entry.key, entry);
  const after = { ...input, fired: merged };
  let wake = Infinity;
  for (const c of crossings) {
    const verdict = judge(c, merged.get(alertKey(c)), after, release);
    if (verdict.kind === 'wait') wake = Math.min(wake, verdict.at);
  }
  return wake === Infinity ? null : wake;
}
