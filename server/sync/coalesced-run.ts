/**
 * One background job at a time, for work that is kicked after commits (the
 * escalation runner, the notification dispatcher): a kick while a run is
 * under way does not start a second one but asks the run for another pass
 * (`takeAgain`), and stop() waits for the run under way, so the database
 * can be closed under it without failing it.
 */
export class CoalescedRun<T> {
  private running: Promise<T> | undefined;
  private again = false;
  private halted = false;

  /** `run` is one whole run (it loops while `takeAgain()`); `idle` is what a kick after stop() returns. */
  constructor(
    private readonly run: () => Promise<T>,
    private readonly idle: () => T,
  ) {}

  get stopped(): boolean {
    return this.halted;
  }

  /** Runs now, or joins the run under way and asks it for another pass. */
  kick(): Promise<T> {
    if (this.halted) return Promise.resolve(this.idle());
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Whether a kick came since the last call (and forgets it): the run's loop asks this between passes. */
  takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  /** No more runs; resolves once the run under way has ended (its failure is the run's to report). */
  async stop(): Promise<void> {
    this.halted = true;
    await this.running?.catch(() => undefined);
  }
}
