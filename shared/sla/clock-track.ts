import type { ActorRole } from '../model/ticket-event';
import type { Priority, Tier } from '../model/levels';
import {
  pauseClock,
  readClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockCalendar,
  type ClockSnapshot,
} from './clock-snapshot';
import type { ClockPhase, ComputedClock, ComputedClockKind, Retarget } from './ticket-clocks';

/**
 * One clock while a ticket's events are folded: the snapshot (what the
 * ticket record stores) plus the phases and re-targets that explain it.
 * The first phase begins at creation, not at the first open instant, so a
 * rule on another calendar (an S1 rule on 24×7 for a business-hours ticket)
 * counts from when the ticket was raised.
 */
export class ClockTrack {
  snapshot: ClockSnapshot;
  readonly phases: ClockPhase[];
  readonly retargets: Retarget[] = [];
  generation = 0;
  startedAt: number;
  pausedBy: { by: string; role: ActorRole; at: number } | null = null;

  constructor(
    readonly kind: ComputedClockKind,
    private readonly baseKey: string,
    public priority: Priority,
    readonly tier: Tier | null,
    calendarId: string,
    targetMs: number,
    atMs: number,
    calendar: ClockCalendar,
  ) {
    this.snapshot = startClock(calendarId, targetMs, atMs, calendar);
    this.startedAt = this.snapshot.startedAt ?? atMs;
    this.phases = [this.phase(atMs, 'running', 0, null)];
  }

  get key(): string {
    return this.generation ? `${this.baseKey}@${this.generation}` : this.baseKey;
  }

  pause(atMs: number, reason: string, by: string, role: ActorRole, calendar: ClockCalendar): void {
    this.snapshot = pauseClock(this.snapshot, atMs, reason, calendar);
    this.pausedBy = { by, role, at: atMs };
    this.begin(atMs, 'paused', { reason, by, role });
  }

  resume(atMs: number, calendar: ClockCalendar): void {
    this.snapshot = resumeClock(this.snapshot, atMs, calendar);
    this.pausedBy = null;
    this.begin(atMs, 'running', null);
  }

  stop(atMs: number, calendar: ClockCalendar): void {
    if (this.snapshot.state === 'stopped') return;
    this.snapshot = stopClock(this.snapshot, atMs, calendar);
    this.pausedBy = null;
    this.begin(atMs, 'stopped', null);
  }

  /** Applies a new priority's target (running or paused clocks; see Policy.retargetRule). */
  retarget(
    atMs: number,
    priority: Priority,
    calendarId: string,
    targetMs: number,
    rule: 'keep_elapsed' | 'restart',
    oldCalendar: ClockCalendar,
    newCalendar: ClockCalendar,
  ): void {
    const before = this.snapshot;
    const elapsedBefore = readClock(before, atMs, oldCalendar).elapsedMs;
    const elapsed = rule === 'restart' ? 0 : elapsedBefore;
    if (rule === 'restart') this.generation++;
    const breachedAt = rule === 'restart' ? null : (before.breachedAt ?? (elapsed >= targetMs ? atMs : null));
    if (before.state === 'running') {
      if (rule === 'restart') {
        this.snapshot = startClock(calendarId, targetMs, atMs, newCalendar);
        this.startedAt = this.snapshot.startedAt ?? atMs;
      } else {
        const dueAt = elapsed < targetMs ? newCalendar.addBusinessTime(atMs, targetMs - elapsed) : atMs;
        this.snapshot = { ...before, calendar: calendarId, targetMs, elapsedMs: elapsed, since: atMs, dueAt, breachedAt };
      }
    } else {
      this.snapshot = { ...before, calendar: calendarId, targetMs, elapsedMs: elapsed, breachedAt };
      if (rule === 'restart') this.startedAt = atMs;
    }
    this.retargets.push({
      at: atMs,
      fromPriority: this.priority,
      toPriority: priority,
      rule,
      fromTargetMs: before.targetMs,
      toTargetMs: targetMs,
      fromCalendar: before.calendar,
      toCalendar: calendarId,
      elapsedBefore,
      elapsedAfter: elapsed,
    });
    this.priority = priority;
    const current = this.phases[this.phases.length - 1]!;
    this.begin(atMs, current.state, current.pause);
  }

  computed(asOfMs: number, calendar: ClockCalendar): ComputedClock {
    const reading = readClock(this.snapshot, asOfMs, calendar);
    return {
      kind: this.kind,
      key: this.key,
      snapshot: this.snapshot,
      priority: this.priority,
      tier: this.tier,
      startedAt: this.startedAt,
      state: reading.state,
      elapsedMs: reading.elapsedMs,
      remainingMs: reading.remainingMs,
      percent: reading.percent,
      dueAt: reading.dueAt,
      breachedAt: reading.breachedAt,
      pauseReason: this.snapshot.pauseReason,
      pausedBy: this.pausedBy,
      phases: this.phases,
      retargets: this.retargets,
    };
  }

  private begin(atMs: number, state: ClockPhase['state'], pause: ClockPhase['pause']): void {
    const current = this.phases[this.phases.length - 1]!;
    current.to = atMs;
    this.phases.push(this.phase(atMs, state, this.snapshot.elapsedMs, pause));
  }

  private phase(atMs: number, state: ClockPhase['state'], elapsedAtFrom: number, pause: ClockPhase['pause']): ClockPhase {
    const { calendar, targetMs } = this.snapshot;
    return { from: atMs, to: null, state, calendar, targetMs, elapsedAtFrom, generation: this.generation, pause };
  }
}
