import { useCallback, useEffect, useMemo, useState } from 'react';
import { getBridge } from '../bridge/bridge';
import { db as defaultDb, type TierdeskDb } from '../db/db';
import { roleText } from '../db/use-directory';
import { AlertSettingsPanel } from '../features/alerts/AlertSettingsPanel';
import { useAlertSchedule } from '../features/alerts/use-alert-schedule';
import { LoginScreen } from '../features/login/LoginScreen';
import { useOpenTicket } from '../features/queue/use-open-ticket';
import { ActionsProvider, type Actions } from '../features/actions/actions-context';
import { notifyWorkNews } from '../features/actions/work-news-notification';
import { AgentWorkspace, TopbarButtons } from './AgentWorkspace';
import { StartupFailure } from './CrashScreen';
import { DbProvider } from './db-context';
import { useTrayCount } from '../features/queue/use-tray-count';
import { SyncIndicator } from '../features/sync-status/SyncIndicator';
import { restoreSession, signIn, signOut } from '../session/session-service';
import { TokenNotice } from '../session/TokenNotice';
import { ApiClient } from '../sync/api-client';
import { readPullState } from '../sync/sync-state';
import { SyncEngine } from '../sync/sync-engine';
import type { Agent } from '../../../shared/model/agent';
import { resetAppStore, useAppStore } from './store';
import { getWatched, setWatchOwner } from '../features/alerts/watch-list';
import { unsyncedCount } from '../sync/needs-attention';
import { OpeningSplash } from './OpeningSplash';

export function App({ db = defaultDb }: { db?: TierdeskDb }) {
  const phase = useAppStore((s) => s.phase);
  const agent = useAppStore((s) => s.agent);
  const [defaultApi, setDefaultApi] = useState<string | null>(null);
  const [reauth, setReauth] = useState(false);
  const [startup, setStartup] = useState<{ attempt: number; error: unknown }>({ attempt: 0, error: null });
  useOpenTicket();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let config, restored, sync;
      try {
        config = await getBridge().getConfig();
        restored = await restoreSession(db, Date.now());
        sync = await readPullState(db);
      } catch (error) {
        // The local database would not open (a newer app's data, a full disk …): say so, never a spinner forever.
        console.error('could not open local data', error);
        if (!cancelled) setStartup((s) => ({ ...s, error }));
        return;
      }
      if (cancelled) return;
      setDefaultApi(config.apiBaseUrl);
      const store = useAppStore.getState();
      store.setLastSyncedAt(sync.lastSyncedAt);
      store.setTokenNotice(restored?.tokenNotice ?? null);
      if (restored) store.signedIn(restored.agent, restored.apiBaseUrl, restored.token);
      else store.signedOut();
    })();
    return () => {
      cancelled = true;
    };
  }, [db, startup.attempt]);

  const handleSignIn = useCallback(
    async (apiBaseUrl: string, email: string, password: string) => {
      const session = await signIn(db, apiBaseUrl, email, password);
      setReauth(false);
      useAppStore.getState().setTokenNotice(session.tokenNotice);
      useAppStore.getState().signedIn(session.agent, session.apiBaseUrl, session.token);
    },
    [db],
  );

  const handleSignOut = useCallback(async () => {
    const unsynced = await unsyncedCount(db);
    if (
      unsynced > 0 &&
      !window.confirm(
        `${unsynced} change${unsynced === 1 ? ' is' : 's are'} not on the server yet. They stay on this computer and are sent when you sign in again; nobody else can sign in here until then. Sign out anyway?`,
      )
    ) {
      return;
    }
    await signOut(db);
    // Nothing of this agent's screen (view, open ticket, search, dialogs) carries over to the next sign-in.
    resetAppStore();
    useAppStore.getState().signedOut();
  }, [db]);

  if (startup.error) {
    return (
      <StartupFailure
        error={startup.error}
        db={db}
        onRetry={() => {
          // Dexie keeps a failed open; close it so the next read opens afresh.
          db.close({ disableAutoOpen: false });
          setStartup((s) => ({ attempt: s.attempt + 1, error: null }));
        }}
      />
    );
  }
  if (phase === 'loading' || defaultApi === null) {
    return <OpeningSplash />;
  }
  if (phase === 'signed_out' || !agent || reauth) {
    return <LoginScreen defaultApiBaseUrl={defaultApi} defaultEmail={agent?.email ?? ''} onSubmit={handleSignIn} />;
  }
  return <Workspace db={db} agent={agent} onSignOut={() => void handleSignOut()} onSignIn={() => setReauth(true)} />;
}

function Workspace({ db, agent, onSignOut, onSignIn }: { db: TierdeskDb; agent: Agent; onSignOut(): void; onSignIn(): void }) {
  // Before anything below reads it: the watch list is this agent's own.
  setWatchOwner(agent.id);
  const apiBaseUrl = useAppStore((s) => s.apiBaseUrl);
  const token = useAppStore((s) => s.token);
  const controller = useMemo(() => {
    const store = useAppStore.getState();
    const api = apiBaseUrl && token ? new ApiClient(apiBaseUrl, token) : null;
    return new SyncEngine(api, db, agent, {
      setSyncStatus: store.setSyncStatus,
      setStoragePersistence: store.setStoragePersistence,
      setLastSyncedAt: store.setLastSyncedAt,
      tokenRejected: store.tokenRejected,
      addUnreadable: store.addUnreadable,
      // The notices read what the puller kept; this is the desktop notification when the window is not in view.
      workNews: (list) => void notifyWorkNews(db, getBridge(), agent, list, Date.now()),
      watched: getWatched,
    });
  }, [apiBaseUrl, token, db, agent]);
  const actions = useMemo<Actions>(() => ({ agent, mutate: (name, args) => controller.mutate(name, args) }), [controller, agent]);

  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);

  useTrayCount(db, agent);
  useAlertSchedule(db, agent);

  return (
    <DbProvider db={db}>
      <ActionsProvider actions={actions}>
        <div className="workspace">
          <header className="topbar">
            <span className="brand">Tierdesk</span>
            <SyncIndicator onSyncNow={() => controller.syncNow()} onSignIn={onSignIn} />
            <span className="me">
              {agent.name} · {roleText(agent)}
            </span>
            <AlertSettingsPanel />
            <TopbarButtons agent={agent} />
            <button type="button" onClick={onSignOut}>
              Sign out
            </button>
          </header>
          <TokenNotice />
          <AgentWorkspace agent={agent} onSyncNow={() => controller.syncNow()} />
        </div>
      </ActionsProvider>
    </DbProvider>
  );
}
