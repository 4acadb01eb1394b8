import type { Agent } from '../../shared/model/agent';
import type { Db } from '../db/open-database';
import type { AgentsTable } from '../db/schema';

export function agentFromRow(row: Omit<AgentsTable, 'password_hash' | 'created_at'>): unknown {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    groups: JSON.parse(row.groups) as unknown,
  };
}

export async function findAgentByEmail(db: Db, email: string) {
  return db.selectFrom('agents').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function insertAgent(db: Db, agent: Agent, passwordHash: string, nowMs: number): Promise<void> {
  await db
    .insertInto('agents')
    .values({
      id: agent.id,
      email: agent.email.toLowerCase(),
      name: agent.name,
      role: agent.role,
      tier: agent.tier,
      groups: JSON.stringify(agent.groups),
      password_hash: passwordHash,
      created_at: nowMs,
    })
    .execute();
}
