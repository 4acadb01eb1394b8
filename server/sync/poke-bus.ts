/** In-process fan-out of "something changed, pull now" to every live event stream, and out to other server processes. */
export class PokeBus {
  private readonly listeners = new Set<(rev: number) => void>();
  private readonly outbound = new Set<(rev: number) => void>();

  subscribe(listener: (rev: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Also tell `forward` of every local poke (a relay to the other API processes on the same database). */
  forwardTo(forward: (rev: number) => void): () => void {
    this.outbound.add(forward);
    return () => this.outbound.delete(forward);
  }

  /** Call only after the change has committed, or a client may pull before it is visible. */
  poke(rev: number): void {
    this.deliver(rev);
    for (const forward of this.outbound) forward(rev);
  }

  /** A poke from another process: to this process's streams only (it is not forwarded again). */
  deliver(rev: number): void {
    for (const listener of this.listeners) listener(rev);
  }

  get size(): number {
    return this.listeners.size;
  }
}
