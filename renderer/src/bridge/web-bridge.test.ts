import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { crossing } from '../../../shared/alerts/alert-fixtures';
import type { AlertCrossing } from '../../../shared/alerts/alert-schedule';
import { createWebBridge } from './web-bridge';

type Shown = { title: string; body: string; onclick: (() => void) | null };
let shown: Shown[];

class FakeNotification {
  static permission = 'granted';
  static requestPermission = vi.fn(async () => 'granted');
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: { body: string },
  ) {
    shown.push(this as unknown as Shown);
  }
}

const schedule = (crossings: AlertCrossing[]) => ({ version: 1 as const, clockOffsetMs: 0, crossings });
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  shown = [];
  localStorage.clear();
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('web bridge alerts (browser fallback)', () => {
  test('fires a crossing at its time as a web notification; a click opens the ticket', async () => {
    const bridge = createWebBridge();
    const opened: string[] = [];
    bridge.onOpenTicket((e) => opened.push(e.ticketNumber));
    await bridge.setAlertSchedule(schedule([crossing(1, 75, 60_000)]));
    await flush();
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown.map((n) => n.title)).toEqual(['INC-000001: 75% of the resolution SLA used']);
    shown[0]!.onclick!();
    expect(opened).toEqual(['INC-000001']);
  });

  test('remembers fired alerts across a reload (localStorage)', async () => {
    await createWebBridge().setAlertSchedule(schedule([crossing(1, 100, 0)]));
    await flush();
    expect(shown).toHaveLength(1);
    await createWebBridge().setAlertSchedule(schedule([crossing(1, 100, 0)]));
    await flush();
    expect(shown).toHaveLength(1);
  });

  test('acknowledging a breach stops its repeats', async () => {
    const bridge = createWebBridge();
    await bridge.setAlertSchedule(schedule([crossing(1, 100, 0)]));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(shown).toHaveLength(2);
    expect(await bridge.acknowledgeAlert({ ticketId: 't1', clock: 'resolution', threshold: 100 })).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(shown).toHaveLength(2);
  });

  test('answers that the browser keeps no desktop token and opens only safe links', async () => {
    const bridge = createWebBridge();
    expect(await bridge.storeToken({ token: 't', expiresAt: 1 })).toEqual({ status: 'unavailable', reason: 'not_desktop' });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    expect(await bridge.openExternal({ url: 'javascript:alert(1)' })).toBe(false);
    expect(await bridge.openExternal({ url: 'https://kb.example.com/a/1' })).toBe(true);
    expect(open).toHaveBeenCalledWith('https://kb.example.com/a/1', '_blank', 'noopener,noreferrer');
  });

  test('says whether alerts are paused, and until when', async () => {
    const bridge = createWebBridge();
    expect(await bridge.getAlertPause()).toEqual({ pausedUntil: null });
    const { pausedUntil } = await bridge.pauseAlerts({ minutes: 30 });
    expect(await bridge.getAlertPause()).toEqual({ pausedUntil });
    expect(pausedUntil! - Date.now()).toBeGreaterThan(29 * 60_000);
    await bridge.pauseAlerts({ minutes: 0 });
    expect(await bridge.getAlertPause()).toEqual({ pausedUntil: null });
  });

  test('keeps alert settings it was given', async () => {
    const bridge = createWebBridge();
    const settings = { ...(await bridge.getAlertSettings()), thresholds: [80, 100] };
    await bridge.setAlertSettings(settings);
    expect((await createWebBridge().getAlertSettings()).thresholds).toEqual([80, 100]);
  });
});
