import { afterEach, describe, expect, test } from 'vitest';
import { getWatched, setWatched, setWatchOwner } from './watch-list';

afterEach(() => localStorage.clear());

describe('the watch list', () => {
  test('is each agent’s own: another agent signing in on this computer does not see or change it', () => {
    setWatchOwner('agent-l1');
    setWatched('t-1', true);
    expect(getWatched().has('t-1')).toBe(true);
    setWatchOwner('agent-vendor');
    expect(getWatched().size).toBe(0);
    setWatched('t-9', true);
    setWatchOwner('agent-l1');
    expect([...getWatched()]).toEqual(['t-1']);
  });
});
