import type { Ticket } from '../../../../shared/model/ticket';
import type { NoteTemplate } from '../../../../shared/policy/schema';

/** The names a note template may use, filled in from the ticket and the agent writing. */
const FIELDS = ['requester', 'number', 'service', 'agent'] as const;

/**
 * A template's body for this ticket: {requester}, {number}, {service} and
 * {agent} filled in. A name in braces that is none of these is left as
 * written, so a typo in the policy shows instead of vanishing.
 */
export function fillTemplate(template: Pick<NoteTemplate, 'body'>, ticket: Pick<Ticket, 'number' | 'service' | 'requester'>, agentName: string): string {
  const values: Record<(typeof FIELDS)[number], string> = { requester: ticket.requester.name, number: ticket.number, service: ticket.service, agent: agentName };
  return template.body.replace(/\{(\w+)\}/g, (whole, name: string) => ((FIELDS as readonly string[]).includes(name) ? values[name as (typeof FIELDS)[number]] : whole));
}

/**
 * The note after inserting a template: an empty note becomes the template
 * (with its visibility and contact); text already typed stays, and the
 * template follows it after a blank line, its visibility left as chosen.
 */
export function withTemplate<T extends { body: string; visibility: 'internal' | 'public'; contact: string }>(note: T, template: NoteTemplate, text: string): T {
  if (note.body.trim() === '') return { ...note, body: text, visibility: template.visibility, contact: template.contact ?? note.contact };
  return { ...note, body: `${note.body.replace(/\s+$/, '')}\n\n${text}` };
}
