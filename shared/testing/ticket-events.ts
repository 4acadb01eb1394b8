import { Temporal } from 'temporal-polyfill';
import type { TicketEvent } from '../model/ticket-event';
import type { Priority, Severity } from '../model/levels';
import defaultPolicyDocument from '../policy/default-policy.json';
import { parsePolicy, type Policy } from '../policy/schema';

/**
 * Builders for ticket event streams in tests: New York wall times, the
 * default actors, and policy variants made by editing the default document.
 */
export const NY = 'America/New_York';

/** Local New York wall time → epoch ms. */
export const ny = (local: string): number => Temporal.ZonedDateTime.from(`${local}[${NY}]`).epochMilliseconds;

export const nyLocal = (ms: number): string =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(NY).toPlainDateTime().toString().slice(0, 16);

export function created(
  at: number,
  overrides: Partial<{ priority: Priority; severity: Severity; category: string; channel: 'email' | 'phone' | 'chat'; ticketId: string }> = {},
): TicketEvent {
  return {
    type: 'created',
    at,
    by: 'requester@example.com',
    role: 'requester',
    ticketId: overrides.ticketId ?? 't-1',
    priority: overrides.priority ?? 'P3',
    severity: overrides.severity ?? 'S3',
    category: overrides.category ?? 'software',
    channel: overrides.channel ?? 'email',
  };
}

export const agent = { by: 'agent-l1', role: 'l1_agent' } as const;
export const engineer = { by: 'agent-l2', role: 'l2_agent' } as const;
export const lead = { by: 'lead-1', role: 'lead' } as const;

/** The default policy with part of its document replaced. */
export function policyWith(edit: (doc: Record<string, unknown>) => void): Policy {
  const doc = JSON.parse(JSON.stringify(defaultPolicyDocument)) as Record<string, unknown>;
  edit(doc);
  return parsePolicy(doc);
}

/** Sets one priority's target in a policy document. */
export const target =
  (priority: Priority, kind: 'response' | 'resolution', within: string, calendar = 'business') =>
  (doc: Record<string, unknown>) => {
    (doc.targets as Record<string, Record<string, unknown>>)[priority]![kind] = { within, calendar };
  };
