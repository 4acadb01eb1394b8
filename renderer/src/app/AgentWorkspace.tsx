import { useEffect } from 'react';
import { canCreateTickets, isSupervisor } from '../../../shared/auth/access';
import type { Agent } from '../../../shared/model/agent';
import { ActionDialogs } from '../features/actions/ActionDialogs';
import { WorkNewsNotices } from '../features/actions/WorkNewsNotices';
import { RecentActions } from '../features/actions/RecentActions';
import { CommandPalette } from '../features/keyboard/CommandPalette';
import { KeyboardNotice } from '../features/keyboard/KeyboardNotice';
import { NewTicketDialog } from '../features/new-ticket/NewTicketDialog';
import { ShortcutHelp } from '../features/keyboard/ShortcutHelp';
import { useShortcuts } from '../features/keyboard/use-shortcuts';
import { useForecastSweep } from '../features/queue/forecast/use-forecast-sweep';
import { OpenTicketNotice } from '../features/queue/OpenTicketNotice';
import { QueueView } from '../features/queue/QueueView';
import { ReportsDialog } from '../features/reports/ReportsDialog';
import { keepOpenByDueWarm } from '../features/queue/query/view-ids';
import { afterFirstList } from './after-first-list';
import { useOpenTicketNumber } from '../features/queue/use-open-ticket-number';
import { useViewCounts } from '../features/queue/use-view-counts';
import { ViewNav } from '../features/queue/ViewNav';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { saveOutboxFile } from '../features/sync-status/export-outbox-file';
import { FirstSyncProgress } from '../features/sync-status/FirstSyncProgress';
import { OfflineBanner } from '../features/sync-status/OfflineBanner';
import { TicketDetail } from '../features/ticket/TicketDetail';
import { useGroups } from '../db/use-directory';
import { useDb } from './db-context';
import { useAppStore } from './store';

/** New ticket, settings and shortcut help, from the top bar (also reachable by c, ? and the palette). */
export function TopbarButtons({ agent }: { agent: Agent }) {
  const setOverlay = useAppStore((s) => s.setOverlay);
  return (
    <>
      {canCreateTickets(agent) && (
        <button type="button" aria-keyshortcuts="c" title="New ticket (c)" onClick={() => setOverlay('new-ticket')}>
          New ticket
        </button>
      )}
      {isSupervisor(agent) && (
        <button type="button" onClick={() => setOverlay('reports')}>
          Reports
        </button>
      )}
      <button type="button" onClick={() => setOverlay('settings')}>
        Settings
      </button>
      <button type="button" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={() => setOverlay('shortcuts')}>
        ?
      </button>
    </>
  );
}

/** The agent's workspace under the top bar: views with counts, the queue, the open ticket, dialogs and overlays. */
export function AgentWorkspace({ agent, onSyncNow }: { agent: Agent; onSyncNow(): void }) {
  const db = useDb();
  const groups = useGroups(db);
  const counts = useViewCounts(db, agent, groups);
  const detailId = useAppStore((s) => s.detailId);
  const overlay = useAppStore((s) => s.overlay);
  const setOverlay = useAppStore((s) => s.setOverlay);
  const newTicketRefused = useAppStore((s) => s.newTicketRefused);
  const newTicketFollowUp = useAppStore((s) => s.newTicketFollowUp);
  useShortcuts(db, agent);
  useOpenTicketNumber(db);
  useForecastSweep(db, agent, groups);
  // Once the queue is on screen, in the background: the base order the set views (pending, at risk…) are sorted by.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = afterFirstList(() => (timer = setTimeout(() => keepOpenByDueWarm(db), 300)));
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, [db]);
  const closeOverlay = () => setOverlay(null);

  return (
    <>
      <FirstSyncProgress />
      <OfflineBanner />
      <div className={detailId ? 'workspace-main workspace-main--detail' : 'workspace-main'}>
        <ViewNav agent={agent} groups={groups} counts={counts} />
        <main className="workspace-queue">
          <OpenTicketNotice />
          <QueueView agent={agent} groups={groups} counts={counts} />
        </main>
        {detailId && <TicketDetail key={detailId} ticketId={detailId} agent={agent} groups={groups} />}
      </div>
      <footer className="statusbar">
        <WorkNewsNotices />
        <RecentActions />
        <KeyboardNotice />
      </footer>
      <ActionDialogs />
      {overlay === 'shortcuts' && <ShortcutHelp onClose={closeOverlay} />}
      {overlay === 'settings' && <SettingsPanel onClose={closeOverlay} />}
      {overlay === 'reports' && isSupervisor(agent) && <ReportsDialog onClose={closeOverlay} />}
      {overlay === 'new-ticket' && (
        <NewTicketDialog
          key={newTicketRefused?.id ?? newTicketFollowUp?.id ?? 'new'}
          agent={agent}
          groups={groups}
          refused={newTicketRefused}
          followUp={newTicketFollowUp}
          onClose={closeOverlay}
        />
      )}
      {overlay === 'palette' && <CommandPalette agent={agent} groups={groups} onClose={closeOverlay} onSyncNow={onSyncNow} onExport={() => void saveOutboxFile(db)} />}
    </>
  );
}
