import { z } from 'zod';
import { AlertScheduler, type FiredMemory } from '../../../shared/alerts/alert-scheduler';
import { AlertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/alerts/alert-settings';
import { FiredAlertSchema, retainFired, type FiredAlert } from '../../../shared/alerts/fired-alert';
import type { AlertNotification } from '../../../shared/alerts/plan-alerts';

/**
 * The browser build's alerts: the same AlertScheduler and rules as the
 * desktop shell, timed with the page's setTimeout and shown as web
 * notifications. Best effort by nature — nothing fires while the tab is
 * closed, and background tabs may have their timers delayed — which is why
 * the desktop tray exists. Fired alerts and settings live in localStorage.
 */
const FIRED_KEY = 'tierdesk.alerts.fired';
const SETTINGS_KEY = 'tierdesk.alerts.settings';

function readStored<S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: alerts still work for this page's lifetime.
  }
}

export function localFiredMemory(): FiredMemory {
  const map = new Map((readStored(FIRED_KEY, z.array(FiredAlertSchema)) ?? []).map((e) => [e.key, e] as const));
  const save = () => write(FIRED_KEY, [...map.values()]);
  return {
    map,
    record(entries: readonly FiredAlert[]) {
      for (const e of entries) map.set(e.key, e);
      if (entries.length) save();
    },
    acknowledge(keys, now) {
      let changed = 0;
      for (const key of keys) {
        const e = map.get(key);
        if (e && e.acknowledgedAt === null) {
          map.set(key, { ...e, acknowledgedAt: now });
          changed++;
        }
      }
      if (changed) save();
      return changed;
    },
    prune(scheduledKeys, now) {
      const kept = retainFired(map.values(), scheduledKeys, now);
      if (kept.length === map.size) return;
      map.clear();
      for (const e of kept) map.set(e.key, e);
      save();
    },
  };
}

export function readWebAlertSettings(): AlertSettings {
  return readStored(SETTINGS_KEY, AlertSettingsSchema) ?? DEFAULT_ALERT_SETTINGS;
}

export function saveWebAlertSettings(settings: AlertSettings): void {
  write(SETTINGS_KEY, settings);
}

export type WebNotify = (n: AlertNotification) => void;

export function createWebAlertScheduler(notify: WebNotify): AlertScheduler {
  return new AlertScheduler({
    timers: { now: () => Date.now(), setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    memory: localFiredMemory(),
    settings: readWebAlertSettings(),
    notify,
  });
}
