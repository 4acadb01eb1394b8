import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { AlertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../../shared/alerts/alert-settings';
import type { TierdeskBridge } from '../../../../shared/ipc/contract';
import { zodFieldErrors } from '../../../../shared/errors';
import { defaultPolicy } from '../../../../shared/policy/default-policy';
import { AlertSettingsPanel } from './AlertSettingsPanel';
import { resetAlertSettingsState } from './alert-settings-state';

let stored: AlertSettings;
let paused: number | null;
const desktop = { closeToTray: true, launchAtLogin: false, launchAtLoginSupported: false };

// The desktop bridge with main's validation: a refused payload names its field.
const bridge = {
  getAppInfo: async () => ({ name: 'Tierdesk', version: '1', platform: 'linux', shell: 'electron' as const }),
  getAlertSettings: async () => stored,
  setAlertSettings: vi.fn(async (next: AlertSettings) => {
    const parsed = AlertSettingsSchema.safeParse(next);
    if (!parsed.success) {
      const first = zodFieldErrors(parsed.error)[0]!;
      throw new Error(`ipc alerts:set-settings refused: invalid payload: ${first.field}: ${first.message}`);
    }
    stored = parsed.data;
    return stored;
  }),
  getDesktopSettings: async () => desktop,
  setDesktopSettings: vi.fn(async (patch: Partial<typeof desktop>) => Object.assign(desktop, patch)),
  pauseAlerts: vi.fn(async ({ minutes }: { minutes: number }) => {
    paused = minutes > 0 ? Date.now() + minutes * 60_000 : null;
    return { pausedUntil: paused };
  }),
  getAlertPause: vi.fn(async () => ({ pausedUntil: paused })),
};
window.tierdesk = bridge as unknown as TierdeskBridge;

beforeEach(() => {
  stored = DEFAULT_ALERT_SETTINGS;
  paused = null;
  resetAlertSettingsState();
  vi.clearAllMocks();
});

async function open() {
  const user = userEvent.setup();
  render(<AlertSettingsPanel />);
  await user.click(await screen.findByText('Alerts'));
  return user;
}

describe('AlertSettingsPanel', () => {
  test('saves quiet hours and a shift from the policy calendars', async () => {
    const user = await open();
    await user.click(screen.getByRole('checkbox', { name: 'On' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'My shift' }), 'business');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(stored.quietHours).toMatchObject({ from: '22:00', to: '07:00' });
    expect(stored.shift).toEqual(defaultPolicy.calendars.business);
  });

  test('shows the refusal, naming the field, and keeps the old settings', async () => {
    const user = await open();
    const thresholds = screen.getByRole('textbox', { name: 'Alert at (% of SLA)' });
    await user.clear(thresholds);
    await user.type(thresholds, '90, 75');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('thresholds: must be ascending without repeats');
    expect(stored.thresholds).toEqual([75, 90, 100]);
  });

  test('names a typo or an emptied field and saves nothing, instead of breaking the alerts', async () => {
    const user = await open();
    const thresholds = screen.getByRole('textbox', { name: 'Alert at (% of SLA)' });
    await user.clear(thresholds);
    await user.type(thresholds, 'abc, 50');
    await user.clear(screen.getByRole('spinbutton', { name: /Repeat/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent(/^Not saved\. thresholds\[0\]: .*; breachRepeatMinutes: /);
    expect(stored.thresholds).toEqual([75, 90, 100]);
    expect(stored.breachRepeatMinutes).toBe(10);
  });

  test('pauses alerts for an hour, says until when, and resumes them', async () => {
    const user = await open();
    await user.click(screen.getByRole('button', { name: 'Pause alerts for 1 h' }));
    expect(bridge.pauseAlerts).toHaveBeenCalledWith({ minutes: 60 });
    expect(await screen.findByText(/^Alerts paused until .* \(S1 still alerts\)\.$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume alerts' }));
    expect(bridge.pauseAlerts).toHaveBeenLastCalledWith({ minutes: 0 });
    expect(await screen.findByRole('status')).toHaveTextContent('Alerts on.');
    expect(screen.queryByText(/Alerts paused until/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Pause alerts for 1 h' })).toBeInTheDocument();
  });

  test('shows a pause made from the tray when the panel is opened', async () => {
    paused = Date.now() + 30 * 60_000;
    await open();
    expect(await screen.findByText(/^Alerts paused until .* \(S1 still alerts\)\.$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume alerts' })).toBeInTheDocument();
  });

  test('offers close-to-tray, and launch at login only where the OS supports it', async () => {
    const user = await open();
    const launch = await screen.findByRole('checkbox', { name: /Start Tierdesk when I log in/ });
    expect(launch).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Keep running in the tray/ }));
    await waitFor(() => expect(bridge.setDesktopSettings).toHaveBeenCalledWith({ closeToTray: false }));
  });

  test('when the system does not take launch at login, says why and leaves the box unticked', async () => {
    desktop.launchAtLoginSupported = true;
    bridge.setDesktopSettings.mockImplementationOnce(async () => ({ ...desktop, launchAtLogin: false, launchAtLoginProblem: 'EACCES: permission denied, mkdir ~/.config/autostart' }));
    try {
      const user = await open();
      const launch = await screen.findByRole('checkbox', { name: /Start Tierdesk when I log in/ });
      await user.click(launch);
      expect(await screen.findByRole('status')).toHaveTextContent('Start at login was not changed: EACCES: permission denied');
      expect(launch).not.toBeChecked();
    } finally {
      desktop.launchAtLoginSupported = false;
    }
  });

  test('in a browser: says whether notifications are allowed, and asks from a click', async () => {
    const requestPermission = vi.fn(async () => 'granted' as const);
    const stub = Object.assign(function Notification() {}, { permission: 'default', requestPermission });
    vi.stubGlobal('Notification', stub);
    const electronInfo = bridge.getAppInfo;
    bridge.getAppInfo = async () => ({ name: 'Tierdesk', version: '1', platform: 'web', shell: 'web' as unknown as 'electron' });
    try {
      const user = await open();
      expect(await screen.findByText(/has not been allowed to show Tierdesk notifications/)).toBeInTheDocument();
      expect(requestPermission).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Allow notifications' }));
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(await screen.findByText('Browser notifications are on while this tab is open.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Allow notifications' })).toBeNull();
    } finally {
      bridge.getAppInfo = electronInfo;
      vi.unstubAllGlobals();
    }
  });

  test('the desktop app shows no browser permission line', async () => {
    await open();
    await screen.findByRole('checkbox', { name: /Keep running in the tray/ });
    expect(screen.queryByText(/notifications are on|not been allowed|blocked for this site/)).toBeNull();
  });
});
