import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ConnectionLoop, MAX_BACKOFF_MS, MIN_BACKOFF_MS, POLL_INTERVAL_MS, PUSH_DEBOUNCE_MS, type LoopState } from './connection-loop';

class Offline extends Error {}

function harness(options: { failures?: number; retryable?: boolean } = {}) {
  let failures = options.failures ?? 0;
  const calls: string[] = [];
  const states: LoopState[] = [];
  const delegate = {
    push: vi.fn(async () => {
      calls.push('push');
      if (failures > 0) {
        failures--;
        throw new Offline('down');
      }
    }),
    pull: vi.fn(async () => {
      calls.push('pull');
    }),
    isRetryable: () => options.retryable ?? true,
    onState: (s: LoopState) => states.push(s),
    random: () => 0.5,
  };
  const loop = new ConnectionLoop(delegate);
  return { loop, calls, states, delegate };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionLoop', () => {
  test('pushes then pulls on start and settles idle', async () => {
    const { loop, calls, states } = harness();
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['push', 'pull']);
    expect(states).toEqual(['pushing', 'pulling', 'idle']);
    loop.stop();
  });

  test('debounces a burst of local changes into one push', async () => {
    const { loop, calls } = harness();
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    calls.length = 0;
    for (let i = 0; i < 5; i++) {
      loop.mutated();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(PUSH_DEBOUNCE_MS);
    expect(calls).toEqual(['push', 'pull']);
    loop.stop();
  });

  test('backs off exponentially while offline and retries at once when the network returns', async () => {
    const { loop, calls, delegate } = harness({ failures: 3 });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(loop.current).toBe('backoff');
    expect(delegate.push).toHaveBeenCalledTimes(1);
    // random() = 0.5 → 3/4 of the ceiling: 750 ms, then 1.5 s.
    await vi.advanceTimersByTimeAsync(0.75 * MIN_BACKOFF_MS);
    expect(delegate.push).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1.5 * MIN_BACKOFF_MS - 1);
    expect(delegate.push).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(delegate.push).toHaveBeenCalledTimes(3);
    loop.now(); // "online"
    await vi.advanceTimersByTimeAsync(0);
    expect(delegate.push).toHaveBeenCalledTimes(4);
    expect(calls.at(-1)).toBe('pull');
    expect(loop.current).toBe('idle');
    loop.stop();
  });

  test('caps the backoff and spreads retries with jitter', () => {
    const { loop, delegate } = harness();
    const at = (failures: number, random: number) => {
      delegate.random = () => random;
      (loop as unknown as { failures: number }).failures = failures;
      return loop.backoffDelay();
    };
    expect(at(1, 0)).toBe(MIN_BACKOFF_MS / 2);
    expect(at(1, 1)).toBe(MIN_BACKOFF_MS);
    expect(at(30, 1)).toBe(MAX_BACKOFF_MS);
    expect(at(30, 0)).toBe(MAX_BACKOFF_MS / 2);
  });

  test('a hint during a run is not lost: it runs again right after', async () => {
    const { loop, calls, delegate } = harness();
    let release!: () => void;
    delegate.pull.mockImplementationOnce(async () => {
      calls.push('pull');
      await new Promise<void>((r) => (release = r));
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    loop.now();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['push', 'pull', 'push', 'pull']);
    loop.stop();
  });

  test('does not retry a refused session on its own, only on the next poll, and never after stop', async () => {
    const { loop, delegate } = harness({ failures: 1, retryable: false });
    loop.start();
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS - 1);
    expect(delegate.push).toHaveBeenCalledTimes(1);
    // The poll at 30 s schedules an immediate run (fake timers run it 1 ms later).
    await vi.advanceTimersByTimeAsync(2);
    expect(delegate.push).toHaveBeenCalledTimes(2);
    loop.stop();
    await vi.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS);
    expect(delegate.push).toHaveBeenCalledTimes(2);
  });
});
