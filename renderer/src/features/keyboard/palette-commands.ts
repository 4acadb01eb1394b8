import { canCreateTickets, isSupervisor } from '../../../../shared/auth/access';
import type { Agent, Group } from '../../../../shared/model/agent';
import { formatTicketNumber } from '../../../../shared/model/ticket';
import type { TierdeskDb } from '../../db/db';
import type { TicketRecord } from '../../db/ticket-record';
import { filterSets } from '../queue/query/filter-ids';
import { NO_FILTERS } from '../queue/query/filter-ids';
import { FIXED_VIEWS, queueViews, viewLabel, type ViewKey } from '../queue/views';
import { COMMAND_LABEL, type TicketCommand } from './ticket-command';

export type PaletteCommand =
  | { kind: 'view'; id: string; label: string; view: ViewKey }
  | { kind: 'ticket-action'; id: string; label: string; command: TicketCommand }
  | { kind: 'open-ticket'; id: string; label: string; ticketId: string }
  | { kind: 'app'; id: string; label: string; run: 'sync' | 'settings' | 'shortcuts' | 'export' | 'new-ticket' | 'reports' };

/** The fixed commands: every view, every queue, the ticket actions and the app's own. */
export function staticCommands(agent: Agent, groups: readonly Group[]): PaletteCommand[] {
  const views = [...FIXED_VIEWS, ...queueViews(agent, groups), ...groups.filter((g) => !agent.groups.includes(g.id)).map((g) => `group:${g.id}` as const)];
  return [
    ...views.map((view) => ({ kind: 'view' as const, id: `view:${view}`, label: `Go to ${viewLabel(view, groups)}`, view })),
    ...(Object.keys(COMMAND_LABEL) as TicketCommand[]).map((command) => ({ kind: 'ticket-action' as const, id: `action:${command}`, label: `${COMMAND_LABEL[command]} (open ticket)`, command })),
    ...(canCreateTickets(agent) ? [{ kind: 'app' as const, id: 'app:new-ticket', label: 'New ticket', run: 'new-ticket' as const }] : []),
    ...(isSupervisor(agent) ? [{ kind: 'app' as const, id: 'app:reports', label: 'Reports (SLA compliance, MTTR, escalation rates; CSV)', run: 'reports' as const }] : []),
    { kind: 'app', id: 'app:sync', label: 'Sync now', run: 'sync' },
    { kind: 'app', id: 'app:export', label: 'Export unsynced work to a file', run: 'export' },
    { kind: 'app', id: 'app:settings', label: 'Settings (theme, storage)', run: 'settings' },
    { kind: 'app', id: 'app:shortcuts', label: 'Keyboard shortcuts', run: 'shortcuts' },
  ];
}

export function matches(label: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = label.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Tickets for a query: by exact number (any ticket, open or not), else the first few open tickets matching the words. */
export async function findTickets(db: TierdeskDb, query: string, limit = 6): Promise<TicketRecord[]> {
  const q = query.trim();
  const number = /^(?:inc-?)?0*(\d{1,9})$/i.exec(q);
  if (number) {
    const exact = await db.tickets.where('number').equals(formatTicketNumber(Number(number[1]))).first();
    if (exact) return [exact];
  }
  if (q.length < 2) return [];
  const sets = await filterSets(db, { ...NO_FILTERS, text: q });
  const [first, ...rest] = sets;
  if (!first) return [];
  const ids: string[] = [];
  for (const id of first) {
    if (rest.every((s) => s.has(id))) ids.push(id);
    if (ids.length >= limit) break;
  }
  return (await db.tickets.bulkGet(ids)).filter((t): t is TicketRecord => t !== undefined);
}
