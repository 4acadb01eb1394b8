import { describe, expect, test } from 'vitest';
import { defaultPolicy } from '../../../../shared/policy/default-policy';
import type { NoteTemplate } from '../../../../shared/policy/schema';
import { fillTemplate, withTemplate } from './note-templates';

const ticket = { number: 'INC-000042', service: 'VPN', requester: { name: 'Ava Adams', email: 'ava.adams@example.com', vip: false } };
const reply: NoteTemplate = { id: 'r', label: 'Reply', body: 'Hello {requester}, {number} ({service}) is fixed. {agent} {unknown}', visibility: 'public', contact: 'phone_call' };

describe('note templates', () => {
  test('fill in the requester, number, service and agent; an unknown name in braces stays as written', () => {
    expect(fillTemplate(reply, ticket, 'Alex Rivera')).toBe('Hello Ava Adams, INC-000042 (VPN) is fixed. Alex Rivera {unknown}');
  });

  test('an empty note becomes the template with its visibility and contact; typed text stays, the template after it', () => {
    const empty = { body: '  ', visibility: 'internal' as const, contact: 'public_reply' };
    expect(withTemplate(empty, reply, 'T')).toEqual({ body: 'T', visibility: 'public', contact: 'phone_call' });
    const typed = { body: 'Checked the logs.\n', visibility: 'internal' as const, contact: 'public_reply' };
    expect(withTemplate(typed, reply, 'T')).toEqual({ body: 'Checked the logs.\n\nT', visibility: 'internal', contact: 'public_reply' });
  });

  test('the default policy ships templates that use only the names that are filled in', () => {
    expect(defaultPolicy.noteTemplates.length).toBeGreaterThan(0);
    for (const template of defaultPolicy.noteTemplates) expect(fillTemplate(template, ticket, 'Alex Rivera')).not.toMatch(/\{\w+\}/);
  });
});
