import { describe, expect, test } from 'vitest';
import { CoalescedRun } from './coalesced-run';

/** A run that can be held open, counting its passes (it loops while kicked, like the runner and the dispatcher). */
function harness() {
  let release: () => void = () => undefined;
  let passes = 0;
  const job: CoalescedRun<number> = new CoalescedRun(
    async () => {
      do {
        passes++;
        await new Promise<void>((resolve) => (release = resolve));
      } while (job.takeAgain() && !job.stopped);
      return passes;
    },
    () => -1,
  );
  return { job, release: () => release(), passes: () => passes };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CoalescedRun', () => {
  test('kicks during a run join it and ask for one more pass, however many there were', async () => {
    const h = harness();
    const first = h.job.kick();
    await tick();
    const second = h.job.kick();
    const third = h.job.kick();
    expect(second).toBe(first);
    expect(third).toBe(first);
    h.release();
    await tick();
    expect(h.passes()).toBe(2);
    h.release();
    expect(await first).toBe(2);
    // Idle again: the next kick is a new run.
    const next = h.job.kick();
    expect(next).not.toBe(first);
    await tick();
    h.release();
    expect(await next).toBe(3);
  });

  test('stop waits for the run under way, which makes no further pass; later kicks do nothing', async () => {
    const h = harness();
    const run = h.job.kick();
    await tick();
    h.job.kick();
    let stopped = false;
    const stopping = h.job.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    h.release();
    await stopping;
    expect(await run).toBe(1);
    expect(await h.job.kick()).toBe(-1);
    expect(h.passes()).toBe(1);
  });

  test('a failed run is reported to its caller and does not block the next one; stop does not rethrow it', async () => {
    let fail = true;
    const job = new CoalescedRun(async () => {
      if (fail) throw new Error('database unavailable');
      return 1;
    }, () => 0);
    await expect(job.kick()).rejects.toThrow('database unavailable');
    fail = false;
    expect(await job.kick()).toBe(1);
    fail = true;
    const failing = job.kick();
    await job.stop();
    await expect(failing).rejects.toThrow('database unavailable');
  });
});
