import { describe, expect, test } from 'vitest';
import { createAlertGate, quietHoursComplement } from './alert-gate';

const at = (iso: string) => Date.parse(iso);
const berlinQuiet = { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' };

describe('quiet hours', () => {
  test('hold a non-S1 alert at night and release it when quiet hours end, local time', () => {
    const gate = createAlertGate({ quietHours: berlinQuiet, shift: null });
    // 23:30 in Berlin (CET, UTC+1) on a winter night.
    expect(gate.allows(at('2026-01-14T22:30:00Z'), 'S2')).toBe(false);
    expect(gate.nextAllowed(at('2026-01-14T22:30:00Z'))).toBe(at('2026-01-15T06:00:00Z'));
    expect(gate.allows(at('2026-01-15T06:00:00Z'), 'S2')).toBe(true);
  });

  test('let S1 through at any hour', () => {
    const gate = createAlertGate({ quietHours: berlinQuiet, shift: null });
    expect(gate.allows(at('2026-01-14T23:59:00Z'), 'S1')).toBe(true);
  });

  test('follow daylight saving time: quiet hours end at 07:00 local in summer too', () => {
    const gate = createAlertGate({ quietHours: berlinQuiet, shift: null });
    expect(gate.nextAllowed(at('2026-07-14T23:00:00Z'))).toBe(at('2026-07-15T05:00:00Z'));
  });

  test('a daytime quiet window (lunch) leaves the rest of the day open', () => {
    expect(quietHoursComplement({ from: '12:00', to: '13:00', timeZone: 'UTC' }).week.mon).toEqual([
      ['00:00', '12:00'],
      ['13:00', '24:00'],
    ]);
    expect(quietHoursComplement({ from: '00:00', to: '06:00', timeZone: 'UTC' }).week.sun).toEqual([['06:00', '24:00']]);
    const gate = createAlertGate({ quietHours: { from: '12:00', to: '13:00', timeZone: 'UTC' }, shift: null });
    expect(gate.allows(at('2026-03-02T12:30:00Z'), 'S3')).toBe(false);
    expect(gate.allows(at('2026-03-02T13:00:00Z'), 'S3')).toBe(true);
  });
});

describe('shift', () => {
  const shift = { timeZone: 'America/New_York', week: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']] } as Record<string, Array<[string, string]>> };

  test('holds alerts off shift (the weekend) until the next shift starts', () => {
    const gate = createAlertGate({ quietHours: null, shift });
    const saturday = at('2026-03-07T15:00:00Z');
    expect(gate.allows(saturday, 'S2')).toBe(false);
    // Monday 08:00 in New York: EDT (UTC−4), since daylight saving time began on 8 March 2026.
    expect(gate.nextAllowed(saturday)).toBe(at('2026-03-09T12:00:00Z'));
  });

  test('combines with quiet hours: both must allow', () => {
    const gate = createAlertGate({ quietHours: { from: '07:00', to: '09:00', timeZone: 'America/New_York' }, shift });
    // Monday 08:00 local is on shift but quiet; 09:00 local is both.
    expect(gate.nextAllowed(at('2026-03-09T12:00:00Z'))).toBe(at('2026-03-09T13:00:00Z'));
  });

  test('answers null when shift and quiet hours never overlap', () => {
    const gate = createAlertGate({ quietHours: { from: '07:00', to: '18:00', timeZone: 'America/New_York' }, shift });
    expect(gate.nextAllowed(at('2026-03-09T12:00:00Z'))).toBeNull();
  });

  test('without shift or quiet hours every instant is allowed', () => {
    const gate = createAlertGate({ quietHours: null, shift: null });
    expect(gate.allows(0, 'S4')).toBe(true);
    expect(gate.nextAllowed(1234)).toBe(1234);
  });
});
