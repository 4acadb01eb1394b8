import { expect, test, vi } from 'vitest';
import { createElectronMock, type ElectronMockState } from './electron-mock';

vi.mock('electron', () => createElectronMock({ singleInstanceLock: false }));

test('a second instance hands over to the first and quits without opening a window', async () => {
  const electron = (await import('electron')) as unknown as { __state: ElectronMockState; app: { quit: ReturnType<typeof vi.fn> } };
  await import('./index');
  await new Promise((r) => setTimeout(r, 10));
  expect(electron.app.quit).toHaveBeenCalled();
  expect(electron.__state.windows).toHaveLength(0);
  expect(electron.__state.ipcHandlers.size).toBe(0);
});
