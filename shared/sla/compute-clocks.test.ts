import { describe, expect, test } from 'vitest';
import type { TicketEvent } from '../model/ticket-event';
import { defaultPolicy } from '../policy/default-policy';
import { agent, created, engineer, lead, ny, nyLocal, policyWith, target } from '../testing/ticket-events';
import { HOUR_MS, MINUTE_MS } from '../time/duration';
import { calendarLookup } from './calendars';
import { computeClocks } from './compute-clocks';
import { validatePause } from './validate-pause';

const change = (at: number, clock: 'response' | 'resolution', who: { by: string; role: 'l1_agent' | 'l2_agent' | 'lead' } = engineer): TicketEvent => ({
  type: 'paused',
  at,
  ...who,
  clock,
  reason: 'change_window',
});
const resume = (at: number, clock: 'response' | 'resolution'): TicketEvent => ({ type: 'resumed', at, ...engineer, clock });

describe('computeClocks on the default policy', () => {
  test('a 2 h response target paused 09:00–10:05 is due at 11:05', () => {
    const events = [created(ny('2026-03-02T07:30')), change(ny('2026-03-02T09:00'), 'response'), resume(ny('2026-03-02T10:05'), 'response')];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-02T10:30'));
    expect(clocks.response?.startedAt).toBe(ny('2026-03-02T08:00'));
    expect(nyLocal(clocks.response!.dueAt!)).toBe('2026-03-02T11:05');
    expect(clocks.response?.elapsedMs).toBe(HOUR_MS + 25 * MINUTE_MS);
  });

  test('a response stopped at its due instant is breached there, one millisecond earlier it is met, and after hours it keeps the due instant', () => {
    // P3: 2 h of business time from Monday 16:00 is due Tuesday 09:00 (17:00–08:00 closed).
    const respondAt = (at: number) => computeClocks([created(ny('2026-03-02T16:00')), { type: 'responded', at, ...agent, via: 'public_reply' }], defaultPolicy, ny('2026-03-04T12:00')).response!;
    expect(respondAt(ny('2026-03-03T09:00') - 1)).toMatchObject({ state: 'stopped', breachedAt: null, elapsedMs: 2 * HOUR_MS - 1 });
    expect(respondAt(ny('2026-03-03T09:00'))).toMatchObject({ state: 'stopped', breachedAt: ny('2026-03-03T09:00'), elapsedMs: 2 * HOUR_MS });
    expect(respondAt(ny('2026-03-03T20:00'))).toMatchObject({ state: 'stopped', breachedAt: ny('2026-03-03T09:00'), elapsedMs: 10 * HOUR_MS });
    expect(respondAt(ny('2026-03-02T20:00'))).toMatchObject({ state: 'stopped', breachedAt: null, elapsedMs: HOUR_MS });
    const paused = computeClocks([created(ny('2026-03-02T16:00')), change(ny('2026-03-03T10:00'), 'response')], defaultPolicy, ny('2026-03-04T12:00')).response!;
    expect(paused).toMatchObject({ state: 'paused', breachedAt: ny('2026-03-03T09:00'), dueAt: null });
  });

  test('a 16 h resolution target started Monday 09:00 breaches Tuesday 16:00, on the second business day', () => {
    const policy = policyWith(target('P3', 'resolution', '16h'));
    const events = [created(ny('2026-03-02T09:00'))];
    const before = computeClocks(events, policy, ny('2026-03-03T15:59'));
    expect(before.resolution?.breachedAt).toBeNull();
    const after = computeClocks(events, policy, ny('2026-03-04T09:00'));
    expect(nyLocal(after.resolution!.breachedAt!)).toBe('2026-03-03T16:00');
    expect(after.resolution?.remainingMs).toBe(-2 * HOUR_MS); // Tue 16–17 and Wed 08–09
  });

  test('a ticket raised Friday evening starts its business clocks Monday 08:00', () => {
    const events = [created(ny('2026-03-06T18:00'), { priority: 'P2' })];
    const weekend = computeClocks(events, defaultPolicy, ny('2026-03-07T12:00'));
    expect(weekend.response).toMatchObject({ state: 'running', elapsedMs: 0, percent: 0 });
    expect(nyLocal(weekend.response!.startedAt)).toBe('2026-03-09T08:00');
    expect(nyLocal(weekend.response!.dueAt!)).toBe('2026-03-09T08:30');
  });

  test('a P1 raised on Saturday night runs on calendar time at once', () => {
    const clocks = computeClocks([created(ny('2026-03-07T23:00'), { priority: 'P1' })], defaultPolicy, ny('2026-03-08T01:00'));
    expect(clocks.resolution?.startedAt).toBe(ny('2026-03-07T23:00'));
    expect(clocks.resolution?.elapsedMs).toBe(2 * HOUR_MS);
  });

  test('a pause across nights and the Thanksgiving holiday excludes exactly the open time it covered', () => {
    const start = created(ny('2026-11-23T08:00'));
    const paused: TicketEvent = { type: 'paused', at: ny('2026-11-25T16:00'), ...agent, clock: 'resolution', reason: 'awaiting_customer' };
    const resumed = resume(ny('2026-11-30T09:00'), 'resolution');
    const running = computeClocks([start], defaultPolicy, ny('2026-11-23T08:00'));
    const withPause = computeClocks([start, paused, resumed], defaultPolicy, ny('2026-11-30T09:00'));
    expect(nyLocal(running.resolution!.dueAt!)).toBe('2026-11-25T17:00');
    // Paused with 1 h left; Wed 16–17, Fri 08–17 (Thursday is a holiday) and Mon 08–09 are 11 paused business hours.
    expect(withPause.resolution).toMatchObject({ state: 'running', elapsedMs: 26 * HOUR_MS });
    expect(nyLocal(withPause.resolution!.dueAt!)).toBe('2026-11-30T10:00');
    const business = calendarLookup(defaultPolicy)('business');
    expect(withPause.resolution!.dueAt).toBe(business.addBusinessTime(running.resolution!.dueAt!, 11 * HOUR_MS));
  });

  test('a pause is only applied for a listed reason and an allowed role; others are ignored with the reason', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'paused', at: ny('2026-03-02T10:00'), ...agent, clock: 'resolution', reason: 'lunch' },
      { type: 'paused', at: ny('2026-03-02T10:30'), ...agent, clock: 'resolution', reason: 'awaiting_vendor' },
    ];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-02T12:00'));
    expect(clocks.resolution?.state).toBe('running');
    expect(clocks.ignored.map((i) => i.reason)).toEqual([
      expect.stringContaining('"lunch" is not a pause reason'),
      expect.stringContaining('a l1_agent may not pause for "Awaiting vendor"'),
    ]);
  });

  test('a response that the channel does not count leaves the response clock running', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'responded', at: ny('2026-03-02T09:10'), ...agent, via: 'internal_note' },
      { type: 'responded', at: ny('2026-03-02T09:20'), ...agent, via: 'chat_reply' },
      { type: 'responded', at: ny('2026-03-02T09:30'), ...agent, via: 'public_reply' },
    ];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-02T12:00'));
    expect(clocks.response).toMatchObject({ state: 'stopped', elapsedMs: 30 * MINUTE_MS, breachedAt: null });
    expect(clocks.ignored).toHaveLength(2);
  });

  test('a priority change keeps the elapsed open time by default and re-targets the due time', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'priority_changed', at: ny('2026-03-02T12:00'), ...agent, priority: 'P2', reason: 'wider impact found' },
    ];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-02T13:00'));
    expect(clocks.resolution).toMatchObject({ priority: 'P2', elapsedMs: 4 * HOUR_MS, key: 'resolution' });
    expect(nyLocal(clocks.resolution!.dueAt!)).toBe('2026-03-02T17:00');
    expect(clocks.resolution?.retargets[0]).toMatchObject({ fromPriority: 'P3', toPriority: 'P2', rule: 'keep_elapsed', elapsedAfter: 3 * HOUR_MS });
  });

  test('a priority change under the restart rule starts the clocks again with a new action key', () => {
    const policy = policyWith((doc) => (doc.retargetRule = 'restart'));
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'priority_changed', at: ny('2026-03-02T12:00'), ...agent, priority: 'P2', reason: 'wider impact found' },
    ];
    const clocks = computeClocks(events, policy, ny('2026-03-02T13:00'));
    expect(clocks.resolution).toMatchObject({ elapsedMs: HOUR_MS, key: 'resolution@1' });
    expect(nyLocal(clocks.resolution!.dueAt!)).toBe('2026-03-03T11:00');
  });

  test('an upgrade to P1 moves the clock onto calendar time and can breach at the change', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T08:00'), { priority: 'P4' }),
      { type: 'priority_changed', at: ny('2026-03-02T13:00'), ...agent, priority: 'P1', reason: 'payments down' },
    ];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-02T13:30'));
    expect(clocks.resolution).toMatchObject({ priority: 'P1', elapsedMs: 5.5 * HOUR_MS, breachedAt: ny('2026-03-02T13:00') });
    expect(clocks.resolution?.snapshot.calendar).toBe('24x7');
  });

  test('reopening resumes the resolution clock with the time already used', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'resolved', at: ny('2026-03-02T11:00'), ...agent },
      { type: 'reopened', at: ny('2026-03-03T09:00'), by: 'requester@example.com', role: 'requester', reason: 'still broken' },
    ];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-03T10:00'));
    expect(clocks.resolution).toMatchObject({ state: 'running', elapsedMs: 3 * HOUR_MS });
    expect(clocks.response?.state).toBe('stopped');
    expect(clocks.state?.status).toBe('open');
  });

  test('a functional escalation waits for acceptance in the receiving tier against its accept-within target', () => {
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'escalated', kind: 'functional', at: ny('2026-03-02T10:00'), ...agent, trigger: 'troubleshooting_exhausted', fromTier: 'L1', toTier: 'L2', reason: 'needs AD access' },
    ];
    const pending = computeClocks(events, defaultPolicy, ny('2026-03-02T10:30'));
    expect(pending.state).toMatchObject({ tier: 'L2', owner: null, pendingAcceptance: { tier: 'L2' } });
    expect(pending.acceptance).toMatchObject({ key: 'acceptance#1', tier: 'L2', percent: 50 });
    const accepted = computeClocks([...events, { type: 'accepted', at: ny('2026-03-02T10:40'), ...engineer, tier: 'L2' }], defaultPolicy, ny('2026-03-02T12:00'));
    expect(accepted.acceptance).toMatchObject({ state: 'stopped', elapsedMs: 40 * MINUTE_MS });
    expect(accepted.state).toMatchObject({ owner: 'agent-l2', pendingAcceptance: null });
  });

  test('a return to a lower tier names a return reason; an escalation trigger on the way down is ignored with the reason', () => {
    const up: TicketEvent = { type: 'escalated', kind: 'functional', at: ny('2026-03-02T10:00'), ...agent, trigger: 'troubleshooting_exhausted', fromTier: 'L1', toTier: 'L2', reason: 'needs AD access' };
    const took: TicketEvent = { type: 'accepted', at: ny('2026-03-02T10:10'), ...engineer, tier: 'L2' };
    const back = (trigger: string): TicketEvent => ({ type: 'escalated', kind: 'functional', at: ny('2026-03-02T11:00'), ...engineer, trigger, fromTier: 'L2', toTier: 'L1', reason: 'L1 confirms the fix with the user' });
    const at = ny('2026-03-02T11:30');
    const returned = computeClocks([created(ny('2026-03-02T09:00')), up, took, back('fix_provided_follow_up')], defaultPolicy, at);
    expect(returned.escalations.at(-1)).toMatchObject({ path: 'return', fromTier: 'L2', toTier: 'L1' });
    expect(returned.state).toMatchObject({ tier: 'L1', pendingAcceptance: { tier: 'L1' } });
    expect(returned.acceptance).toMatchObject({ key: 'acceptance#2', tier: 'L1', state: 'running' });
    const wrong = computeClocks([created(ny('2026-03-02T09:00')), up, took, back('troubleshooting_exhausted')], defaultPolicy, at);
    expect(wrong.state?.tier).toBe('L2');
    expect(wrong.ignored[0]?.reason).toMatch(/"troubleshooting_exhausted" is not a reason for returning a ticket to a lower tier/);
  });

  test('skipping a tier is refused unless a direct path matches or a lead approves with a reason', () => {
    const skip = (severity: 'S1' | 'S3', approval?: { by: string; role: 'lead' | 'l1_agent'; reason: string }): TicketEvent[] => [
      created(ny('2026-03-02T09:00'), { severity }),
      { type: 'escalated', kind: 'functional', at: ny('2026-03-02T09:30'), ...agent, trigger: 'lacks_access_or_expertise', fromTier: 'L1', toTier: 'L3', reason: 'database corruption', ...(approval ? { approval } : {}) },
    ];
    const at = ny('2026-03-02T10:00');
    expect(computeClocks(skip('S3'), defaultPolicy, at).ignored[0]?.reason).toMatch(/L1 → L3 skips a tier/);
    expect(computeClocks(skip('S1'), defaultPolicy, at).escalations[0]).toMatchObject({ path: 'direct', toTier: 'L3' });
    const approved = computeClocks(skip('S3', { ...lead, reason: 'L2 is at an offsite today' }), defaultPolicy, at);
    expect(approved.escalations[0]).toMatchObject({ path: 'approved_skip', approval: { by: 'lead-1', reason: 'L2 is at an offsite today' } });
    expect(computeClocks(skip('S3', { ...agent, reason: 'I think it is urgent' }), defaultPolicy, at).ignored[0]?.reason).toMatch(/cannot approve/);
  });
});

describe('computeClocks on damaged or unusual streams', () => {
  test('applies events in time order, not storage order', () => {
    const events = [resume(ny('2026-03-02T10:05'), 'response'), created(ny('2026-03-02T07:30')), change(ny('2026-03-02T09:00'), 'response')];
    expect(nyLocal(computeClocks(events, defaultPolicy, ny('2026-03-02T11:00')).response!.dueAt!)).toBe('2026-03-02T11:05');
  });

  test('targets are read from the policy object given, call after call', () => {
    const longer = policyWith(target('P3', 'response', '4h'));
    const events = [created(ny('2026-03-02T09:00'))];
    const due = (policy: typeof defaultPolicy) => nyLocal(computeClocks(events, policy, ny('2026-03-02T09:30')).response!.dueAt!);
    expect([due(defaultPolicy), due(longer), due(defaultPolicy), due(longer)]).toEqual(['2026-03-02T11:00', '2026-03-02T13:00', '2026-03-02T11:00', '2026-03-02T13:00']);
  });

  test('a priority change looks up only the calendars of the clocks it re-targets', () => {
    const p2 = defaultPolicy.targets.P2!;
    const policy = { ...defaultPolicy, targets: { ...defaultPolicy.targets, P2: { ...p2, response: { ...p2.response, calendar: 'nowhere' } } } };
    const events: TicketEvent[] = [
      created(ny('2026-03-02T09:00')),
      { type: 'responded', at: ny('2026-03-02T09:10'), ...agent, via: 'public_reply' },
      { type: 'priority_changed', at: ny('2026-03-02T09:20'), ...agent, priority: 'P2', reason: 'reassessed' },
    ];
    expect(computeClocks(events, policy, ny('2026-03-02T09:30')).resolution?.priority).toBe('P2');
    expect(() => computeClocks([created(ny('2026-03-02T09:00'), { priority: 'P2' })], policy, ny('2026-03-02T09:30'))).toThrow(/nowhere/);
  });

  test('does not apply events after the instant it computes', () => {
    const events = [created(ny('2026-03-02T09:00')), { type: 'resolved', at: ny('2026-03-02T12:00'), ...agent } as TicketEvent];
    const clocks = computeClocks(events, defaultPolicy, ny('2026-03-02T11:00'));
    expect(clocks.resolution?.state).toBe('running');
    expect(clocks.ignored[0]?.reason).toMatch(/after the instant/);
  });

  test('a stream without a created event yields no clocks instead of throwing', () => {
    const clocks = computeClocks([resume(ny('2026-03-02T10:05'), 'response')], defaultPolicy, ny('2026-03-02T11:00'));
    expect(clocks).toMatchObject({ state: null, response: null, sla: null });
    expect(clocks.ignored[0]?.reason).toMatch(/no created event/);
  });

  test('the snapshots it returns are what the ticket record stores', () => {
    const clocks = computeClocks([created(ny('2026-03-02T09:00'))], defaultPolicy, ny('2026-03-02T10:00'));
    expect(clocks.sla?.response).toMatchObject({ state: 'running', calendar: 'business', targetMs: 2 * HOUR_MS, startedAt: ny('2026-03-02T09:00') });
  });
});

describe('validatePause', () => {
  const clocks = computeClocks([created(ny('2026-03-02T09:00'))], defaultPolicy, ny('2026-03-02T10:00'));

  test('accepts a listed reason by an allowed role', () => {
    expect(validatePause({ clock: 'resolution', reason: 'awaiting_customer', role: 'l1_agent' }, clocks, defaultPolicy).ok).toBe(true);
  });

  test('names the reason field for an unlisted reason and lists the valid ones', () => {
    expect(validatePause({ clock: 'resolution', reason: 'coffee', role: 'l1_agent' }, clocks, defaultPolicy)).toEqual({
      ok: false,
      field: 'reason',
      message: expect.stringContaining('Awaiting customer (awaiting_customer)'),
    });
  });

  test('names the role field when the role may not use the reason', () => {
    expect(validatePause({ clock: 'resolution', reason: 'change_window', role: 'l1_agent' }, clocks, defaultPolicy)).toMatchObject({ ok: false, field: 'role' });
  });

  test('names the clock field when the reason does not cover that clock', () => {
    expect(validatePause({ clock: 'response', reason: 'awaiting_customer', role: 'l1_agent' }, clocks, defaultPolicy)).toMatchObject({
      ok: false,
      field: 'clock',
      message: '"Awaiting customer" pauses only the resolution clock',
    });
  });
});
