import { useEffect, useRef } from 'react';
import { canCreateTickets } from '../../../../shared/auth/access';
import type { Agent } from '../../../../shared/model/agent';
import { useAppStore } from '../../app/store';
import type { TierdeskDb } from '../../db/db';
import { useRunAction } from '../actions/use-run-action';
import { SEARCH_INPUT_ID } from '../queue/FilterBar';
import { stepFrom } from '../queue/visible-list';
import { goTarget } from './shortcuts';
import { ticketCommand, type TicketCommand } from './ticket-command';

/** How long "g" waits for the view key. */
const G_WINDOW_MS = 1500;

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTION_KEYS: Record<string, TicketCommand> = { a: 'accept', n: 'note', e: 'handoff', b: 'return', h: 'hierarchical', p: 'pause', r: 'resolve', f: 'edit', o: 'assign' };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (TYPING.has(el.tagName) || el.isContentEditable);
}

/**
 * The workspace's keyboard: single keys act on the list and the open
 * ticket, "g" then a letter jumps to a view, Ctrl/Cmd+K opens the palette.
 * Keys typed into a field, or while a dialog is open, are left alone (the
 * dialog handles its own Escape).
 */
export function useShortcuts(db: TierdeskDb, agent: Agent): void {
  const run = useRunAction();
  const gAt = useRef(0);

  useEffect(() => {
    const accept = async (ticketId: string, number: string) => {
      const problem = await run('acceptTicket', { ticketId }, { label: `Accepted ${number}` });
      useAppStore.getState().setNotice(problem ? `Accept ${number}: ${problem.message}` : null);
    };
    function onKeyDown(event: KeyboardEvent) {
      const store = useAppStore.getState();
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        // Toggles the palette; never over (or instead of) another dialog the agent is working in.
        if (store.overlay === 'palette') store.setOverlay(null);
        else if (!store.action && !store.overlay && !store.articleId) store.setOverlay('palette');
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (store.action || store.overlay || store.articleId || isTyping(event.target)) return;

      const key = event.key;
      if (gAt.current && Date.now() - gAt.current < G_WINDOW_MS) {
        gAt.current = 0;
        const view = goTarget(key, agent.groups[0]);
        if (view) {
          event.preventDefault();
          store.setView(view);
        }
        return;
      }
      gAt.current = 0;
      switch (key) {
        case 'g':
          gAt.current = Date.now();
          return;
        case 'j':
        case 'k': {
          const next = stepFrom(store.selectedId, key === 'j' ? 1 : -1);
          if (next) store.select(next);
          // After a click on a view (or any button), the list takes the keys: Enter then opens
          // the selected ticket instead of pressing that button again.
          if (event.target instanceof HTMLButtonElement) document.querySelector<HTMLElement>('.queue-scroll')?.focus();
          return;
        }
        case 'Enter':
          if (store.selectedId && !(event.target instanceof HTMLButtonElement)) store.openDetail(store.selectedId);
          return;
        case 'Escape':
          if (store.detailId) store.closeDetail();
          return;
        case '/':
          event.preventDefault();
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return;
        case '?':
          store.setOverlay('shortcuts');
          return;
        case 'c':
          if (!canCreateTickets(agent)) return store.setNotice('New ticket: vendor liaisons work only on tickets handed to the vendor.');
          event.preventDefault();
          store.setOverlay('new-ticket');
          return;
      }
      const command = ACTION_KEYS[key];
      if (command) {
        event.preventDefault();
        void ticketCommand(db, agent, command, accept);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [db, agent, run]);
}
