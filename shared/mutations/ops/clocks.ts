import { validatePause } from '../../sla/validate-pause';
import { refuse, type ApplyContext, type ApplyOutcome, type TicketAggregate } from '../context';
import type { ArgsOf } from '../mutations';
import { clocksOf } from '../recompute';
import { actorOf, existing, firstRefusal, mustBeOpen, mustWorkOn, openStatus, updated } from './common';

/** Pauses only for a reason the policy lists, by a role it allows; every pause is an event with who and why. */
export function pauseClock(agg0: TicketAggregate | null, args: ArgsOf<'pauseClock'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const denied = firstRefusal(mustWorkOn(agg.ticket, ctx), mustBeOpen(agg.ticket));
  if (denied) return denied;
  const clocks = clocksOf(agg.events, ctx.policy, ctx.nowMs);
  const check = validatePause({ clock: args.clock, reason: args.reason, role: ctx.actor.role }, clocks, ctx.policy);
  if (!check.ok) return refuse('invalid_pause', check.message, check.field === 'role' ? 'reason' : check.field);
  const event = { type: 'paused' as const, ...actorOf(ctx), clock: args.clock, reason: args.reason, ...(args.note ? { note: args.note } : {}) };
  return updated(agg, { status: openStatus(agg.ticket, true) }, [event], ctx, {
    action: 'ticket.clock_paused',
    reason: `${check.reason.label}${args.note ? `: ${args.note}` : ''}`,
  });
}

export function resumeClock(agg0: TicketAggregate | null, args: ArgsOf<'resumeClock'>, ctx: ApplyContext): ApplyOutcome {
  const agg = existing(agg0);
  if (!('ticket' in agg)) return agg;
  const denied = firstRefusal(mustWorkOn(agg.ticket, ctx), mustBeOpen(agg.ticket));
  if (denied) return denied;
  const clocks = clocksOf(agg.events, ctx.policy, ctx.nowMs);
  if (clocks[args.clock]?.state !== 'paused') return refuse('invalid_state', `the ${args.clock} clock is not paused`, 'clock');
  const other = args.clock === 'response' ? clocks.resolution : clocks.response;
  const stillPaused = other?.state === 'paused';
  return updated(agg, { status: openStatus(agg.ticket, stillPaused) }, [{ type: 'resumed', ...actorOf(ctx), clock: args.clock }], ctx, {
    action: 'ticket.clock_resumed',
  });
}
