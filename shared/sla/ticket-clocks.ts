import type { ActorRole } from '../model/ticket-event';
import type { Channel, Priority, Severity, Tier } from '../model/levels';
import type { TicketSla } from '../model/ticket';
import type { EscalationKind } from '../policy/escalation-schema';
import type { TierMovePath } from '../escalation/tier-rules';
import type { ClockSnapshot, ClockState } from './clock-snapshot';

export type ComputedClockKind = 'response' | 'resolution' | 'acceptance';

/**
 * A stretch of a clock's life with one state, calendar and target. Phases
 * are what explanations, threshold instants and time rules are read from.
 */
export type ClockPhase = {
  from: number;
  /** null for the current phase. */
  to: number | null;
  state: 'running' | 'paused' | 'stopped';
  calendar: string;
  targetMs: number;
  /** Open time accrued (on the phase's calendar) when the phase began. */
  elapsedAtFrom: number;
  /** Increments when a re-target restarts the clock. */
  generation: number;
  pause: { reason: string; by: string; role: ActorRole } | null;
};

export type Retarget = {
  at: number;
  fromPriority: Priority;
  toPriority: Priority;
  rule: 'keep_elapsed' | 'restart';
  fromTargetMs: number;
  toTargetMs: number;
  fromCalendar: string;
  toCalendar: string;
  elapsedBefore: number;
  elapsedAfter: number;
};

export type ComputedClock = {
  kind: ComputedClockKind;
  /** Prefix of this clock's action ids: "response", "resolution@1" after a restart, "acceptance#2" for the second escalation. */
  key: string;
  snapshot: ClockSnapshot;
  /** Priority whose target applies (response/resolution); the receiving tier for acceptance. */
  priority: Priority;
  tier: Tier | null;
  /** First open instant of the current generation (may be after asOf when created out of hours). */
  startedAt: number;
  // Live values as of `asOf`:
  state: ClockState;
  elapsedMs: number;
  remainingMs: number;
  percent: number;
  dueAt: number | null;
  breachedAt: number | null;
  pauseReason: string | null;
  pausedBy: { by: string; role: ActorRole; at: number } | null;
  phases: ClockPhase[];
  retargets: readonly Retarget[];
};

export type TicketStatusSummary = 'open' | 'resolved' | 'closed';

export type TicketState = {
  ticketId: string;
  createdAt: number;
  priority: Priority;
  severity: Severity;
  category: string;
  channel: Channel;
  tier: Tier;
  status: TicketStatusSummary;
  owner: string | null;
  pendingAcceptance: { tier: Tier; since: number; by: string } | null;
};

export type EscalationRecord =
  | {
      kind: Extract<EscalationKind, 'functional'>;
      at: number;
      by: string;
      trigger: string;
      reason: string;
      fromTier: Tier;
      toTier: Tier;
      path: TierMovePath;
      approval: { by: string; role: ActorRole; reason: string } | null;
    }
  | { kind: Extract<EscalationKind, 'hierarchical'>; at: number; by: string; trigger: string; reason: string; level: string };

/** An event that did not change the clocks, and why (invalid under the policy, out of order, or not a response for the channel). */
export type IgnoredEvent = { index: number; type: string; at: number; reason: string; clock?: ComputedClockKind };

/** The result of computeClocks: everything the UI, the tray and the server read about a ticket's SLA. */
export type TicketClocks = {
  ticketId: string;
  asOf: number;
  /** null when the stream has no valid `created` event. */
  state: TicketState | null;
  response: ComputedClock | null;
  resolution: ComputedClock | null;
  /** The accept-within clock of the latest functional escalation, if any. */
  acceptance: ComputedClock | null;
  /** Snapshots to store on the ticket record (sorting by dueAt, cheap live countdowns). */
  sla: TicketSla | null;
  escalations: readonly EscalationRecord[];
  /** Action ids recorded by `action_fired` events. */
  fired: ReadonlySet<string>;
  ignored: readonly IgnoredEvent[];
};
