import type { ActorRole } from '../model/ticket-event';
import { policyIndex } from '../policy/policy-index';
import type { PauseReason, Policy } from '../policy/schema';
import type { ClockKind, ClockState } from './clock-snapshot';
import type { TicketClocks, TicketStatusSummary } from './ticket-clocks';

export type PauseRequest = { clock: ClockKind; reason: string; role: ActorRole };

export type PauseCheck =
  | { ok: true; reason: PauseReason }
  | { ok: false; field: 'clock' | 'reason' | 'role'; message: string };

/**
 * A clock pauses only while it runs, for a reason the policy lists, by a
 * role that reason allows, and only the clocks the reason covers: "paused"
 * must never be a way to hide time.
 */
export function checkPause(
  request: PauseRequest,
  clockState: ClockState | null,
  status: TicketStatusSummary | null,
  policy: Policy,
): PauseCheck {
  if (status !== 'open') return { ok: false, field: 'clock', message: `the ticket is ${status ?? 'not created'}; there is no clock to pause` };
  const reason = policyIndex(policy).pauseReasons.get(request.reason);
  if (!reason) {
    const listed = policy.pauseReasons.map((r) => `${r.label} (${r.id})`).join(', ');
    return { ok: false, field: 'reason', message: `"${request.reason}" is not a pause reason in the policy; use one of: ${listed}` };
  }
  if (!(reason.roles as readonly string[]).includes(request.role)) {
    return { ok: false, field: 'role', message: `a ${request.role} may not pause for "${reason.label}"; allowed: ${reason.roles.join(', ')}` };
  }
  if (reason.clocks && !reason.clocks.includes(request.clock)) {
    return { ok: false, field: 'clock', message: `"${reason.label}" pauses only the ${reason.clocks.join(' and ')} clock` };
  }
  if (clockState !== 'running') {
    const why = clockState === 'paused' ? 'is already paused' : clockState === 'stopped' ? 'has stopped' : 'has not started';
    return { ok: false, field: 'clock', message: `the ${request.clock} clock ${why}` };
  }
  return { ok: true, reason };
}

/** The check for a pause the user is about to make, against the ticket's computed clocks. */
export function validatePause(request: PauseRequest, clocks: TicketClocks, policy: Policy): PauseCheck {
  return checkPause(request, clocks[request.clock]?.state ?? null, clocks.state?.status ?? null, policy);
}
