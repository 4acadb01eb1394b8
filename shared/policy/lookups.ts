import type { Impact, Priority, Urgency } from '../model/levels';
import type { Policy } from './schema';

export function priorityFor(policy: Policy, impact: Impact, urgency: Urgency): Priority {
  return policy.priorityMatrix[impact][urgency];
}

/** Threshold percentages of a clock's escalation path, ascending (e.g. [0, 50, 75, 100]). */
export function thresholdPercents(policy: Policy, kind: 'response' | 'resolution'): number[] {
  return policy.escalationMatrix[kind].map((t) => t.atPercent);
}
