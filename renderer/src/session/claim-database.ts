import type { Agent } from '../../../shared/model/agent';
import type { TierdeskDb } from '../db/db';
import { unsyncedCount } from '../sync/needs-attention';

/** Someone else's unsynced work is on this computer: signing in as another agent would send it under their name. */
export class UnsyncedWorkOfAnotherAgent extends Error {
  constructor(readonly owner: { name: string; email: string }, readonly count: number) {
    super(
      `This computer holds ${count} unsynced change${count === 1 ? '' : 's'} of ${owner.name} (${owner.email}). ` +
        `${owner.name} must sign in here and sync them (or export them from Needs attention) before someone else can sign in. Nothing was changed.`,
    );
    this.name = 'UnsyncedWorkOfAnotherAgent';
  }
}

/**
 * One local database holds one agent's desk on one server: what they may see,
 * their outbox, drafts and sync cursor. Signing in as somebody else (or
 * against another server) starts from an empty database, so nobody sees the
 * previous agent's tickets and no queued action is ever sent under another
 * identity; if the previous agent still has unsynced work, the sign-in is
 * refused instead and their work stays as it is.
 */
export async function claimDatabase(db: TierdeskDb, agent: Agent, apiBaseUrl: string): Promise<void> {
  // Everything but the session: a table added to the schema later is covered too.
  const data = db.tables.filter((table) => table.name !== 'session');
  await db.transaction('rw', data, async () => {
    const owner = await db.syncState.get('owner');
    const mine = owner?.key === 'owner' && owner.agentId === agent.id && owner.apiBaseUrl === apiBaseUrl;
    if (mine) return;
    const unsynced = await unsyncedCount(db);
    if (owner?.key === 'owner' && unsynced > 0) throw new UnsyncedWorkOfAnotherAgent(owner, unsynced);
    // A database from before owners were recorded, with unsynced work in it, is taken over as it is
    // (it can only be the last signed-in agent's); anything else starts empty and is pulled again.
    if (owner?.key === 'owner' || unsynced === 0) await Promise.all(data.map((table) => table.clear()));
    await db.syncState.put({ key: 'owner', agentId: agent.id, name: agent.name, email: agent.email, apiBaseUrl });
  });
}
