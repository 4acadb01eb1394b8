import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, isAllowedNavigation, isSafeExternalUrl, isTrustedSenderUrl } from './security';

describe('isAllowedNavigation', () => {
  test.each(['app://tierdesk/index.html', 'app://tierdesk/', 'app://tierdesk/index.html#/ticket/INC-000123'])(
    'allows %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  );

  test.each([
    'https://evil.example/',
    'http://127.0.0.1:4317/v1/health',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://tierdesk.evil.example/index.html',
    'app://user:pass@tierdesk/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'APP://TIERDESK@evil.example/',
    '',
    'not a url',
  ])('refuses %j', (url) => expect(isAllowedNavigation(url)).toBe(false));
});

describe('isSafeExternalUrl', () => {
  test.each(['https://kb.example.com/article/42', 'https://status.example.org/?q=vpn#now'])('allows %s', (url) =>
    expect(isSafeExternalUrl(url)).toBe(true),
  );

  test.each([
    'http://kb.example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'https://user:secret@example.com/',
    'https://localhost/',
    'https://intranet/',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'https://' + 'a'.repeat(3000) + '.com/',
    '  https://example.com',
    'https://example.com/\tpath',
    '',
  ])('refuses %j', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('isTrustedSenderUrl', () => {
  test('trusts only frames showing the app bundle', () => {
    expect(isTrustedSenderUrl('app://tierdesk/index.html')).toBe(true);
    expect(isTrustedSenderUrl('https://evil.example/')).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  test('allows scripts only from the bundle and connections only to the API', () => {
    const csp = contentSecurityPolicy(['http://127.0.0.1:4317']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4317");
    expect(csp).toContain("object-src 'none'");
  });
});
