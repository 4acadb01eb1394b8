/**
 * The sync connection loop: one small state machine for push and pull.
 *
 *            mutate / poke / interval / "online" / syncNow
 *                              │
 *                              ▼
 *   ┌──────┐  debounce   ┌──────────┐  ok   ┌──────────┐  ok   ┌──────┐
 *   │ idle │───────────▶ │ pushing  │─────▶ │ pulling  │─────▶ │ idle │
 *   └──────┘             └──────────┘       └──────────┘       └──────┘
 *       ▲                     │ error            │ error
 *       │                     ▼                  ▼
 *       │              ┌───────────────────────────────┐
 *       └── timer ──── │ backoff (exponential + jitter) │ ◀── "online" retries at once
 *                      └───────────────────────────────┘
 *
 * Pushing sends the outbox (nothing to send → straight to pulling); pulling
 * reads every page and rebases pending work. A request that arrives while a
 * run is in flight sets `again`, so no hint is ever lost and runs never overlap.
 */
export type LoopState = 'idle' | 'pushing' | 'pulling' | 'backoff';

export const PUSH_DEBOUNCE_MS = 250;
export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 60_000;
export const POLL_INTERVAL_MS = 30_000;

export type LoopDelegate = {
  push(): Promise<void>;
  pull(): Promise<void>;
  /** Whether to retry this error later (offline, 5xx) or stop until told (401). */
  isRetryable(error: unknown): boolean;
  onState(state: LoopState, error?: unknown): void;
  random?(): number;
};

export class ConnectionLoop {
  private state: LoopState = 'idle';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private running = false;
  private again = false;
  private failures = 0;
  private stopped = false;

  constructor(private readonly delegate: LoopDelegate) {}

  get current(): LoopState {
    return this.state;
  }

  start(): void {
    this.stopped = false;
    this.poll = setInterval(() => this.kick(0), POLL_INTERVAL_MS);
    this.kick(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.poll);
  }

  /** A local change was queued: push soon, coalescing bursts of keystrokes and clicks. */
  mutated(): void {
    this.kick(PUSH_DEBOUNCE_MS);
  }

  /** A live hint, "online", or the user's "Sync now": run at once, even during backoff. */
  now(): void {
    this.failures = Math.min(this.failures, 1);
    this.kick(0);
  }

  private kick(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.state === 'backoff' && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private set(state: LoopState, error?: unknown): void {
    this.state = state;
    this.delegate.onState(state, error);
  }

  private async run(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    this.again = false;
    try {
      this.set('pushing');
      await this.delegate.push();
      this.set('pulling');
      await this.delegate.pull();
      this.failures = 0;
      this.set('idle');
    } catch (error) {
      this.failures += 1;
      this.set('backoff', error);
      this.running = false;
      if (this.delegate.isRetryable(error) && !this.stopped) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.run(), this.backoffDelay());
      }
      return;
    }
    this.running = false;
    if (this.again) this.kick(0);
  }

  /** Exponential from MIN_BACKOFF_MS, capped, with full jitter so a desk of clients does not reconnect in step. */
  backoffDelay(): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (this.failures - 1));
    const random = this.delegate.random ?? Math.random;
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }
}
