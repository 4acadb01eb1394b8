import type { Agent } from '../../../../shared/model/agent';
import { canWorkOnTicket, isSupervisor } from '../../../../shared/auth/access';
import { isOpenStatus } from '../../../../shared/model/levels';
import type { Ticket } from '../../../../shared/model/ticket';
import { CLOCK_KINDS, type ClockKind } from '../../../../shared/sla/clock-snapshot';
import { higherTiers, lowerTiers } from '../../../../shared/escalation/tier-rules';

/** Per action: null when the agent can do it now, else the reason why not (shown on the disabled button). */
export type Availability = {
  accept: string | null;
  note: string | null;
  escalate: string | null;
  /** Send back down a tier with a handoff note: its owner, or while it waits for acceptance someone of that tier. */
  sendBack: string | null;
  hierarchical: string | null;
  pause: string | null;
  resolve: string | null;
  reopen: string | null;
  /** Edit title, description, category, service, impact, urgency. */
  edit: string | null;
  /** Give it to someone or back to the queue (leads, managers); release it to the queue (its owner). */
  assign: string | null;
  /** Clocks that can be resumed. */
  resume: ClockKind[];
};

const FINAL = 'The ticket is closed, and a closed ticket is final: open a new ticket that refers to it.';

/**
 * What the buttons offer, from the same access rules the mutations apply
 * (shared/auth/access.ts). It only decides what to offer: the mutation
 * itself is the check, and a refusal from it is shown where it happens.
 */
export function availability(ticket: Ticket, agent: Agent): Availability {
  const open = isOpenStatus(ticket.status);
  const supervisor = isSupervisor(agent);
  const mine = ticket.assignee === agent.id || supervisor;
  const work = canWorkOnTicket(agent, ticket) ? null : `You work only on tickets of your groups; this one is in ${ticket.group}.`;
  const closed = open ? null : `The ticket is ${ticket.status}.`;
  const waiting = ticket.status === 'pending_acceptance' ? `It waits for acceptance in ${ticket.tier}.` : null;
  const running = CLOCK_KINDS.filter((k) => ticket.sla[k].state === 'running');
  return {
    accept:
      work ??
      closed ??
      (ticket.assignee === agent.id
        ? 'You own it already.'
        : ticket.assignee !== null
          ? 'Someone else owns it.'
          : agent.tier !== ticket.tier && !supervisor
            ? `It waits in ${ticket.tier}; you work in ${agent.tier ?? 'no tier'}.`
            : null),
    note: work ?? (ticket.status === 'closed' ? FINAL : null),
    escalate: work ?? closed ?? waiting ?? (mine ? null : 'Accept it first: only the owner escalates.') ?? (higherTiers(ticket.tier).length ? null : `${ticket.tier} is the last tier.`),
    // While it waits, someone of that tier may send it straight back (it came too early) without taking it first.
    sendBack:
      work ??
      closed ??
      (lowerTiers(ticket.tier).length ? null : `${ticket.tier} is the first tier.`) ??
      (waiting ? (agent.tier === ticket.tier || supervisor ? null : waiting) : mine ? null : 'Accept it first: only the owner sends it back.'),
    hierarchical: work ?? closed,
    pause: work ?? closed ?? (running.length ? null : 'No clock is running.'),
    resolve: work ?? closed ?? waiting ?? (mine ? (agent.tier === ticket.tier || supervisor ? null : `Only ${ticket.tier} resolves it.`) : 'Only the owner resolves it.'),
    reopen: work ?? (ticket.status === 'resolved' ? null : 'Only a resolved ticket can be reopened.'),
    edit: work ?? closed,
    // A lead may dispatch a ticket that waits for acceptance; there is no owner to release it.
    assign:
      work ??
      closed ??
      (waiting && !supervisor ? waiting : null) ??
      (supervisor || ticket.assignee === agent.id ? null : 'Only a lead or manager gives a ticket to someone; its owner can release it to the queue.'),
    resume: open && !work ? CLOCK_KINDS.filter((k) => ticket.sla[k].state === 'paused') : [],
  };
}

/** Which availability answer governs each action (resume rides on pause). */
export const AVAILABILITY_OF = {
  accept: 'accept',
  note: 'note',
  handoff: 'escalate',
  return: 'sendBack',
  hierarchical: 'hierarchical',
  pause: 'pause',
  resolve: 'resolve',
  reopen: 'reopen',
  edit: 'edit',
  assign: 'assign',
} as const satisfies Record<string, keyof Omit<Availability, 'resume'>>;
