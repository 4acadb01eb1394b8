import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * Tickets the agent watches (alerts for tickets they neither own nor must
 * accept), kept per agent in localStorage: a personal preference, not
 * ticket data, so it stays out of IndexedDB and sync.
 */
const KEY = 'tierdesk.watched';
let owner = '';
const storageKey = () => (owner ? `${KEY}:${owner}` : KEY);

/** Whose list is read and written (set when an agent's workspace opens; nothing else changes then). */
export function setWatchOwner(agentId: string): void {
  if (owner === agentId) return;
  owner = agentId;
  cache = null;
}
const MAX_WATCHED = 500;
const listeners = new Set<() => void>();
let cache: ReadonlySet<string> | null = null;

function read(): ReadonlySet<string> {
  try {
    const parsed = z.array(z.string().min(1).max(64)).safeParse(JSON.parse(localStorage.getItem(storageKey()) ?? '[]'));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

export function getWatched(): ReadonlySet<string> {
  cache ??= read();
  return cache;
}

export function setWatched(ticketId: string, watch: boolean): void {
  const next = new Set(getWatched());
  if (watch) next.add(ticketId);
  else next.delete(ticketId);
  if (next.size > MAX_WATCHED) return;
  cache = next;
  try {
    localStorage.setItem(storageKey(), JSON.stringify([...next]));
  } catch {
    // Storage blocked: the watch holds for this session.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWatched(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, getWatched);
}

/** For tests: forget the cached list (after localStorage.clear()). */
export function resetWatchList(): void {
  cache = null;
}
