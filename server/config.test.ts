import { describe, expect, test } from 'vitest';
import { DEFAULT_RUNNER_LEASE_RETRY_MS, loadConfig } from './config';

describe('loadConfig', () => {
  test('reads the standby retry of the escalation runner, with its default', () => {
    expect(loadConfig({}).runnerLeaseRetryMs).toBe(DEFAULT_RUNNER_LEASE_RETRY_MS);
    expect(loadConfig({ TIERDESK_RUNNER_LEASE_RETRY_MS: '300' }).runnerLeaseRetryMs).toBe(300);
  });

  test('refuses a retry that is not a sensible number of milliseconds, naming the variable', () => {
    // NaN or 0 would make a standby process retry in a tight loop.
    for (const bad of ['abc', '0', '-5', '1.5', '99999999']) {
      expect(() => loadConfig({ TIERDESK_RUNNER_LEASE_RETRY_MS: bad })).toThrow(`TIERDESK_RUNNER_LEASE_RETRY_MS: "${bad}" is not a number of milliseconds`);
    }
  });

  test('refuses a port that is not a TCP port, naming the variable', () => {
    expect(() => loadConfig({ TIERDESK_PORT: '70000' })).toThrow('TIERDESK_PORT: "70000" is not a TCP port');
  });
});
