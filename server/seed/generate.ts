import { DEMO_AGENTS, DEMO_GROUPS, FIRST_NAMES, LAST_NAMES, SERVICES, TITLES } from './catalog';
import { demoHandoffNote, demoReturnNote } from './handoff-text';
import { Random } from './random';
import type { Agent } from '../../shared/model/agent';
import type { KbArticle } from '../../shared/model/kb-article';
import { TIERS, type Channel, type Severity, type Tier, type TicketStatus } from '../../shared/model/levels';
import type { StoredEvent } from '../../shared/model/stored-event';
import { formatTicketNumber, type Ticket } from '../../shared/model/ticket';
import { applyMutation } from '../../shared/mutations/apply';
import type { TicketAggregate } from '../../shared/mutations/context';
import type { ArgsInput, Mutation, MutationName } from '../../shared/mutations/mutations';
import { MutationArgs } from '../../shared/mutations/mutations';
import { priorityFor } from '../../shared/policy/lookups';
import type { Policy } from '../../shared/policy/schema';
import type { CalendarLookup } from '../../shared/sla/calendars';
import type { ClockCalendar } from '../../shared/sla/clock-snapshot';
import { HOUR_MS, MINUTE_MS } from '../../shared/time/duration';
import { dueActions } from '../../shared/escalation/due-actions';
import { checkTierMove } from '../../shared/escalation/tier-rules';
import { autoClose, autoCloseAt } from '../../shared/mutations/ops/auto-close';
import { clocksOf } from '../../shared/mutations/recompute';
import { ESCALATION_ACTOR } from '../escalation/escalation-runner';

export type GenerateOptions = {
  count: number;
  /** Anchor for creation times: the demo looks "live" at this instant. */
  nowMs: number;
  policy: Policy;
  calendars: CalendarLookup;
  random: Random;
  kb: readonly KbArticle[];
  firstNumber?: number;
};

export type GeneratedTicket = { ticket: Ticket; events: StoredEvent[]; kbArticles: KbArticle[] };

/** How far into its driving SLA clock an open ticket is: fresh, near 50% / 75%, or breached. */
const PROGRESS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[0.03, 0.3], 33],
  [[0.3, 0.5], 12],
  [[0.52, 0.72], 16],
  [[0.76, 0.97], 17],
  [[1.05, 2.2], 22],
];

const STATUS_WEIGHTS: ReadonlyArray<readonly [TicketStatus, number]> = [
  ['new', 14],
  ['assigned', 18],
  ['in_progress', 30],
  ['pending_acceptance', 10],
  ['on_hold', 8],
  ['resolved', 14],
  ['closed', 6],
];

const SEVERITY_FOR_IMPACT: Record<string, ReadonlyArray<readonly [Severity, number]>> = {
  high: [['S1', 3], ['S2', 7]],
  medium: [['S2', 3], ['S3', 7]],
  low: [['S3', 5], ['S4', 5]],
};

const rank = (t: Tier) => TIERS.indexOf(t);

/** Latest start such that `calendar` has `elapsedMs` of open time between it and `endMs`. */
export function startForElapsed(endMs: number, elapsedMs: number, calendar: ClockCalendar): number {
  let lo = endMs - elapsedMs * 20 - 30 * 24 * HOUR_MS;
  let hi = endMs - elapsedMs;
  for (let i = 0; i < 60 && hi - lo > 1000; i++) {
    const mid = Math.floor((lo + hi) / 2);
    if (calendar.businessTimeBetween(mid, endMs) >= elapsedMs) lo = mid;
    else hi = mid;
  }
  return lo;
}

function agentsOf(tier: Tier, group: string): Agent[] {
  const members = DEMO_AGENTS.filter((a) => a.tier === tier && a.groups.includes(group) && a.role !== 'lead');
  return members.length ? members : DEMO_AGENTS.filter((a) => a.tier === tier && a.role !== 'lead');
}

/** The demo accounts own a good share, so "My tickets" is never empty when you sign in. */
function ownerFor(tier: Tier, group: string, random: Random): Agent {
  const members = agentsOf(tier, group);
  const demo = members.find((a) => /^l\d\.(agent|engineer)@/.test(a.email));
  return demo && random.chance(0.45) ? demo : random.pick(members);
}

/** A ticket's history, acted out with the same mutations agents use, so its clocks and log are real. */
class Story {
  agg: TicketAggregate | null = null;
  kbArticles: KbArticle[] = [];
  private step = 0;

  constructor(
    private readonly options: GenerateOptions,
    private readonly number: string,
    private readonly kb: readonly KbArticle[],
  ) {}

  act<N extends MutationName>(actor: Agent, at: number, name: N, input: ArgsInput<N>): void {
    const mutation = { name, args: MutationArgs[name].parse(input) } as Mutation;
    const outcome = applyMutation(this.agg, mutation, {
      actor,
      nowMs: at,
      policy: this.options.policy,
      groups: DEMO_GROUPS,
      eventIdPrefix: `seed:${this.number}:${this.step++}`,
      numberForNewTicket: () => this.number,
      kbArticle: (id) => this.kb.find((a) => a.id === id) ?? this.kbArticles.find((a) => a.id === id),
      agentName: (id) => DEMO_AGENTS.find((a) => a.id === id)?.name,
      agent: (id) => DEMO_AGENTS.find((a) => a.id === id),
    });
    if (!outcome.ok) throw new Error(`seed ${this.number}: ${name} refused (${outcome.code}, ${outcome.field}): ${outcome.message}`);
    this.agg = { ticket: outcome.ticket!, events: [...(this.agg?.events ?? []), ...outcome.events] };
    this.kbArticles.push(...outcome.kbArticles);
  }

  get ticket(): Ticket {
    return this.agg!.ticket;
  }
}

export function generateTicket(n: number, options: GenerateOptions): GeneratedTicket {
  const { random, policy, nowMs, calendars } = options;
  const category = random.pick(policy.categories);
  const service = random.pick(SERVICES[category.id] ?? ['General']);
  const impact = category.id === 'major-outage' ? 'high' : random.weighted([['high', 15], ['medium', 45], ['low', 40]] as const);
  const urgency = random.weighted([['high', 25], ['medium', 45], ['low', 30]] as const);
  const priority = priorityFor(policy, impact, urgency);
  const severity = random.weighted(SEVERITY_FOR_IMPACT[impact]!);
  const status = random.weighted(STATUS_WEIGHTS);
  const channel = random.weighted<Channel>([['phone', 35], ['email', 25], ['portal', 30], ['chat', 10]]);
  const entry = category.entryTier;
  const escalate = status !== 'new' && (status === 'pending_acceptance' || random.chance(0.3));
  const highest = (TIERS.filter((t) => rank(t) > rank(entry) && rank(t) <= rank(entry) + (random.chance(0.25) ? 2 : 1)).at(-1) ?? entry) as Tier;
  const finalTier: Tier = escalate && highest !== entry ? highest : entry;

  const targets = policy.targets[priority]!;
  const [lo, hi] = random.weighted(PROGRESS);
  const progress = lo + random.next() * (hi - lo);
  const open = status !== 'resolved' && status !== 'closed';
  const endMs = open ? nowMs : nowMs - random.int(2, 96) * HOUR_MS;
  const driving = status === 'new' ? targets.response : targets.resolution;
  const createdAt = startForElapsed(endMs, Math.round(progress * driving.within), calendars(driving.calendar));
  const span = Math.max(endMs - createdAt, 10 * MINUTE_MS);
  const at = (fraction: number) => Math.round(createdAt + span * fraction);

  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const requester = { name: `${first} ${last}`, email: `${first}.${last}@example.com`.toLowerCase(), vip: random.chance(0.06) };
  const title = random.pick(TITLES[category.id] ?? ['Issue with {service}']).replace('{service}', service);
  const number = formatTicketNumber(n);
  const kbOfCategory = options.kb.filter((a) => a.category === category.id);
  const story = new Story(options, number, options.kb);
  const deskAgent = random.pick(DEMO_AGENTS.filter((a) => a.role === 'l1_agent'));
  const ticketId = random.uuid();
  story.act(deskAgent, createdAt, 'createTicket', {
    ticketId,
    title,
    description: `${requester.name} reports: ${title.toLowerCase()}. Reported by ${channel}.`,
    requester,
    category: category.id,
    service,
    impact,
    urgency,
    severity,
    channel,
  });
  if (status === 'new') return { ticket: story.ticket, events: story.agg!.events, kbArticles: story.kbArticles };

  // Most first responses are on time; some are late, and that stays on record.
  const responseShare = Math.min(0.2, (targets.response.within / span) * (random.chance(0.85) ? 0.5 : 1.5));
  let owner = ownerFor(entry, story.ticket.group, random);
  const firstOwner = owner;
  story.act(owner, at(responseShare), 'acceptTicket', { ticketId });
  story.act(owner, at(responseShare + 0.02), 'addWorkNote', {
    ticketId,
    noteId: `${ticketId}-note-1`,
    body: `Called ${requester.name}; reproduced the problem with ${service} together and collected the error details.`,
    visibility: 'public',
    contact: 'phone_call',
  });

  let tier = entry;
  let when = responseShare + 0.05;
  const people = [DEMO_AGENTS.find((a) => a.id === owner.id)!.name];
  while (tier !== finalTier) {
    const to = TIERS[rank(tier) + 1]!;
    const kbChecked = tier === 'L1' && kbOfCategory.length ? [random.pick(kbOfCategory).id] : [];
    if (kbChecked.length) story.act(owner, at(when), 'markKbArticle', { ticketId, articleId: kbChecked[0]!, outcome: 'checked_not_resolved' });
    const last = status === 'pending_acceptance' && rank(to) === rank(finalTier);
    const escalateAt = last ? at(Math.max(when + 0.05, 0.75)) : at(when + 0.05);
    story.act(owner, escalateAt, 'escalateFunctional', {
      ticketId,
      toTier: to,
      handoffNote: demoHandoffNote(story.ticket, tier, to, kbChecked, random, [...people, `${requester.name} (requester)`]),
    });
    tier = to;
    when += 0.1;
    if (last) break;
    owner = ownerFor(tier, story.ticket.group, random);
    people.push(owner.name);
    story.act(owner, at(when), 'acceptTicket', { ticketId });
    when += 0.05;
  }
  if (status === 'pending_acceptance') return { ticket: story.ticket, events: story.agg!.events, kbArticles: story.kbArticles };
  // Some come back down: L2 found the fix and hands it to the L1 agent who had it, to confirm with the requester (a bounce-back in Reports).
  // Chosen by number, not by a random draw, so the rest of the demo data stays as it was.
  const returned = (status === 'resolved' || status === 'closed') && entry === 'L1' && tier === 'L2' && n % 2 === 0;
  if (returned) {
    const note = demoReturnNote(story.ticket, 'L2', 'L1', [...people, `${requester.name} (requester)`]);
    story.act(owner, at(when), 'escalateFunctional', { ticketId, toTier: 'L1', trigger: 'fix_provided_follow_up', handoffNote: note });
    owner = firstOwner;
    story.act(owner, at(when + 0.03), 'acceptTicket', { ticketId });
    tier = 'L1';
    when += 0.05;
  }
  // Chosen by number (not by a draw from `random`), like the returns above, so the rest of the demo stays as it was:
  // some were fixed at first contact and reopened when the fault came back, some of those since fixed for good (Reports' reopen rate), …
  if ((status === 'in_progress' || status === 'resolved' || status === 'closed') && tier === entry && !returned && n % 11 === 5) {
    story.act(owner, at(Math.min(0.9, when)), 'resolve', { ticketId, resolution: `Walked ${requester.name} through the ${service} fix on the call; it worked.` });
    story.act(owner, at(Math.min(0.93, when + 0.03)), 'reopen', { ticketId, reason: `${requester.name} called back: the ${service} problem came back the next morning.` });
    when += 0.06;
  }
  // … and some urgent or VIP ones were raised to management as well, the functional owner keeping them (Reports' "to management").
  if (open && (priority === 'P1' || priority === 'P2' || requester.vip) && n % 4 === 1) {
    const vip = requester.vip;
    story.act(owner, at(Math.min(0.94, when)), 'escalateHierarchical', {
      ticketId,
      toRole: 'team_lead',
      trigger: vip ? 'vip_or_critical_service' : 'sla_breach_risk',
      reason: vip ? `${requester.name} is a VIP and ${service} is still down for them; the lead should know.` : `${priority} on ${service} and the resolution clock is running out; may need more hands.`,
    });
    when += 0.02;
  }
  if (status === 'in_progress') {
    story.act(owner, at(Math.min(0.95, when)), 'addWorkNote', {
      ticketId,
      noteId: `${ticketId}-note-2`,
      body: 'Working on it: checking the configuration against a machine where it works.',
      visibility: 'internal',
      contact: null,
    });
  }
  // Some L1 agents have asked a lead to approve a skip straight to L3 (the lead's Skip approvals view). Chosen by
  // number, with a random source of their own, so the rest of the demo data stays as it was.
  if (status === 'in_progress' && tier === 'L1' && n % 9 === 0 && !checkTierMove({ ...story.ticket, from: 'L1', to: 'L3' }, policy).ok) {
    const note = demoHandoffNote(story.ticket, 'L1', 'L3', [], new Random(n), [...people, `${requester.name} (requester)`]);
    const skipReason = `The same ${service} fault came back after the last fix; only engineering can change its configuration.`;
    story.act(owner, at(Math.min(0.97, when + 0.02)), 'requestTierSkip', { ticketId, toTier: 'L3', handoffNote: note, skipReason });
  }
  if (status === 'on_hold') {
    const allowed = policy.pauseReasons.filter((r) => r.roles.includes(owner.role) && (!r.clocks || r.clocks.includes('resolution')));
    const reason = random.pick(allowed).id;
    story.act(owner, at(Math.min(0.95, when + 0.1)), 'pauseClock', { ticketId, clock: 'resolution', reason, note: 'Waiting for the requester to confirm a time to test.' });
  }
  if (status === 'resolved' || status === 'closed') {
    const escalated = tier !== entry || returned;
    const draft = escalated && (!kbOfCategory.length || random.chance(0.4));
    story.act(owner, endMs, 'resolve', {
      ticketId,
      resolution: `Fixed the ${service} configuration for ${requester.name}; confirmed with the requester that it works again.`,
      ...(escalated && !draft ? { kbArticleId: random.pick(kbOfCategory).id } : {}),
      ...(draft
        ? { kbDraft: { articleId: `kb-${ticketId.slice(0, 8)}`, title: `${title}: fix`, body: `Symptom: ${title}. Fix: corrected the ${service} configuration and verified with the user.` } }
        : {}),
    });
  }
  // Resolved long enough ago, it was closed when the server's runner would have closed it (policy.closeResolvedAfter).
  const closeAt = autoCloseAt(story.ticket, policy);
  const closed = closeAt !== null && closeAt <= nowMs ? autoClose(story.agg!, policy, closeAt, `auto-close:${ticketId}`) : null;
  return { ticket: closed?.ticket ?? story.ticket, events: closed ? [...story.agg!.events, ...closed.events] : story.agg!.events, kbArticles: story.kbArticles };
}

/**
 * The escalation steps a running server would already have carried out on
 * an open ticket, recorded as it would have (action_fired by the runner, at
 * the instant each came due), in time order with the rest of the log. So
 * the demo's history reads like a desk that has been running, and the
 * first start does not fire (and mail) every step of the demo's past at once.
 */
function withPastSteps(result: GeneratedTicket, policy: Policy, nowMs: number): GeneratedTicket {
  const due = dueActions(clocksOf(result.events, policy, nowMs), policy, nowMs);
  if (!due.length) return result;
  const fired: StoredEvent[] = due.map((action) => ({
    id: `escalation:${action.id}`,
    ticketId: result.ticket.id,
    seq: 0,
    event: { type: 'action_fired', at: action.dueAt, by: ESCALATION_ACTOR, role: 'system', actionId: action.id },
  }));
  // Stable: a step due at the same instant as an agent's action comes after it.
  const events = [...result.events, ...fired].sort((a, b) => a.event.at - b.event.at).map((e, i) => ({ ...e, seq: i + 1 }));
  return { ...result, events };
}

export function* generateTickets(options: GenerateOptions): Generator<GeneratedTicket> {
  const first = options.firstNumber ?? 1;
  for (let i = 0; i < options.count; i++) yield withPastSteps(generateTicket(first + i, options), options.policy, options.nowMs);
}
