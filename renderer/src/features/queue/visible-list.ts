/**
 * The ids the queue currently shows, in order, for the keyboard (j/k, Enter)
 * and the palette. A plain holder rather than store state: it changes with
 * every list update and nothing needs to re-render when it does.
 */
let ids: readonly string[] = [];

export function setVisibleList(next: readonly string[]): void {
  ids = next;
}

export function visibleList(): readonly string[] {
  return ids;
}

/** The id `step` rows from `current` (the first row when nothing is selected yet). */
export function stepFrom(current: string | null, step: number): string | null {
  if (!ids.length) return null;
  const at = current ? ids.indexOf(current) : -1;
  if (at < 0) return ids[0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))] ?? null;
}
