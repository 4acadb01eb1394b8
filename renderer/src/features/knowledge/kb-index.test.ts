import { describe, expect, test } from 'vitest';
import type { KbArticle } from '../../../../shared/model/kb-article';
import { buildKbIndex, search, suggestFor } from './kb-index';

const article = (id: string, title: string, body: string, category: string): KbArticle => ({
  id,
  title,
  body,
  category,
  tags: [],
  sourceTicketId: null,
  createdBy: 'agent-l2',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
});

const ARTICLES = [
  article('kb-vpn', 'VPN drops every few minutes', 'Reinstall the VPN client profile and check the MTU setting on the home router.', 'network'),
  article('kb-printer', 'Printer shows offline', 'Restart the print spooler service and re-add the printer from the software center.', 'hardware'),
  article('kb-pw', 'Reset a password for a locked account', 'Verify the caller, unlock the account and issue a one-time password.', 'access'),
];

describe('knowledge suggestions', () => {
  test('suggest the article that matches the ticket title first', () => {
    const index = buildKbIndex(ARTICLES);
    const hits = suggestFor(index, { title: 'VPN drops every hour', service: 'VPN', category: 'network', description: '' });
    expect(hits[0]?.id).toBe('kb-vpn');
  });

  test('find articles by words of their body and by prefixes while typing', () => {
    const index = buildKbIndex(ARTICLES);
    expect(search(index, 'spool').map((h) => h.id)).toEqual(['kb-printer']);
    expect(search(index, '')).toEqual([]);
  });
});
