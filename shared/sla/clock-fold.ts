import { checkTierMove, isReturn } from '../escalation/tier-rules';
import type { CreatedEvent, FunctionalEscalationEvent, TicketEvent } from '../model/ticket-event';
import { perPolicy } from '../policy/per-policy';
import { policyIndex, type PolicyIndex } from '../policy/policy-index';
import type { Policy } from '../policy/schema';
import type { Priority } from '../model/levels';
import type { SpecCalendar } from './calendar';
import { calendarLookup, type CalendarLookup } from './calendars';
import { ClockTrack } from './clock-track';
import type { EscalationRecord, IgnoredEvent, TicketState } from './ticket-clocks';
import { checkPause } from './validate-pause';

/** Why an event was not applied, or null when it was. */
type Outcome = string | null;

const NONE_FIRED: ReadonlySet<string> = new Set();
const NO_ESCALATIONS: readonly EscalationRecord[] = [];
const NONE_IGNORED: readonly IgnoredEvent[] = [];

/** One clock target of a priority; its calendar is looked up on first use. */
type Target = { calendarId: string; within: number; calendar: SpecCalendar | null };

/**
 * What a fold reads from its policy for every ticket, looked up once per
 * policy object: the policy index, the calendars, and each priority's two
 * targets with their calendars (each looked up on first use, so an
 * undefined calendar still fails only where it did when looked up per ticket).
 */
class FoldContext {
  readonly index: PolicyIndex;
  readonly calendars: CalendarLookup;
  private readonly targets = new Map<Priority, { response: Target; resolution: Target }>();

  constructor(readonly policy: Policy) {
    this.index = policyIndex(policy);
    this.calendars = calendarLookup(policy);
  }

  /** The response and resolution targets of `priority`, or undefined when the policy has none. */
  targetsOf(priority: Priority): { response: Target; resolution: Target } | undefined {
    const cached = this.targets.get(priority);
    if (cached) return cached;
    const targets = this.policy.targets[priority];
    if (!targets) return undefined;
    const { response, resolution } = targets;
    const resolved = {
      response: { calendarId: response.calendar, within: response.within, calendar: null },
      resolution: { calendarId: resolution.calendar, within: resolution.within, calendar: null },
    };
    this.targets.set(priority, resolved);
    return resolved;
  }

  calendarOf(target: Target): SpecCalendar {
    return (target.calendar ??= this.calendars(target.calendarId));
  }
}

const foldContext = perPolicy((policy) => new FoldContext(policy));

/** The mutable state of computeClocks while it folds one ticket's events (see compute-clocks.ts). */
export class ClockFold {
  state: TicketState | null = null;
  response: ClockTrack | null = null;
  resolution: ClockTrack | null = null;
  acceptance: ClockTrack | null = null;
  escalations: readonly EscalationRecord[] = NO_ESCALATIONS;
  /** Allocated on the first action_fired event: most streams have none, and the engine folds 100k tickets at a time. */
  fired: ReadonlySet<string> = NONE_FIRED;
  ignored: readonly IgnoredEvent[] = NONE_IGNORED;
  private functionalEscalations = 0;

  private readonly context: FoldContext;

  constructor(policy: Policy) {
    this.context = foldContext(policy);
  }

  private get policy(): Policy {
    return this.context.policy;
  }

  private get index(): PolicyIndex {
    return this.context.index;
  }

  ignore(index: number, event: TicketEvent, reason: string): void {
    // Copy on write: most streams ignore nothing and escalate rarely, so they share the empty arrays.
    const entry: IgnoredEvent = { index, type: event.type, at: event.at, reason };
    if ('clock' in event) entry.clock = event.clock;
    this.ignored = [...this.ignored, entry];
  }

  /** Applies `event`, whose instant the caller has read once as `at` (see outcome). */
  apply(index: number, event: TicketEvent, at: number): void {
    const outcome = this.outcome(event, at);
    if (outcome !== null) this.ignore(index, event, outcome);
  }

  private outcome(event: TicketEvent, at: number): Outcome {
    // Events come in many shapes, so each field read is a slow (megamorphic) one, and one of a
    // number also allocates a box for it: the type and the instant are read once.
    const { type } = event;
    if (type === 'action_fired') {
      if (this.fired === NONE_FIRED) this.fired = new Set<string>();
      (this.fired as Set<string>).add(event.actionId);
      return null;
    }
    if (type === 'created') return this.state ? 'the ticket was already created' : this.create(event, at);
    const state = this.state;
    const response = this.response;
    const resolution = this.resolution;
    if (!state || !response || !resolution) return 'no created event comes before it';
    if (state.status === 'closed') return 'the ticket is closed';
    switch (type) {
      case 'responded': {
        if (!this.index.responseKinds.get(state.channel)?.has(event.via)) {
          const counts = this.policy.responseDefinition[state.channel];
          return `a ${event.via} does not count as a response on a ${state.channel} ticket (policy: ${counts.join(', ')})`;
        }
        if (response.snapshot.state === 'stopped') return 'the response clock has already stopped';
        response.stop(at);
        return null;
      }
      case 'accepted': {
        const pending = state.pendingAcceptance;
        if (state.status !== 'open') return `the ticket is ${state.status}`;
        if (event.tier !== (pending?.tier ?? state.tier)) return `the ticket waits in ${pending?.tier ?? state.tier}, not ${event.tier}`;
        if (pending && this.acceptance) this.acceptance.stop(at);
        state.pendingAcceptance = null;
        state.owner = event.onBehalfOf ?? event.by;
        const counts = this.index.responseKinds.get(state.channel)?.has('acceptance') ?? false;
        if (counts && response.snapshot.state !== 'stopped') response.stop(at);
        return null;
      }
      case 'priority_changed': {
        if (event.priority === state.priority) return `the priority is already ${event.priority}`;
        state.priority = event.priority;
        if (response.snapshot.state !== 'stopped') this.retarget(response, at);
        if (resolution.snapshot.state !== 'stopped') this.retarget(resolution, at);
        return null;
      }
      case 'severity_changed':
        if (event.severity === state.severity) return `the severity is already ${event.severity}`;
        state.severity = event.severity;
        return null;
      case 'category_changed':
        state.category = event.category;
        return null;
      case 'paused': {
        const track = event.clock === 'response' ? response : resolution;
        const check = checkPause(event, track.snapshot.state, state.status, this.policy);
        if (!check.ok) return check.message;
        track.pause(at, event.reason, event.by, event.role);
        return null;
      }
      case 'resumed': {
        const track = event.clock === 'response' ? response : resolution;
        if (track.snapshot.state !== 'paused') return `the ${event.clock} clock is not paused`;
        track.resume(at);
        return null;
      }
      case 'escalated': {
        if (state.status !== 'open') return `the ticket is ${state.status}`;
        const returning = event.kind === 'functional' && isReturn(event.fromTier, event.toTier);
        const known = event.kind === 'hierarchical' ? this.index.hierarchicalTriggers : returning ? this.index.returnTriggers : this.index.functionalTriggers;
        if (!known.has(event.trigger)) {
          const what = returning ? 'reason for returning a ticket to a lower tier' : `${event.kind} escalation trigger`;
          return `"${event.trigger}" is not a ${what} (policy: ${[...known].join(', ')})`;
        }
        if (event.kind === 'functional') return this.escalate(event, state, at);
        if (!this.index.managementLevels.has(event.level)) return `"${event.level}" is not a management level in the policy`;
        this.record({ kind: 'hierarchical', at, by: event.by, trigger: event.trigger, reason: event.reason, level: event.level });
        return null;
      }
      case 'resolved':
      case 'closed': {
        if (event.type === 'resolved' && state.status !== 'open') return `the ticket is already ${state.status}`;
        response.stop(at);
        resolution.stop(at);
        this.acceptance?.stop(at);
        state.status = event.type;
        state.pendingAcceptance = null;
        return null;
      }
      case 'reopened': {
        if (state.status !== 'resolved') return 'only a resolved ticket can be reopened';
        state.status = 'open';
        if (resolution.priority !== state.priority) this.retarget(resolution, at);
        resolution.resume(at);
        return null;
      }
    }
  }

  private create(event: CreatedEvent, at: number): Outcome {
    const targets = this.context.targetsOf(event.priority);
    if (!targets) return `the policy has no targets for ${event.priority}`;
    this.state = {
      ticketId: event.ticketId,
      createdAt: at,
      priority: event.priority,
      severity: event.severity,
      category: event.category,
      channel: event.channel,
      tier: event.tier ?? this.index.entryTiers.get(event.category) ?? 'L1',
      status: 'open',
      owner: null,
      pendingAcceptance: null,
    };
    const { response, resolution } = targets;
    const context = this.context;
    this.response = new ClockTrack('response', 'response', event.priority, null, response.calendarId, response.within, at, context.calendarOf(response));
    this.resolution = new ClockTrack('resolution', 'resolution', event.priority, null, resolution.calendarId, resolution.within, at, context.calendarOf(resolution));
    return null;
  }

  private record(escalation: EscalationRecord): void {
    this.escalations = [...this.escalations, escalation];
  }

  private retarget(track: ClockTrack, atMs: number): void {
    const priority = this.state!.priority;
    const targets = this.context.targetsOf(priority);
    if (!targets) return;
    const target = track.kind === 'response' ? targets.response : targets.resolution;
    track.retarget(atMs, priority, target.calendarId, target.within, this.policy.retargetRule, this.context.calendarOf(target));
  }

  private escalate(event: FunctionalEscalationEvent, state: TicketState, at: number): Outcome {
    if (event.fromTier !== state.tier) return `the ticket is in ${state.tier}, not ${event.fromTier}`;
    const move = { priority: state.priority, severity: state.severity, category: state.category, from: event.fromTier, to: event.toTier, approval: event.approval };
    const check = checkTierMove(move, this.policy);
    if (!check.ok) return check.message;
    const tier = this.index.tiers.get(event.toTier);
    const calendarId = tier?.acceptCalendar ?? this.policy.targets[state.priority]?.resolution.calendar;
    if (!tier || !calendarId) return `the policy does not define tier ${event.toTier}`;
    if (this.acceptance) this.acceptance.stop(at);
    this.functionalEscalations++;
    this.acceptance = new ClockTrack(
      'acceptance',
      `acceptance#${this.functionalEscalations}`,
      state.priority,
      event.toTier,
      calendarId,
      tier.acceptWithin,
      at,
      this.context.calendars(calendarId),
    );
    state.tier = event.toTier;
    state.owner = null;
    state.pendingAcceptance = { tier: event.toTier, since: at, by: event.by };
    const approval = check.path === 'approved_skip' && event.approval ? { ...event.approval } : null;
    this.record({
      kind: 'functional',
      at,
      by: event.by,
      trigger: event.trigger,
      reason: event.reason,
      fromTier: event.fromTier,
      toTier: event.toTier,
      path: check.path,
      approval,
    });
    return null;
  }
}
