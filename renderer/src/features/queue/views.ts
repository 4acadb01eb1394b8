import type { Agent, Group } from '../../../../shared/model/agent';
import { TIERS, type Tier } from '../../../../shared/model/levels';
import { isSupervisor } from '../../../../shared/auth/access';

/**
 * The workspace's views, as plain strings so they can sit in the store, in
 * shortcuts and in the command palette. Every view lists open tickets except
 * Needs attention (refused actions) and Resolved.
 */
export type ViewKey =
  | 'mine'
  | 'pending'
  | 'risk'
  | 'breached'
  | 'paused'
  | 'approvals'
  | 'attention'
  | 'all'
  | 'resolved'
  | `group:${string}`
  | `tier:${Tier}`;

export const FIXED_VIEWS = ['mine', 'pending', 'risk', 'breached', 'paused', 'approvals', 'attention', 'all', 'resolved'] as const;

const LABELS: Record<(typeof FIXED_VIEWS)[number], string> = {
  mine: 'My work',
  pending: 'Pending my acceptance',
  risk: 'At risk',
  breached: 'Breached',
  paused: 'Paused',
  approvals: 'Skip approvals',
  attention: 'Needs attention',
  all: 'All open',
  resolved: 'Recently resolved',
};

export function viewLabel(view: ViewKey, groups: readonly Group[] = []): string {
  if (view.startsWith('group:')) {
    const id = view.slice('group:'.length);
    return `${groups.find((g) => g.id === id)?.name ?? id} queue`;
  }
  if (view.startsWith('tier:')) return `${view.slice('tier:'.length)} queue`;
  return LABELS[view as (typeof FIXED_VIEWS)[number]];
}

/** What to do when a view is empty: every empty state says what the agent can do next. */
export function emptyText(view: ViewKey, filtered: boolean): string {
  if (filtered) return 'No ticket matches these filters. Clear a filter or the search (Esc in the search box) to see more.';
  if (view.startsWith('group:') || view.startsWith('tier:')) return 'This queue is empty. Nothing waits here right now.';
  switch (view) {
    case 'mine':
      return 'Nothing assigned to you. Pick up a ticket from your group queue (g then q) or Pending my acceptance (g then a).';
    case 'pending':
      return 'Nothing is waiting for your acceptance. Escalated tickets for your tier appear here until someone accepts them.';
    case 'risk':
      return 'No ticket in your groups is at risk: none has used 75% of an SLA target or is forecast to miss it.';
    case 'breached':
      return 'No open ticket in your groups has breached an SLA.';
    case 'paused':
      return 'No clock is paused in your groups. Pause one from a ticket (p) with a reason from the policy.';
    case 'approvals':
      return 'No tier skip waits for approval in your groups. When an agent asks a lead to approve skipping a tier, the ticket waits here until a lead decides.';
    case 'attention':
      return 'Nothing needs your attention: every action you took was accepted by the server.';
    case 'all':
      return 'No open tickets on this computer. If this is your first start, wait for the first sync to finish.';
    case 'resolved':
      return 'No resolved tickets on this computer yet.';
  }
  return 'Nothing here.';
}

/** Groups whose At risk / Breached / Paused tickets the agent sees: their own, or every group for someone with none (admin). */
export function scopeGroups(agent: Agent, groups: readonly Group[]): string[] {
  return agent.groups.length ? [...agent.groups] : groups.map((g) => g.id);
}

/** Groups where the agent may accept a waiting ticket: same tier (supervisors accept in any tier). */
export function acceptanceGroups(agent: Agent, groups: readonly Group[]): string[] {
  const scope = new Set(scopeGroups(agent, groups));
  return groups.filter((g) => scope.has(g.id) && (isSupervisor(agent) || g.tier === agent.tier)).map((g) => g.id);
}

/** The queue views the navigation offers: the agent's groups first, then every tier. */
export function queueViews(agent: Agent, groups: readonly Group[]): ViewKey[] {
  const mine = groups.filter((g) => agent.groups.includes(g.id)).map((g) => `group:${g.id}` as const);
  return [...mine, ...TIERS.map((t) => `tier:${t}` as const)];
}

export function isViewKey(value: string): value is ViewKey {
  return (FIXED_VIEWS as readonly string[]).includes(value) || /^group:.+/.test(value) || /^tier:L[1-4]$/.test(value);
}
