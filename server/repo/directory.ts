import { parseGroup, type Agent, type Group } from '../../shared/model/agent';
import type { Db } from '../db/open-database';
import { agentFromRow } from './agents';
import { parseAgent } from '../../shared/model/agent';

export type Directory = { agents: Map<string, Agent>; groups: Group[] };

/** Every agent (without credentials) and group: routing and names for mutations and clients. */
export async function loadDirectory(db: Db): Promise<Directory> {
  const agents = await db.selectFrom('agents').select(['id', 'email', 'name', 'role', 'tier', 'groups']).execute();
  const groups = await db.selectFrom('groups').selectAll().execute();
  return {
    agents: new Map(agents.map((row) => [row.id, parseAgent(agentFromRow(row))])),
    groups: groups.map((g) => parseGroup({ id: g.id, name: g.name, tier: g.tier, categories: JSON.parse(g.categories) as unknown })),
  };
}
