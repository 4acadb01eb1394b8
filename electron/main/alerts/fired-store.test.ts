import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FIRED_RETENTION_MS, type FiredAlert } from '../../../shared/alerts/fired-alert';
import { FiredStore } from './fired-store';

let dir: string;
let file: string;
const log = { warn: vi.fn(), error: vi.fn() };

const entry = (ticketId: string, lastNotifiedAt = 0): FiredAlert => ({
  key: `${ticketId}:resolution:100`,
  ticketId,
  clock: 'resolution',
  threshold: 100,
  firedAt: 0,
  lastNotifiedAt,
  acknowledgedAt: null,
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tierdesk-fired-'));
  file = path.join(dir, 'fired-alerts.json');
  vi.clearAllMocks();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('FiredStore', () => {
  test('remembers fired alerts across restarts', async () => {
    const store = await FiredStore.open(file, log);
    await store.record([entry('t1'), entry('t2')]);
    const reopened = await FiredStore.open(file, log);
    expect([...reopened.map.keys()]).toEqual(['t1:resolution:100', 't2:resolution:100']);
  });

  test('remembers an acknowledgement across restarts, once', async () => {
    const store = await FiredStore.open(file, log);
    await store.record([entry('t1')]);
    expect(store.acknowledge(['t1:resolution:100', 'unknown:key:1'], 5)).toBe(1);
    expect(store.acknowledge(['t1:resolution:100'], 6)).toBe(0);
    await store.flush();
    const reopened = await FiredStore.open(file, log);
    expect(reopened.map.get('t1:resolution:100')!.acknowledgedAt).toBe(5);
  });

  test('starts empty from a corrupt file, keeps a .corrupt copy and says so', async () => {
    await writeFile(file, '{"version":1,"fired":[{"key":');
    const store = await FiredStore.open(file, log);
    expect(store.map.size).toBe(0);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('fired-alerts.json.corrupt'));
    expect(await readFile(`${file}.corrupt`, 'utf8')).toContain('"fired"');
    await store.record([entry('t1')]);
    expect((await readdir(dir)).sort()).toEqual(['fired-alerts.json', 'fired-alerts.json.corrupt']);
  });

  test('forgets entries gone from the schedule for longer than the retention, keeps scheduled ones', async () => {
    const store = await FiredStore.open(file, log);
    await store.record([entry('old'), entry('recent', FIRED_RETENTION_MS), entry('scheduled')]);
    store.prune(new Set(['scheduled:resolution:100']), FIRED_RETENTION_MS + 1000);
    await store.flush();
    const reopened = await FiredStore.open(file, log);
    expect([...reopened.map.keys()].sort()).toEqual(['recent:resolution:100', 'scheduled:resolution:100']);
  });
});
