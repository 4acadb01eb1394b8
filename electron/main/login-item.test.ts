import { describe, expect, test, vi } from 'vitest';
import { applyLaunchAtLogin, loginItemSupported, startedHidden } from './login-item';

describe('launch at login', () => {
  test.each([
    ['darwin', true],
    ['win32', true],
    ['linux', false],
    ['freebsd', false],
  ] as const)('is supported on %s: %s', (platform, supported) => expect(loginItemSupported(platform)).toBe(supported));

  test('registers the login item with --hidden where supported, and does nothing on Linux', () => {
    const app = { setLoginItemSettings: vi.fn() };
    expect(applyLaunchAtLogin(app, 'win32', true)).toBe(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] });
    expect(applyLaunchAtLogin(app, 'linux', true)).toBe(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledTimes(1);
  });

  test('a start at login stays in the tray', () => {
    expect(startedHidden(['tierdesk.exe', '--hidden'], false)).toBe(true);
    expect(startedHidden(['Tierdesk'], true)).toBe(true);
    expect(startedHidden(['tierdesk'], false)).toBe(false);
  });
});
