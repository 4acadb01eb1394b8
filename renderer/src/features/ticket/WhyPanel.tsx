import type { ComputedClockKind, TicketClocks } from '../../../../shared/sla/ticket-clocks';
import { explainClock } from '../../../../shared/sla/explain-clock';
import { useDb } from '../../app/db-context';
import { getActivePolicy } from '../../app/policy';
import { useAgents } from '../../db/use-directory';

const TITLE: Record<ComputedClockKind, string> = { response: 'Response clock', resolution: 'Resolution clock', acceptance: 'Accept-within clock' };
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * "Why does this clock say that?": the calendar and zone, when it started,
 * closed periods and holidays skipped, pauses with reason and who,
 * re-targets, thresholds passed and whether their actions fired, and where
 * it stands now (explainClock, the same code the server would use).
 */
export function WhyPanel({ clocks, nowMs }: { clocks: TicketClocks; nowMs: number }) {
  const policy = getActivePolicy().policy;
  const agents = useAgents(useDb());
  const agentName = (id: string) => agents.get(id)?.name;
  const kinds = (['response', 'resolution', 'acceptance'] as const).filter((k) => clocks[k] !== null);
  return (
    <section className="panel why" aria-labelledby="why-heading">
      <h2 id="why-heading">Why the clocks say what they say</h2>
      {kinds.map((kind) => {
        const explanation = explainClock(clocks, kind, policy, nowMs, { timeZone: localZone(), agentName });
        if (!explanation) return null;
        return (
          <details key={kind} className="why-clock" data-why={kind}>
            <summary>{TITLE[kind]}</summary>
            <ol className="why-entries">
              {explanation.entries.map((entry, i) => (
                <li key={i} className={`why-entry why-entry--${entry.kind}`}>
                  {entry.text}
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </section>
  );
}
