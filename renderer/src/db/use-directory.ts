import { useLiveQuery } from 'dexie-react-hooks';
import type { Agent, Group } from '../../../shared/model/agent';
import type { TierdeskDb } from './db';

const NO_GROUPS: Group[] = [];
const NO_AGENTS: ReadonlyMap<string, Agent> = new Map();

/** The desk's groups (synced directory), in a stable order. */
export function useGroups(db: TierdeskDb): Group[] {
  return useLiveQuery(() => db.groups.toArray(), [db]) ?? NO_GROUPS;
}

/** Agents by id, for owner names. */
export function useAgents(db: TierdeskDb): ReadonlyMap<string, Agent> {
  return useLiveQuery(async () => new Map((await db.agents.toArray()).map((a) => [a.id, a])), [db]) ?? NO_AGENTS;
}

/** "Sam Okafor", "you", or the id when the directory has not synced yet. */
export function agentName(agents: ReadonlyMap<string, Agent>, id: string | null, meId?: string): string {
  if (id === null) return 'Unowned';
  if (id === meId) return 'You';
  return agents.get(id)?.name ?? id;
}

/** Roles that say more than a tier (an L2 agent is just "L2"). */
const ROLE_LABEL: Partial<Record<Agent['role'], string>> = { vendor_liaison: 'Vendor liaison', lead: 'Team lead', manager: 'Manager', admin: 'Admin' };

/** "L1", "Team lead · L1", "Manager": who is signed in, as the top bar says it. */
export function roleText(agent: Pick<Agent, 'role' | 'tier'>): string {
  return [ROLE_LABEL[agent.role], agent.tier].filter(Boolean).join(' · ') || agent.role;
}
