import { z } from 'zod';

export const IMPACTS = ['high', 'medium', 'low'] as const;
export const ImpactSchema = z.enum(IMPACTS);
export type Impact = z.infer<typeof ImpactSchema>;

export const URGENCIES = ['high', 'medium', 'low'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

/** Business impact: S1 critical (full outage) … S4 low (cosmetic). */
export const SEVERITIES = ['S1', 'S2', 'S3', 'S4'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Functional levels; L4 is the vendor / external tier. */
export const TIERS = ['L1', 'L2', 'L3', 'L4'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'pending_acceptance',
  'on_hold',
  'resolved',
  'closed',
] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export function isOpenStatus(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

export const ROLES = ['l1_agent', 'l2_agent', 'l3_agent', 'vendor_liaison', 'lead', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** How the request reached the desk; the policy says per channel what counts as a first response. */
export const CHANNELS = ['email', 'phone', 'portal', 'chat', 'walk_in', 'monitoring'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * Kinds of agent contact. Only those the policy lists for the ticket's
 * channel stop the response clock; an internal note never reaches the requester.
 */
export const RESPONSE_KINDS = ['public_reply', 'phone_call', 'chat_reply', 'on_site_visit', 'acceptance', 'internal_note'] as const;
export const ResponseKindSchema = z.enum(RESPONSE_KINDS);
export type ResponseKind = z.infer<typeof ResponseKindSchema>;
