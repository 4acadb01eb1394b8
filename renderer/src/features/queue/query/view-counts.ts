import { Dexie } from 'dexie';
import { TIERS } from '../../../../../shared/model/levels';
import type { TierdeskDb } from '../../../db/db';
import { FACET } from '../../../db/search-keys';
import { acceptanceGroups, scopeGroups, type ViewKey } from '../views';
import type { QueryContext } from './view-ids';

export type ViewCounts = Partial<Record<ViewKey, number>>;

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * The live count beside each view. Counts come from IndexedDB's count on
 * an index range (no ids are read), which is why At risk and Breached are
 * ranges per group rather than sets.
 */
export async function viewCounts(db: TierdeskDb, ctx: QueryContext): Promise<ViewCounts> {
  const { agent, groups, nowMs } = ctx;
  const scope = scopeGroups(agent, groups);
  const byKey = (key: string) => db.tickets.where('keys').equals(key).count();
  const passed = (field: 'riskAt' | 'breachAt') =>
    Promise.all(scope.map((g) => db.tickets.where(`[group+${field}]`).between([g, Dexie.minKey], [g, nowMs], true, true).count())).then(sum);
  const open = (index: string, value: string) => db.tickets.where(index).between([1, value, Dexie.minKey], [1, value, Dexie.maxKey]).count();

  const [mine, pending, risk, breached, paused, approvals, attention, all, perGroup, perTier] = await Promise.all([
    open('[open+assignee+nextDueAt]', agent.id),
    Promise.all(acceptanceGroups(agent, groups).map((g) => byKey(FACET.pendingIn(g)))).then(sum),
    passed('riskAt'),
    passed('breachAt'),
    Promise.all(scope.map((g) => byKey(FACET.pausedIn(g)))).then(sum),
    Promise.all(scope.map((g) => byKey(FACET.skipRequestedIn(g)))).then(sum),
    db.needsAttention.count(),
    db.tickets.where('[open+nextDueAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count(),
    Promise.all(groups.map((g) => open('[open+group+nextDueAt]', g.id))),
    Promise.all(TIERS.map((t) => open('[open+tier+nextDueAt]', t))),
  ]);
  const counts: ViewCounts = {
    mine,
    pending,
    // Forecast-only ids are not in the threshold ranges (the sweep leaves out those already at risk).
    risk: risk - breached + ctx.forecastRisk.size,
    breached,
    paused,
    approvals,
    attention,
    all,
  };
  groups.forEach((g, i) => (counts[`group:${g.id}`] = perGroup[i]!));
  TIERS.forEach((t, i) => (counts[`tier:${t}`] = perTier[i]!));
  return counts;
}
