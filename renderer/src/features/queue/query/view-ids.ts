import { Dexie } from 'dexie';
import type { Agent, Group } from '../../../../../shared/model/agent';
import type { Tier } from '../../../../../shared/model/levels';
import type { TierdeskDb } from '../../../db/db';
import { FACET } from '../../../db/search-keys';
import { acceptanceGroups, scopeGroups, type ViewKey } from '../views';
import { cachedIds, evictOlder, indexRange, keepListWarm } from './key-cache';

/** What a query needs besides its parameters: who asks, the desk's groups, the time, the forecast's extra at-risk ids. */
export type QueryContext = { agent: Agent; groups: readonly Group[]; nowMs: number; forecastRisk: ReadonlySet<string> };

/** A view's tickets: in time-to-breach order when read from a due-ordered index, else a set to be ordered. */
export type ViewIds = { ids: string[]; dueOrdered: boolean };

/** Every open ticket, in time-to-breach order: the order of the default sort and the base every set is ranked against. */
const OPEN_BY_DUE = indexRange('[open+nextDueAt]', [1, Dexie.minKey], [1, Dexie.maxKey]);

export function openByDue(db: TierdeskDb): Promise<string[]> {
  return cachedIds(db, 'open-by-due', OPEN_BY_DUE);
}

/** Pending, At risk, Breached and Paused are sets ranked by this list: keeping it read makes their first visit cheap. */
export function keepOpenByDueWarm(db: TierdeskDb): void {
  keepListWarm(db, 'open-by-due', OPEN_BY_DUE);
}

function assignedTo(db: TierdeskDb, agentId: string): Promise<string[]> {
  return cachedIds(db, `mine:${agentId}`, indexRange('[open+assignee+nextDueAt]', [1, agentId, Dexie.minKey], [1, agentId, Dexie.maxKey]));
}

function inGroup(db: TierdeskDb, group: string): Promise<string[]> {
  return cachedIds(db, `group:${group}`, indexRange('[open+group+nextDueAt]', [1, group, Dexie.minKey], [1, group, Dexie.maxKey]));
}

function inTier(db: TierdeskDb, tier: Tier): Promise<string[]> {
  return cachedIds(db, `tier:${tier}`, indexRange('[open+tier+nextDueAt]', [1, tier, Dexie.minKey], [1, tier, Dexie.maxKey]));
}

export function withKey(db: TierdeskDb, key: string): Promise<string[]> {
  return cachedIds(db, `key:${key}`, indexRange('keys', key, key));
}

/** Ids whose instant on [group+field] has passed: "at risk / breached as of now" is a range per group. */
async function passed(db: TierdeskDb, field: 'riskAt' | 'breachAt', groups: readonly string[], nowMs: number): Promise<Set<string>> {
  // Cached per minute: the range moves with the clock (callers pass a minute-aligned time).
  const lists = await Promise.all(
    groups.map((g) => {
      evictOlder(db, `${field}:${g}:`, `${field}:${g}:${nowMs}`);
      return cachedIds(db, `${field}:${g}:${nowMs}`, indexRange(`[group+${field}]`, [g, Dexie.minKey], [g, nowMs]));
    }),
  );
  return new Set(lists.flat());
}

async function union(lists: Promise<string[]>[]): Promise<string[]> {
  return [...new Set((await Promise.all(lists)).flat())];
}

/** The tickets of a view, read from the index that defines it. */
export async function viewIds(db: TierdeskDb, view: ViewKey, ctx: QueryContext): Promise<ViewIds> {
  if (view.startsWith('group:')) return { ids: await inGroup(db, view.slice('group:'.length)), dueOrdered: true };
  if (view.startsWith('tier:')) return { ids: await inTier(db, view.slice('tier:'.length) as Tier), dueOrdered: true };
  const scope = scopeGroups(ctx.agent, ctx.groups);
  switch (view) {
    case 'mine':
      return { ids: await assignedTo(db, ctx.agent.id), dueOrdered: true };
    case 'all':
      return { ids: await openByDue(db), dueOrdered: true };
    case 'pending':
      return { ids: await union(acceptanceGroups(ctx.agent, ctx.groups).map((g) => withKey(db, FACET.pendingIn(g)))), dueOrdered: false };
    case 'paused':
      return { ids: await union(scope.map((g) => withKey(db, FACET.pausedIn(g)))), dueOrdered: false };
    case 'approvals':
      return { ids: await union(scope.map((g) => withKey(db, FACET.skipRequestedIn(g)))), dueOrdered: false };
    case 'breached':
      return { ids: [...(await passed(db, 'breachAt', scope, ctx.nowMs))], dueOrdered: false };
    case 'risk': {
      const [risk, breached] = await Promise.all([passed(db, 'riskAt', scope, ctx.nowMs), passed(db, 'breachAt', scope, ctx.nowMs)]);
      for (const id of ctx.forecastRisk) risk.add(id);
      for (const id of breached) risk.delete(id);
      return { ids: [...risk], dueOrdered: false };
    }
    case 'resolved':
      return { ids: await withKey(db, FACET.done), dueOrdered: false };
    case 'attention':
      return { ids: [], dueOrdered: true };
  }
  return { ids: [], dueOrdered: true };
}
