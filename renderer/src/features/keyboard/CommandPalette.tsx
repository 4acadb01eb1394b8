import { useEffect, useMemo, useState } from 'react';
import type { Agent, Group } from '../../../../shared/model/agent';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import { Modal } from '../../ui/Modal';
import { useRunAction } from '../actions/use-run-action';
import { findTickets, matches, staticCommands, type PaletteCommand } from './palette-commands';
import { ticketCommand } from './ticket-command';

type Props = { agent: Agent; groups: readonly Group[]; onClose(): void; onSyncNow(): void; onExport(): void };

/** Ctrl/Cmd+K: type to find a view, an action on the open ticket, an app command or a ticket (by number or words). */
export function CommandPalette({ agent, groups, onClose, onSyncNow, onExport }: Props) {
  const db = useDb();
  const run = useRunAction();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [tickets, setTickets] = useState<PaletteCommand[]>([]);
  const fixed = useMemo(() => staticCommands(agent, groups), [agent, groups]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void findTickets(db, query).then((found) => {
        if (!cancelled) setTickets(found.map((t) => ({ kind: 'open-ticket', id: `ticket:${t.id}`, label: `Open ${t.number}: ${t.title}`, ticketId: t.id })));
      });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [db, query]);

  const items = useMemo(() => [...tickets, ...fixed.filter((c) => matches(c.label, query))].slice(0, 12), [tickets, fixed, query]);
  const current = Math.min(active, Math.max(0, items.length - 1));

  function choose(command: PaletteCommand | undefined) {
    if (!command) return;
    const store = useAppStore.getState();
    onClose();
    switch (command.kind) {
      case 'view':
        store.setView(command.view);
        return;
      case 'open-ticket':
        store.openDetail(command.ticketId);
        return;
      case 'ticket-action':
        void ticketCommand(db, agent, command.command, async (ticketId, number) => {
          const problem = await run('acceptTicket', { ticketId }, { label: `Accepted ${number}` });
          store.setNotice(problem ? `Accept ${number}: ${problem.message}` : null);
        });
        return;
      case 'app':
        if (command.run === 'sync') onSyncNow();
        else if (command.run === 'export') onExport();
        else store.setOverlay(command.run);
    }
  }

  return (
    <Modal title="Command palette" onClose={onClose}>
      <input
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[current] ? `palette-${current}` : undefined}
        aria-label="Type a command, a view or a ticket number"
        placeholder="Type a command, a view, or a ticket number / words"
        className="palette-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') choose(items[current]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {items.map((item, i) => (
          <li key={item.id} id={`palette-${i}`} role="option" aria-selected={i === current} className={i === current ? 'palette-item palette-item--active' : 'palette-item'} onMouseDown={(e) => {
              e.preventDefault();
              choose(item);
            }}>
            {item.label}
          </li>
        ))}
        {items.length === 0 && (
          <li role="option" aria-selected="false" aria-disabled="true" className="palette-item">
            Nothing matches “{query}”.
          </li>
        )}
      </ul>
    </Modal>
  );
}
