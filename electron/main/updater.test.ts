import { afterEach, describe, expect, test, vi } from 'vitest';
import { pickAutoUpdater, startUpdater, updatesEnabled } from './updater';

describe('updatesEnabled', () => {
  test.each([
    [false, {}, false],
    [true, {}, true],
    [true, { TIERDESK_UPDATES: 'off' }, false],
    [true, { VITEST: 'true' }, false],
    [true, { CI: '1' }, false],
  ])('packaged %s with %j → %s', (isPackaged, env, expected) => expect(updatesEnabled(isPackaged, env)).toBe(expected));
});

describe('startUpdater', () => {
  afterEach(() => vi.useRealTimers());

  test('checks at start and every interval, logging failures instead of crashing', async () => {
    vi.useFakeTimers({ now: 0 });
    const updater = { logger: null as unknown, checkForUpdatesAndNotify: vi.fn(async () => undefined) };
    updater.checkForUpdatesAndNotify.mockRejectedValueOnce(new Error('offline'));
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const stop = await startUpdater(async () => updater, log, 1000);
    expect(updater.logger).toBe(log);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(2);
    expect(log.warn).toHaveBeenCalledWith('update check failed', expect.any(Error));
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(2);
  });
});

describe('pickAutoUpdater', () => {
  test('finds autoUpdater as a named export or on the CommonJS default', () => {
    const updater = { logger: null, checkForUpdatesAndNotify: async () => undefined };
    expect(pickAutoUpdater({ autoUpdater: updater })).toBe(updater);
    expect(pickAutoUpdater({ default: { autoUpdater: updater } })).toBe(updater);
    expect(() => pickAutoUpdater({ default: {} })).toThrow(/no autoUpdater/);
  });
});
