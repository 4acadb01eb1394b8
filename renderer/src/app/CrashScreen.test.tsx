import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TierdeskBridge } from '../../../shared/ipc/contract';
import { TierdeskDb } from '../db/db';
import { App } from './App';
import { CrashBoundary, describeStartupError } from './CrashScreen';

// The desktop bridge, as far as starting the app uses it.
window.tierdesk = {
  getConfig: async () => ({ apiBaseUrl: 'http://127.0.0.1:4317' }),
  onOpenTicket: () => () => undefined,
  getToken: async () => ({ status: 'none' }),
} as unknown as TierdeskBridge;

let db: TierdeskDb;
beforeEach(() => {
  db = new TierdeskDb(`crash-${Math.random()}`);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'response')");
}

/** IndexedDB refuses to open this app's database (as Chromium does with a damaged backing store) until `heal` is called. */
function failToOpen(name: string): { heal(): void } {
  const open = indexedDB.open.bind(indexedDB);
  const spy = vi.spyOn(indexedDB, 'open').mockImplementation((dbName: string, version?: number) => {
    if (dbName !== name) return open(dbName, version);
    const request = {} as IDBOpenDBRequest & { onerror: ((e: Event) => void) | null };
    const error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    Object.defineProperty(request, 'error', { value: error });
    setTimeout(() => {
      const event = new Event('error');
      Object.defineProperty(event, 'target', { value: request });
      request.onerror?.(event);
    }, 0);
    return request;
  });
  return { heal: () => spy.mockRestore() };
}

describe('a screen that fails to render', () => {
  test('shows what happened and that nothing is lost, instead of a blank window; reload goes on', async () => {
    const reload = vi.fn();
    render(
      <CrashBoundary db={db} reload={reload}>
        <Broken />
      </CrashBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Tierdesk hit a problem showing this screen');
    expect(screen.getByRole('alert')).toHaveTextContent("Cannot read properties of undefined (reading 'response')");
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing you did is lost');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('saves the unsynced changes to a file from there', async () => {
    await db.outbox.add({ id: 1, name: 'addWorkNote', args: { ticketId: 't-1', noteId: 'n-1', body: 'Typed offline', visibility: 'internal' }, clientTime: 1, ticketId: 't-1', queuedAt: 1 });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:x'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(
      <CrashBoundary db={db}>
        <Broken />
      </CrashBoundary>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save unsynced changes to a file' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Saved tierdesk-outbox-.+\.json\.$/);
    expect(JSON.parse(await blobs[0]!.text())).toMatchObject({ format: 'tierdesk-outbox', pending: [{ args: { body: 'Typed offline' } }] });
  });
});

describe('local data that will not open at start', () => {
  test('says so, with what to do, instead of an endless "Opening…"; try again opens it once the problem is gone', async () => {
    const backingStore = failToOpen(db.name);
    render(<App db={db} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Tierdesk could not start');
    expect(screen.getByRole('alert')).toHaveTextContent('could not open its data on this computer');
    expect(screen.getByRole('alert')).toHaveTextContent('Internal error opening backing store');
    expect(screen.queryByText('Opening Tierdesk…')).toBeNull();

    backingStore.heal();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument());
  });

  test.each([
    [Object.assign(new Error('newer'), { name: 'VersionError' }), 'saved by a newer version of Tierdesk'],
    [Object.assign(new Error('disk'), { name: 'QuotaExceededError' }), 'The disk is full'],
    [Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' }), 'could not open its data on this computer (Internal error opening backing store)'],
  ])('explains %s', (error, text) => {
    expect(describeStartupError(error)).toContain(text);
  });
});
