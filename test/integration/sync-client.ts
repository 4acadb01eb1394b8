import 'fake-indexeddb/auto';
import { TierdeskDb } from '../../renderer/src/db/db';
import { readLog } from '../../renderer/src/db/ticket-log';
import { ApiClient } from '../../renderer/src/sync/api-client';
import { mutate } from '../../renderer/src/sync/mutate';
import { pullAll } from '../../renderer/src/sync/puller';
import { pushOutbox } from '../../renderer/src/sync/pusher';
import type { Agent } from '../../shared/model/agent';
import type { ArgsInput, MutationName } from '../../shared/mutations/mutations';

/** One desktop client's sync stack (the renderer's own code) over fake-indexeddb, against a real server. */
export class SyncClient {
  private constructor(
    readonly api: ApiClient,
    readonly agent: Agent,
    readonly db: TierdeskDb,
  ) {}

  /** Signs in; pass the database of an earlier instance to model the same app restarting. */
  static async signIn(baseUrl: string, email: string, db?: TierdeskDb): Promise<SyncClient> {
    const { body } = await new ApiClient(baseUrl).login(email, 'demo');
    return new SyncClient(new ApiClient(baseUrl, body.token), body.agent, db ?? new TierdeskDb(`client-${Math.random().toString(36).slice(2)}`));
  }

  mutate<N extends MutationName>(name: N, args: ArgsInput<N>) {
    return mutate(this.db, this.agent, name, args);
  }

  /** What the connection loop does on each run: push the outbox, then pull everything. */
  async sync(): Promise<void> {
    await pushOutbox(this.api, this.db);
    await pullAll(this.api, this.db, this.agent);
  }

  ticket(id: string) {
    return this.db.tickets.get(id);
  }

  async notes(ticketId: string): Promise<string[]> {
    const events = await readLog(this.db, ticketId);
    return events.flatMap((e) => (e.event.type === 'note_added' ? [e.event.body] : []));
  }
}

export async function tokenFor(baseUrl: string, email: string): Promise<string> {
  return (await new ApiClient(baseUrl).login(email, 'demo')).body.token;
}
