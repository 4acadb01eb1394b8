import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../../shared/alerts/alert-settings';
import { getBridge } from '../../bridge/bridge';

/**
 * The agent's alert settings as the shell holds them, mirrored here so the
 * schedule producer and the settings panel see a change at once. The shell
 * (main, or the web fallback) is the owner and validates; this is a cache.
 */
const listeners = new Set<() => void>();
let current: AlertSettings | null = null;
let loading: Promise<void> | null = null;

function publish(settings: AlertSettings): void {
  current = settings;
  for (const listener of listeners) listener();
}

function load(): Promise<void> {
  loading ??= getBridge()
    .getAlertSettings()
    .then(publish, () => publish(DEFAULT_ALERT_SETTINGS));
  return loading;
}

/** Saves through the shell; rejects (with the field named) when the shell refuses them. */
export async function saveAlertSettings(settings: AlertSettings): Promise<AlertSettings> {
  const saved = await getBridge().setAlertSettings(settings);
  publish(saved);
  return saved;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Current settings, or null until the shell has answered. */
export function useAlertSettings(): AlertSettings | null {
  useEffect(() => void load(), []);
  return useSyncExternalStore(subscribe, () => current);
}

/** For tests. */
export function resetAlertSettingsState(): void {
  current = null;
  loading = null;
}
