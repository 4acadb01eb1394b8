import { describe, expect, test, vi } from 'vitest';
import { crossing } from '../../shared/alerts/alert-fixtures';
import { clockLabel, trayMenuTemplate, trayTooltip, type TrayActions } from './tray-menu';

const actions = (): TrayActions => ({ open: vi.fn(), openTicket: vi.fn(), acknowledgeAll: vi.fn(), pause: vi.fn(), resume: vi.fn(), quit: vi.fn() });
const now = Date.parse('2026-03-02T10:00:00Z');
const labels = (items: Array<{ label?: string; type?: string }>) => items.map((i) => i.label ?? `--${i.type}`);

describe('tray menu', () => {
  test('lists the next breaches, Open, Pause for 1 h and Quit', () => {
    const a = actions();
    const items = trayMenuTemplate(
      { atRisk: 2, nextBreaches: [crossing(1, 100, now + 5 * 60_000), crossing(2, 100, now + 2 * 86_400_000)], unacknowledged: 0, pausedUntil: null, now, timeZone: 'UTC' },
      a,
    );
    expect(labels(items)).toEqual([
      '2 at risk',
      '--separator',
      'Next breaches',
      'INC-000001 · resolution breach at 10:05',
      'INC-000002 · resolution breach at Wed 10:00',
      '--separator',
      'Open Tierdesk',
      'Pause alerts for 1 h',
      '--separator',
      'Quit',
    ]);
    items[3]!.click!({} as never, undefined, {} as never);
    expect(a.openTicket).toHaveBeenCalledWith('INC-000001');
    items.find((i) => i.label === 'Quit')!.click!({} as never, undefined, {} as never);
    expect(a.quit).toHaveBeenCalled();
  });

  test('offers Acknowledge while breaches repeat, and Resume while paused', () => {
    const a = actions();
    const items = trayMenuTemplate({ atRisk: 0, nextBreaches: [], unacknowledged: 3, pausedUntil: now + 3_600_000, now, timeZone: 'UTC' }, a);
    expect(labels(items)).toContain('Acknowledge 3 breaches');
    expect(labels(items)).toContain('Resume alerts (paused until 11:00)');
    expect(labels(items)).toContain('No breaches ahead');
    items.find((i) => i.label?.startsWith('Resume'))!.click!({} as never, undefined, {} as never);
    expect(a.resume).toHaveBeenCalled();
  });

  test('lists at most five breaches', () => {
    const many = [1, 2, 3, 4, 5, 6, 7].map((n) => crossing(n, 100, now + n * 60_000));
    const items = trayMenuTemplate({ atRisk: 7, nextBreaches: many, unacknowledged: 0, pausedUntil: null, now, timeZone: 'UTC' }, actions());
    expect(labels(items).filter((l) => l.includes('breach at'))).toHaveLength(5);
  });

  test('tooltip counts tickets at risk', () => {
    expect(trayTooltip(0)).toBe('Tierdesk: nothing at risk');
    expect(trayTooltip(1)).toBe('Tierdesk: 1 ticket at risk of breaching');
    expect(clockLabel(now + 60_000, now, 'Europe/Berlin')).toBe('11:01');
  });
});
