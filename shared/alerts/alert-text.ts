import { BREACH_PERCENT, type AlertClock, type AlertCrossing } from './alert-schedule';

/** Notification wording in one place, so the desktop shell and the web fallback say the same thing. */
const CLOCK_LABEL: Record<AlertClock, string> = { response: 'response', resolution: 'resolution', acceptance: 'acceptance' };
const LISTED = 5;

export function formatSpan(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export type AlertText = { title: string; body: string };

export function crossingText(c: AlertCrossing, now: number): AlertText {
  const clock = CLOCK_LABEL[c.clock];
  const s1 = c.severity === 'S1' ? 'S1 · ' : '';
  // The lead is the one holding it up: say so.
  const waiting = c.reason === 'skip_approval' ? ' · a tier skip waits for your approval' : '';
  if (c.threshold >= BREACH_PERCENT) {
    return { title: `${c.ticketNumber} breached its ${clock} SLA`, body: `${s1}${c.title}${waiting}` };
  }
  const left = c.dueAt > now ? `breaches in ${formatSpan(c.dueAt - now)}` : 'breaching now';
  return { title: `${c.ticketNumber}: ${c.threshold}% of the ${clock} SLA used`, body: `${s1}${c.title} · ${left}${waiting}` };
}

export function repeatText(c: AlertCrossing, now: number): AlertText {
  return {
    title: `Still breached: ${c.ticketNumber} (${CLOCK_LABEL[c.clock]})`,
    body: `${c.title} · breached ${formatSpan(now - c.at)} ago, not acknowledged`,
  };
}

/** One notification for a storm: "7 tickets breach within 15 min". */
export function stormText(items: readonly AlertCrossing[], now: number, windowMinutes: number): AlertText {
  const byTicket = new Map<string, AlertCrossing>();
  for (const c of [...items].sort((a, b) => a.dueAt - b.dueAt)) if (!byTicket.has(c.ticketId)) byTicket.set(c.ticketId, c);
  const tickets = [...byTicket.values()];
  const n = tickets.length;
  const breaching = new Set(items.filter((c) => c.threshold >= BREACH_PERCENT).map((c) => c.ticketId)).size;
  const ahead = items.some((c) => c.at > now);
  const within = ahead ? ` within ${windowMinutes} min` : '';
  const title =
    breaching === n
      ? `${n} tickets ${ahead ? 'breach' : 'breached'}${within}`
      : breaching === 0
        ? `${n} tickets near their SLA${within}`
        : `${n} tickets need attention${within}: ${breaching} breach, ${n - breaching} near breach`;
  const names = tickets.slice(0, LISTED).map((c) => c.ticketNumber);
  const more = n > LISTED ? ` and ${n - LISTED} more` : '';
  return { title, body: `${names.join(', ')}${more}` };
}
