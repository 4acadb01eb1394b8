import type { HandoffNote } from '../../shared/handoff/handoff-note';
import type { Tier } from '../../shared/model/levels';
import type { Ticket } from '../../shared/model/ticket';
import type { Random } from './random';

const STEPS: Record<Tier, Array<[string, string]>> = {
  L1: [
    ['Restarted the device and signed in again', 'Same error after the restart'],
    ['Followed the knowledge article step by step', 'Article steps did not change anything'],
    ['Checked the service status page for known outages', 'No outage posted for this service'],
    ['Reproduced the issue on a second device with the user', 'The problem also happens on the second device'],
  ],
  L2: [
    ['Collected client logs and compared them with a working machine', 'Errors point to the backend, not the client'],
    ['Reinstalled the client with a clean profile', 'Issue persists with a clean profile'],
    ['Tested with a different account on the same device', 'Other accounts work, so the fault is tied to this account'],
  ],
  L3: [
    ['Traced the failing requests through the application logs', 'Requests fail inside the vendor component'],
    ['Rolled back last week configuration change in staging', 'Rollback does not fix staging either'],
  ],
  L4: [],
};

const NEEDS: Record<Tier, string[]> = {
  L1: [],
  L2: ['Access to the server logs and someone who can change the account configuration', 'Deeper troubleshooting of the client configuration and the account settings'],
  L3: ['Engineering review of the backend errors seen in the logs and a fix or a safe workaround', 'An engineer with rights on the production configuration to find the root cause'],
  L4: ['Vendor analysis of the defect under our support contract, with their case reference'],
};

/** The note of a ticket sent back down: the higher tier found the fix, the lower tier confirms it with the requester. */
export function demoReturnNote(ticket: Ticket, from: Tier, to: Tier, people: string[]): HandoffNote {
  return {
    steps: [
      { action: `Found the cause in the ${ticket.service} account settings and corrected them`, outcome: 'A test with the requester worked right after the change' },
    ],
    businessImpact: `${ticket.requester.name} could not use ${ticket.service} until the fix; it works again now`,
    workaround: 'none',
    involved: people,
    nextTierNeeds: `${to}: call ${ticket.requester.name} tomorrow to confirm ${ticket.service} kept working, then resolve (fixed in ${from})`,
    kbArticlesChecked: [],
    category: ticket.category,
    priority: ticket.priority,
  };
}

/** A realistic, non-repetitive handoff note for moving `ticket` from `from` to `to`. */
export function demoHandoffNote(ticket: Ticket, from: Tier, to: Tier, kbChecked: string[], random: Random, people: string[]): HandoffNote {
  const pool = STEPS[from].length ? STEPS[from] : STEPS.L1;
  const first = random.int(0, pool.length - 1);
  const steps = [pool[first]!, pool[(first + 1) % pool.length]!].map(([action, outcome]) => ({ action, outcome }));
  return {
    steps,
    businessImpact: `${ticket.requester.name} cannot use ${ticket.service}; ${ticket.impact === 'high' ? 'the whole team is blocked' : 'work continues more slowly'}`,
    workaround: random.chance(0.5) ? 'none' : `Using ${ticket.service} from a colleague's machine for urgent tasks`,
    involved: people,
    nextTierNeeds: random.pick(NEEDS[to].length ? NEEDS[to] : NEEDS.L2),
    kbArticlesChecked: kbChecked,
    category: ticket.category,
    priority: ticket.priority,
  };
}
