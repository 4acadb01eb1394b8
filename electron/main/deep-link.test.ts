import { describe, expect, test } from 'vitest';
import { findDeepLink, parseDeepLink } from './deep-link';

describe('parseDeepLink', () => {
  test.each([
    ['tierdesk://ticket/INC-000123', 'INC-000123'],
    ['tierdesk://ticket/INC-000123/', 'INC-000123'],
    ['TIERDESK://ticket/INC-000123', 'INC-000123'],
    ['tierdesk://ticket/INC-123456789012', 'INC-123456789012'],
  ])('opens %s', (url, ticketNumber) => expect(parseDeepLink(url)).toEqual({ ticketNumber }));

  test.each([
    '',
    'tierdesk:',
    'tierdesk://',
    'tierdesk://ticket/',
    'tierdesk://ticket/INC-123',
    'tierdesk://ticket/INC-1234567890123',
    'tierdesk://ticket/inc-000123',
    'tierdesk://TICKET/INC-000123',
    'tierdesk://ticket/NEW-ABCDEFGH',
    'tierdesk://ticket/INC-000123?x=1',
    'tierdesk://ticket/INC-000123#frag',
    'tierdesk://ticket/INC-000123/../../etc/passwd',
    'tierdesk://ticket/INC-000123/comments',
    'tierdesk://ticket/INC-0001%32%33',
    'tierdesk://ticket/INC-000123%00',
    'tierdesk://ticket/INC-000123\n--inspect=9229',
    'tierdesk://ticket/INC-000123 --gpu-launcher=calc.exe',
    'tierdesk://user:pw@ticket/INC-000123',
    'tierdesk://ticket:443/INC-000123',
    'tierdesk://evil.example/ticket/INC-000123',
    'tierdesk:ticket/INC-000123',
    'tierdesk:///ticket/INC-000123',
    'tierdesk:\\\\ticket\\INC-000123',
    'https://ticket/INC-000123',
    'javascript:alert(1)//tierdesk://ticket/INC-000123',
    ' tierdesk://ticket/INC-000123',
    'tierdesk://ticket/INC-000123 ',
    'tierdesk://ticket/ＩＮＣ-000123',
    'tierdesk://ticket/INC-٠٠٠١٢٣',
    'tierdesk://ticket/INC-000123' + '0'.repeat(100),
  ])('refuses %j', (url) => expect(parseDeepLink(url)).toBeNull());
});

describe('findDeepLink', () => {
  test('finds the link among the arguments Chromium and the OS add', () => {
    expect(findDeepLink(['/opt/Tierdesk/tierdesk', '--no-sandbox', '--allow-file-access-from-files', 'tierdesk://ticket/INC-000777'])).toEqual({ ticketNumber: 'INC-000777' });
  });

  test('answers null without a link, and for a hostile first link rather than trying the next', () => {
    expect(findDeepLink(['/usr/bin/tierdesk', '--hidden'])).toBeNull();
    expect(findDeepLink(['tierdesk://ticket/INC-1;rm -rf', 'tierdesk://ticket/INC-000001'])).toBeNull();
  });
});
