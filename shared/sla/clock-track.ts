import type { ActorRole } from '../model/ticket-event';
import type { Priority, Tier } from '../model/levels';
import {
  accruedAt,
  breachedAt,
  pauseClockInPlace,
  resumeClockInPlace,
  retargetClock,
  startClockDeferred,
  stopClockInPlace,
  type ClockCalendar,
  type ClockSnapshot,
} from './clock-snapshot';
import type { ClockPhase, ComputedClock, ComputedClockKind, Retarget } from './ticket-clocks';

const NO_RETARGETS: readonly Retarget[] = [];

/**
 * One clock while a ticket's events are folded: the snapshot (what the
 * ticket record stores) plus the phases and re-targets that explain it.
 * The first phase begins at creation, not at the first open instant, so a
 * rule on another calendar (an S1 rule on 24×7 for a business-hours ticket)
 * counts from when the ticket was raised.
 */
export class ClockTrack {
  /** The track's own until computed() hands it out, so stops, pauses and resumes change it in place. */
  snapshot: ClockSnapshot;
  /** The calendar of the current target (changes on a re-target to another calendar). */
  calendar: ClockCalendar;
  /** The phase under way (the last one). */
  private current: ClockPhase;
  /**
   * Every phase, the current one last, once there are two: most clocks end
   * with one or two (a response clock runs, then stops), so the array is made
   * when the second begins and holds exactly two, and a clock with one phase
   * gets its array when it is computed.
   */
  private phases: ClockPhase[] | null = null;
  retargets: readonly Retarget[] = NO_RETARGETS;
  generation = 0;
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
    this.calendar = calendar;
    this.snapshot = startClockDeferred(calendarId, targetMs, atMs, calendar);
    this.current = this.phase(atMs, 'running', 0, null);
  }

  get key(): string {
    return this.generation ? `${this.baseKey}@${this.generation}` : this.baseKey;
  }

  pause(atMs: number, reason: string, by: string, role: ActorRole): void {
    this.settleBreach(atMs);
    pauseClockInPlace(this.snapshot, atMs, reason, this.calendar);
    this.pausedBy = { by, role, at: atMs };
    this.begin(atMs, 'paused', { reason, by, role });
  }

  resume(atMs: number): void {
    resumeClockInPlace(this.snapshot, atMs, this.calendar);
    this.pausedBy = null;
    this.begin(atMs, 'running', null);
  }

  stop(atMs: number): void {
    if (this.snapshot.state === 'stopped') return;
    this.settleBreach(atMs);
    stopClockInPlace(this.snapshot, atMs, this.calendar);
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
    newCalendar: ClockCalendar,
  ): void {
    const before = this.snapshot;
    const elapsedBefore = accruedAt(before, atMs, this.calendar);
    const elapsed = rule === 'restart' ? 0 : elapsedBefore;
    if (rule === 'restart') this.generation++;
    if (rule === 'restart' && before.state === 'running') {
      this.snapshot = startClockDeferred(calendarId, targetMs, atMs, newCalendar);
    } else if (rule === 'restart') {
      // A paused (or stopped, at reopen) clock restarts from zero when it next runs.
      this.snapshot = { ...retargetClock(before, calendarId, targetMs, 0, atMs, newCalendar), breachedAt: null, startedAt: atMs };
    } else {
      this.snapshot = retargetClock(before, calendarId, targetMs, elapsed, atMs, newCalendar);
    }
    this.calendar = newCalendar;
    this.retargets = [...this.retargets, {
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
    }];
    this.priority = priority;
    this.begin(atMs, this.current.state, this.current.pause);
  }

  computed(asOfMs: number): ComputedClock {
    this.settleDue();
    const snap = this.snapshot;
    const elapsedMs = accruedAt(snap, asOfMs, this.calendar);
    return {
      kind: this.kind,
      key: this.key,
      snapshot: snap,
      priority: this.priority,
      tier: this.tier,
      // Always set on the fold's snapshots (startClockDeferred, or the restart instant).
      startedAt: snap.startedAt!,
      state: snap.state,
      elapsedMs,
      remainingMs: snap.targetMs - elapsedMs,
      percent: (elapsedMs / snap.targetMs) * 100,
      dueAt: snap.state === 'running' ? snap.dueAt : null,
      breachedAt: breachedAt(snap, asOfMs),
      pauseReason: snap.pauseReason,
      pausedBy: this.pausedBy,
      phases: this.phases ?? [this.current],
      retargets: this.retargets,
    };
  }

  /**
   * A clock started here has no due instant until it is needed
   * (startClockDeferred): most response clocks stop first. It is due exactly
   * when its target's worth of open time has accrued, so a stop or pause
   * before that cannot be a breach, and the due instant is looked up only
   * when it can be.
   */
  private settleBreach(atMs: number): void {
    const snap = this.snapshot;
    if (Number.isNaN(snap.dueAt) && accruedAt(snap, atMs, this.calendar) >= snap.targetMs) this.settleDue();
  }

  private settleDue(): void {
    const snap = this.snapshot;
    if (Number.isNaN(snap.dueAt)) snap.dueAt = this.calendar.addBusinessTime(snap.since!, snap.targetMs);
  }

  private begin(atMs: number, state: ClockPhase['state'], pause: ClockPhase['pause']): void {
    this.current.to = atMs;
    const next = this.phase(atMs, state, this.snapshot.elapsedMs, pause);
    if (this.phases) this.phases.push(next);
    else this.phases = [this.current, next];
    this.current = next;
  }

  private phase(atMs: number, state: ClockPhase['state'], elapsedAtFrom: number, pause: ClockPhase['pause']): ClockPhase {
    const { calendar, targetMs } = this.snapshot;
    return { from: atMs, to: null, state, calendar, targetMs, elapsedAtFrom, generation: this.generation, pause };
  }
}
