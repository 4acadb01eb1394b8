import { MINUTE_MS } from '../time/duration';
import { createAlertGate, type AlertGate } from './alert-gate';
import { alertKey, BREACH_PERCENT, toLocalCrossings, type AlertCrossing, type AlertSchedule } from './alert-schedule';
import type { AlertSettings } from './alert-settings';
import type { FiredAlert } from './fired-alert';
import { planAlerts, type AlertNotification } from './plan-alerts';

/**
 * Fires the schedule's alerts on time with exactly one timer, armed for the
 * next instant anything can become due (planAlerts' `wakeAt`, or the end of
 * a pause) — no polling. Time and timers are injected: the desktop shell
 * passes Node's, the web fallback the browser's, tests fake ones.
 */
export type SchedulerTimers = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** Where announced alerts are remembered (a JSON file in main, localStorage on the web). */
export type FiredMemory = {
  readonly map: ReadonlyMap<string, FiredAlert>;
  record(entries: readonly FiredAlert[]): unknown;
  acknowledge(keys: readonly string[], now: number): number;
  prune(scheduledKeys: ReadonlySet<string>, now: number): void;
};

export type AlertSchedulerDeps = {
  timers: SchedulerTimers;
  memory: FiredMemory;
  settings: AlertSettings;
  notify(notification: AlertNotification): void;
  /** Called after every run (tray menu and count refresh). */
  onChange?(): void;
};

/** Longer waits are split: a timer cannot be armed for more than ~24.8 days, and a day is plenty. */
const MAX_TIMER_MS = 24 * 60 * MINUTE_MS;

export class AlertScheduler {
  private crossings: AlertCrossing[] = [];
  private settings: AlertSettings;
  private gate: AlertGate;
  private paused: number | null = null;
  private timer: unknown = null;

  constructor(private readonly deps: AlertSchedulerDeps) {
    this.settings = deps.settings;
    this.gate = createAlertGate(deps.settings);
  }

  setSchedule(schedule: AlertSchedule): void {
    this.crossings = toLocalCrossings(schedule);
    this.deps.memory.prune(new Set(this.crossings.map(alertKey)), this.deps.timers.now());
    this.run();
  }

  /** Throws (ValidationError) for a shift or quiet-hours calendar that cannot be built; the old settings stay. */
  setSettings(settings: AlertSettings): void {
    this.gate = createAlertGate(settings);
    this.settings = settings;
    this.run();
  }

  /** Holds non-S1 alerts for `minutes`; 0 resumes at once. */
  pause(minutes: number): number | null {
    this.paused = minutes > 0 ? this.deps.timers.now() + minutes * MINUTE_MS : null;
    this.run();
    return this.pausedUntil;
  }

  get currentSettings(): AlertSettings {
    return this.settings;
  }

  get pausedUntil(): number | null {
    return this.paused !== null && this.paused > this.deps.timers.now() ? this.paused : null;
  }

  /** Stops the repeats of these breach alerts; answers how many were stopped. */
  acknowledge(keys: readonly string[]): number {
    const changed = this.deps.memory.acknowledge(keys, this.deps.timers.now());
    if (changed) this.run();
    return changed;
  }

  /** Announced breaches still repeating. */
  unacknowledgedBreaches(): string[] {
    const scheduled = new Set(this.crossings.map(alertKey));
    return [...this.deps.memory.map.values()]
      .filter((e) => e.threshold >= BREACH_PERCENT && e.acknowledgedAt === null && scheduled.has(e.key))
      .map((e) => e.key);
  }

  /** The next breaches ahead, one per ticket clock, soonest first (the tray menu lists them). */
  upcomingBreaches(limit: number): AlertCrossing[] {
    const now = this.deps.timers.now();
    return this.crossings
      .filter((c) => c.threshold >= BREACH_PERCENT && c.at > now)
      .sort((a, b) => a.at - b.at)
      .slice(0, limit);
  }

  /** Decides, shows, remembers and re-arms. Also call after the system resumes from sleep. */
  run(): void {
    const { timers, memory, notify } = this.deps;
    const now = timers.now();
    const plan = planAlerts({ crossings: this.crossings, fired: memory.map, settings: this.settings, gate: this.gate, pausedUntil: this.pausedUntil, now });
    // Remember before showing: a crash in between loses one notification rather than repeating it forever.
    memory.record(plan.record);
    for (const notification of plan.notifications) notify(notification);
    this.arm(plan.wakeAt, now);
    this.deps.onChange?.();
  }

  dispose(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(wakeAt: number | null, now: number): void {
    this.dispose();
    const pauseEnds = this.pausedUntil;
    const next = Math.min(wakeAt ?? Infinity, pauseEnds ?? Infinity);
    if (next === Infinity) return;
    const delay = Math.min(Math.max(0, next - now), MAX_TIMER_MS);
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      this.run();
    }, delay);
  }
}
