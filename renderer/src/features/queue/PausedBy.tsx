import { useLiveQuery } from 'dexie-react-hooks';
import type { Agent } from '../../../../shared/model/agent';
import { useDb } from '../../app/db-context';
import { readLog } from '../../db/ticket-log';
import { agentName } from '../../db/use-directory';
import { formatDateTime } from '../../time/format';

/** "Paused by Dana Fox": who paused a clock, from the ticket's log (the record keeps only the reason). */
export function PausedBy({ ticketId, agents }: { ticketId: string; agents: ReadonlyMap<string, Agent> }) {
  const db = useDb();
  const paused = useLiveQuery(async () => {
    const events = (await readLog(db, ticketId)).reverse();
    const last = events.find((e) => e.event.type === 'paused')?.event;
    return last?.type === 'paused' ? last : null;
  }, [db, ticketId]);
  if (!paused) return <>Paused</>;
  return (
    <span title={`Paused ${formatDateTime(paused.at)}`}>
      Paused by {agentName(agents, paused.by)}
    </span>
  );
}
