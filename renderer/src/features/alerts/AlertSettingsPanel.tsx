import { useEffect, useState, type FormEvent } from 'react';
import { AlertSettingsSchema, type AlertSettings } from '../../../../shared/alerts/alert-settings';
import { zodFieldErrors } from '../../../../shared/errors';
import type { DesktopSettingsAnswer } from '../../../../shared/ipc/desktop-settings';
import type { CalendarSpec } from '../../../../shared/sla/calendar-spec';
import { getActivePolicy } from '../../app/policy';
import { getBridge } from '../../bridge/bridge';
import { saveAlertSettings, useAlertSettings } from './alert-settings-state';

const ALWAYS = '';

const PERMISSION_TEXT: Record<NotificationPermission | 'unsupported', string> = {
  granted: 'Browser notifications are on while this tab is open.',
  default: 'This browser has not been allowed to show Tierdesk notifications yet.',
  denied: "Notifications are blocked for this site: allow them in the browser's site settings to hear about breaches and work that comes to you.",
  unsupported: 'This browser cannot show notifications; the desktop app can.',
};
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Which policy calendar the shift is, by content ('' = always on duty, 'custom' = set elsewhere). */
function shiftId(shift: CalendarSpec | null, calendars: Record<string, CalendarSpec>): string {
  if (!shift) return ALWAYS;
  const id = Object.keys(calendars).find((k) => JSON.stringify(calendars[k]) === JSON.stringify(shift));
  return id ?? 'custom';
}

/** Alerts and shell settings: thresholds, repeats, quiet hours, shift, pause; close-to-tray and launch at login in the desktop app. */
export function AlertSettingsPanel() {
  const settings = useAlertSettings();
  const calendars = getActivePolicy().policy.calendars as Record<string, CalendarSpec>;
  const [desktop, setDesktop] = useState<DesktopSettingsAnswer | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Paused from the tray or here: read each time the panel opens (a pause ends by itself), not at start-up.
  const [pausedUntil, setPausedUntil] = useState<number | null>(null);
  const readPause = () =>
    void Promise.resolve()
      .then(() => getBridge().getAlertPause())
      .then((answer) => setPausedUntil(answer.pausedUntil))
      .catch(() => undefined);

  // In a browser, notifications need the site's permission, asked for from a click (browsers ignore or block a prompt that comes from nowhere).
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported' | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const bridge = getBridge();
      if ((await bridge.getAppInfo()).shell !== 'electron') {
        if (!cancelled) setPermission(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
        return;
      }
      const answer = await bridge.getDesktopSettings();
      if (!cancelled) setDesktop(answer);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  if (!settings) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const shift = text('shift');
    const repeat = text('repeat').trim();
    const next: AlertSettings = {
      ...settings!,
      thresholds: text('thresholds').split(/[\s,]+/).filter(Boolean).map(Number),
      // An emptied field is a mistake to point out, not "0 = never".
      breachRepeatMinutes: repeat === '' ? NaN : Number(repeat),
      quietHours: form.get('quiet') ? { from: text('quietFrom'), to: text('quietTo'), timeZone: settings!.quietHours?.timeZone ?? localZone() } : null,
      shift: shift === ALWAYS ? null : shift === 'custom' ? settings!.shift : (calendars[shift] ?? null),
    };
    // Checked here first: a typo ("abc") is named and nothing is saved (the old settings stay in force).
    const checked = AlertSettingsSchema.safeParse(next);
    if (!checked.success) {
      setMessage(`Not saved. ${zodFieldErrors(checked.error).map((f) => `${f.field}: ${f.message}`).join('; ')}`);
      return;
    }
    try {
      await saveAlertSettings(checked.data);
      setMessage('Saved.');
    } catch (error) {
      setMessage(error instanceof Error ? error.message.replace(/^.*invalid payload: /, '') : String(error));
    }
  }

  const setDesktopFlag = async (patch: { closeToTray?: boolean; launchAtLogin?: boolean }) => {
    try {
      const answer = await getBridge().setDesktopSettings(patch);
      setDesktop(answer);
      if (answer.launchAtLoginProblem) setMessage(`Start at login was not changed: ${answer.launchAtLoginProblem}`);
    } catch (error) {
      setMessage(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const pause = async (minutes: number) => {
    const answer = await getBridge().pauseAlerts({ minutes });
    setPausedUntil(answer.pausedUntil);
    setMessage(answer.pausedUntil ? null : 'Alerts on.');
  };
  const paused = pausedUntil !== null && pausedUntil > Date.now();
  const currentShift = shiftId(settings.shift, calendars);

  return (
    <details className="alert-settings" onToggle={(e) => e.currentTarget.open && readPause()}>
      <summary>Alerts</summary>
      <div className="alert-settings-body">
        <form onSubmit={(e) => void submit(e)} aria-label="Alert settings">
          <label>
            Alert at (% of SLA)
            <input name="thresholds" defaultValue={settings.thresholds.join(', ')} />
          </label>
          <label>
            Repeat an unacknowledged breach every (minutes, 0 = never)
            <input name="repeat" type="number" min={0} max={1440} defaultValue={settings.breachRepeatMinutes} />
          </label>
          <fieldset>
            <legend>Quiet hours (S1 still alerts)</legend>
            <label>
              <input name="quiet" type="checkbox" defaultChecked={settings.quietHours !== null} /> On
            </label>
            <input name="quietFrom" type="time" aria-label="Quiet from" defaultValue={settings.quietHours?.from ?? '22:00'} />
            <input name="quietTo" type="time" aria-label="Quiet until" defaultValue={settings.quietHours?.to ?? '07:00'} />
          </fieldset>
          <label>
            My shift
            <select name="shift" defaultValue={currentShift}>
              <option value={ALWAYS}>Always on duty</option>
              {Object.keys(calendars).map((id) => (
                <option key={id} value={id}>
                  {id} calendar
                </option>
              ))}
              {currentShift === 'custom' && <option value="custom">Custom</option>}
            </select>
          </label>
          <button type="submit">Save</button>
          {paused ? (
            <button type="button" onClick={() => void pause(0)}>
              Resume alerts
            </button>
          ) : (
            <button type="button" onClick={() => void pause(60)}>
              Pause alerts for 1 h
            </button>
          )}
        </form>
        {paused && <p className="paused">Alerts paused until {new Date(pausedUntil!).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} (S1 still alerts).</p>}
        {permission && (
          <p className="notification-permission">
            {PERMISSION_TEXT[permission]}{' '}
            {permission === 'default' && (
              <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
                Allow notifications
              </button>
            )}
          </p>
        )}
        {desktop && (
          <fieldset>
            <legend>Desktop</legend>
            <label>
              <input type="checkbox" checked={desktop.closeToTray} onChange={(e) => void setDesktopFlag({ closeToTray: e.target.checked })} /> Keep running in the tray when the window is closed
            </label>
            <label>
              <input
                type="checkbox"
                checked={desktop.launchAtLogin}
                disabled={!desktop.launchAtLoginSupported}
                onChange={(e) => void setDesktopFlag({ launchAtLogin: e.target.checked })}
              />{' '}
              Start Tierdesk when I log in{desktop.launchAtLoginSupported ? '' : ' (only in the desktop app)'}
            </label>
          </fieldset>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </details>
  );
}
