/** In-process fan-out of "something changed, pull now" to every live event stream. */
export class PokeBus {
  private readonly listeners = new Set<(rev: number) => void>();

  subscribe(listener: (rev: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call only after the change has committed, or a client may pull before it is visible. */
  poke(rev: number): void {
    for (const listener of this.listeners) listener(rev);
  }

  get size(): number {
    return this.listeners.size;
  }
}
