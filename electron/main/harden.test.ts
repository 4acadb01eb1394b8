import type { Session, WebContents } from 'electron';
import { describe, expect, test, vi } from 'vitest';
import { FakeWebContents } from './electron-mock';
import { denyPermissions, hardenWebContents } from './harden';
import { isAppUrl } from './security';

function hardened() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async () => undefined);
  hardenWebContents(contents as unknown as WebContents, openExternal);
  const attempt = (event: string, url: string) => {
    const preventDefault = vi.fn();
    contents.emit(event, { preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, openExternal, attempt };
}

const HOSTILE = [
  'https://evil.example/phish',
  'http://127.0.0.1:4317/v1/health',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(document.cookie)',
  'app://evil/index.html',
  'app://tierdesk@evil.example/',
  'chrome://gpu',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'tierdesk://ticket/INC-000123',
];

describe('hardenWebContents', () => {
  test.each(HOSTILE)('blocks navigating and redirecting the window to %j', (url) => {
    const { attempt } = hardened();
    expect(attempt('will-navigate', url)).toBe(true);
    expect(attempt('will-redirect', url)).toBe(true);
  });

  test('lets the app move within its own bundle', () => {
    const { attempt } = hardened();
    expect(attempt('will-navigate', 'app://tierdesk/index.html#/queue')).toBe(false);
  });

  // An https link on a real host is the one thing handed to the OS browser (next test).
  test.each(HOSTILE.filter((u) => !u.startsWith('https:')))('denies window.open(%j) and never hands it to the OS', async (url) => {
    const { contents, openExternal } = hardened();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).not.toHaveBeenCalled();
  });

  test('denies window.open of a safe https link too, opening it in the OS browser instead', () => {
    const { contents, openExternal } = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://kb.example.com/article/1' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://kb.example.com/article/1');
  });

  test('refuses to attach any <webview>', () => {
    const { attempt } = hardened();
    expect(attempt('will-attach-webview', '')).toBe(true);
  });
});

describe('denyPermissions', () => {
  const setup = () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string, origin: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as unknown as Session;
    denyPermissions(session, isAppUrl);
    return { request: request!, check: check! };
  };

  test.each(['media', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb'])(
    'denies %s even to the app',
    (permission) => {
      const { request, check } = setup();
      const answer = vi.fn();
      request({ getURL: () => 'app://tierdesk/index.html' }, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(check(null, permission, 'app://tierdesk')).toBe(false);
    },
  );

  test('grants notifications to the app only', () => {
    const { request, check } = setup();
    const answer = vi.fn();
    request({ getURL: () => 'https://evil.example/' }, 'notifications', answer);
    expect(answer).toHaveBeenLastCalledWith(false);
    request({ getURL: () => 'app://tierdesk/index.html' }, 'notifications', answer);
    expect(answer).toHaveBeenLastCalledWith(true);
    expect(check(null, 'notifications', 'https://evil.example')).toBe(false);
  });
});
