import { useEffect, useMemo, useState } from 'react';
import { deskMetrics, metricsCsv, ticketsBehind, ticketsCsv, tierCosts, UNOWNED, type MetricsGroupBy, type MetricsRow, type TicketFacts } from '../../../../shared/metrics/desk-metrics';
import { DAY_MS, HOUR_MS } from '../../../../shared/time/duration';
import { useDb } from '../../app/db-context';
import { useAppStore } from '../../app/store';
import { getActivePolicy } from '../../app/policy';
import { useAgents } from '../../db/use-directory';
import type { TierdeskDb } from '../../db/db';
import { formatClockTime } from '../../time/format';
import { serverNow } from '../../time/ticker';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { fileStamp, saveFile } from '../../ui/save-file';
import { readReportFacts } from './report-facts';

const PERIODS: Array<[string, number]> = [
  ['Last 7 days', 7],
  ['Last 30 days', 30],
  ['Last 90 days', 90],
  ['Everything here', Infinity],
];
const GROUPINGS: Array<[MetricsGroupBy, string]> = [
  ['priority', 'Priority'],
  ['category', 'Category'],
  ['tier', 'Current tier'],
  ['owner', 'First owner'],
  ['hour', 'Hour created'],
];

// Built once: every cell of every row formats through these.
const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percent = (value: number | null) => (value === null ? '—' : PERCENT.format(value));
const hours = (ms: number | null) => (ms === null ? '—' : `${ONE_DECIMAL.format(ms / HOUR_MS)} h`);

const COLUMNS: Array<{ label: string; title: string; cell(row: MetricsRow): string }> = [
  { label: 'Tickets', title: 'Tickets created in the period', cell: (r) => String(r.tickets) },
  { label: 'Resolved', title: 'Resolved or closed', cell: (r) => String(r.resolved) },
  { label: 'Response SLA', title: 'Share of response clocks that stopped in time (running ones not yet breached are left out)', cell: (r) => percent(r.responseSla) },
  { label: 'Resolution SLA', title: 'Share of resolution clocks that stopped in time (running ones not yet breached are left out)', cell: (r) => percent(r.resolutionSla) },
  { label: 'MTTR (business)', title: 'Mean resolution-clock time of resolved tickets: business hours, pauses excluded', cell: (r) => hours(r.mttrBusinessMs) },
  { label: 'MTTR (calendar)', title: 'Mean wall-clock time from creation to resolution', cell: (r) => hours(r.mttrWallMs) },
  { label: 'Escalated', title: 'Tickets moved to another tier at least once', cell: (r) => percent(r.escalationRate) },
  { label: 'First contact', title: 'Resolved without a functional escalation', cell: (r) => percent(r.firstContactResolution) },
  { label: 'Reopened', title: 'Resolved tickets reopened at least once', cell: (r) => percent(r.reopenRate) },
  { label: 'Bounced back', title: 'Escalated tickets sent back down a tier at least once', cell: (r) => percent(r.bounceRate) },
  { label: 'To management', title: 'Hierarchical escalations', cell: (r) => String(r.hierarchicalEscalations) },
];

type Column = (typeof COLUMNS)[number];

/** The cost column, when the policy prices its tiers: what a resolved ticket cost, every tier that took it adding its cost per ticket. */
function costColumn(currency: string, perTier: string): Column {
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
  return {
    label: 'Cost / ticket',
    title: `Mean handling cost of resolved tickets: each tier that accepted a ticket adds its cost per ticket from the policy (${perTier})`,
    cell: (r) => (r.costPerTicket === null ? '—' : money.format(r.costPerTicket)),
  };
}

/** How many tickets behind a row show at first, and per "Show more". */
const BEHIND_PAGE = 100;
const outcome = (met: boolean | null) => (met === null ? 'Open' : met ? 'Met' : 'Missed');

/**
 * The tickets one row counts (SLA misses first, see ticketsBehind), a
 * hundred at a time; a number opens its ticket.
 */
function TicketsBehind({ name, tickets, onOpen, onExport }: { name: string; tickets: readonly TicketFacts[]; onOpen(ticketNumber: string): void; onExport(): void }) {
  const [shown, setShown] = useState(BEHIND_PAGE);
  const missed = tickets.filter((f) => f.resolutionMet === false || f.responseMet === false).length;
  const rest = tickets.length - shown;
  return (
    <section className="report-behind" aria-labelledby="report-behind-heading">
      <h3 id="report-behind-heading">
        {name}: {tickets.length.toLocaleString()} {tickets.length === 1 ? 'ticket' : 'tickets'}, {missed.toLocaleString()} with a missed SLA (listed first)
      </h3>
      <div className="report-scroll" role="region" aria-label={`Tickets behind ${name}`} tabIndex={0}>
        <table className="report report-tickets" aria-label={`Tickets behind ${name}`}>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Title</th>
              <th scope="col" title="Response clock: met, missed (breached), or still open">Response</th>
              <th scope="col" title="Resolution clock: met, missed (breached), or still open">Resolution</th>
              <th scope="col" title="Resolution-clock time of a resolved ticket: business hours, pauses excluded">Resolved in</th>
              <th scope="col" title="Functional escalations (moves to another tier)">Escalations</th>
              <th scope="col">Reopens</th>
            </tr>
          </thead>
          <tbody>
            {tickets.slice(0, shown).map((f) => (
              <tr key={f.ticketId}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(f.number)}>
                    {f.number}
                  </button>
                </th>
                <td className="report-title">{f.title}</td>
                <td className={f.responseMet === false ? 'missed' : undefined}>{outcome(f.responseMet)}</td>
                <td className={f.resolutionMet === false ? 'missed' : undefined}>{outcome(f.resolutionMet)}</td>
                <td>{hours(f.resolveBusinessMs)}</td>
                <td>{f.functionalEscalations}</td>
                <td>{f.reopens}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        {rest > 0 && (
          <button type="button" onClick={() => setShown(shown + BEHIND_PAGE)}>
            {rest <= BEHIND_PAGE ? `Show the other ${rest}` : `Show ${BEHIND_PAGE} more (${rest.toLocaleString()} not shown)`}
          </button>
        )}
        <button type="button" onClick={onExport}>
          Export these {tickets.length.toLocaleString()} as CSV
        </button>
      </div>
    </section>
  );
}

/** How many tickets are read, of how many (a bar and the numbers; outside the status, which is not re-announced per batch). */
function ReadProgress({ read, of }: { read: number; of: number | null }) {
  if (of === null || of === 0) return null;
  const shown = Math.min(read, of);
  return (
    <span className="report-progress">
      <progress aria-label="Tickets read" max={of} value={shown} /> {shown.toLocaleString()} of {of.toLocaleString()} tickets
    </span>
  );
}

/** The total row's key in `opened` (a group's key is never empty). */
const TOTAL = '';

/** A row's name, which lists (or hides) the tickets behind it. */
function RowToggle({ name, open, onToggle }: { name: string; open: boolean; onToggle(): void }) {
  return (
    <button type="button" className="link report-row-toggle" aria-expanded={open} title={`${open ? 'Hide' : 'List'} the tickets behind ${name}`} onClick={onToggle}>
      {name}
    </button>
  );
}

/**
 * The last read of each desk, shown at once when Reports open again (reading
 * a 100k-ticket desk takes seconds) while a fresh read runs and replaces it.
 */
const lastRead = new WeakMap<TierdeskDb, { facts: TicketFacts[]; asOf: number }>();

/**
 * Desk metrics for leads and managers, computed here from the local copy
 * (so they work offline): SLA compliance per clock, time to resolve in
 * business hours and in calendar time, escalation, first-contact, reopen
 * and bounce-back rates, and cost per ticket when the policy prices its
 * tiers; exported as CSV.
 */
export function ReportsDialog({ onClose }: { onClose(): void }) {
  const db = useDb();
  const agents = useAgents(db);
  const [last] = useState(() => lastRead.get(db));
  const [facts, setFacts] = useState<TicketFacts[] | null>(last?.facts ?? null);
  const [asOf, setAsOf] = useState(last?.asOf ?? 0);
  const [reading, setReading] = useState(true);
  const [days, setDays] = useState(30);
  const [groupBy, setGroupBy] = useState<MetricsGroupBy>('priority');
  /** The row whose tickets are listed: a group's key, TOTAL for the total, or null. */
  const [opened, setOpened] = useState<string | null>(null);
  const openTicket = useAppStore((s) => s.openTicket);
  /** How far the read is (a 100k desk takes seconds): tickets read, of how many. */
  const [progress, setProgress] = useState<{ read: number; of: number | null }>({ read: 0, of: null });
  /** Until the first sync is done, this computer has only part of the desk: say so, and read it again once it is all here. */
  const firstSyncDone = useAppStore((s) => s.lastSyncedAt !== null);

  useEffect(() => {
    let cancelled = false;
    setReading(true);
    const now = serverNow();
    void db.tickets.count().then((of) => !cancelled && setProgress((p) => ({ ...p, of })));
    const onProgress = (read: number) => !cancelled && setProgress((p) => ({ ...p, read }));
    void readReportFacts(db, now, getActivePolicy().policy, onProgress).then((read) => {
      lastRead.set(db, { facts: read, asOf: now });
      if (cancelled) return;
      setAsOf(now);
      setFacts(read);
      setReading(false);
    });
    return () => {
      cancelled = true;
    };
  }, [db, firstSyncDone]);

  const policy = getActivePolicy().policy;
  const columns = useMemo(() => {
    const costs = tierCosts(policy);
    if (!costs) return COLUMNS;
    return [...COLUMNS, costColumn(policy.costCurrency, [...costs].map(([tier, cost]) => `${tier} ${cost}`).join(', '))];
  }, [policy]);
  const fromMs = days === Infinity ? -Infinity : asOf - days * DAY_MS;
  const result = useMemo(() => (facts ? deskMetrics(facts, groupBy, fromMs, Infinity) : null), [facts, groupBy, fromMs]);
  const behind = useMemo(
    () => (facts && opened !== null ? ticketsBehind(facts, groupBy, opened === TOTAL ? null : opened, fromMs, Infinity) : null),
    [facts, groupBy, opened, fromMs],
  );
  const label = (key: string) => {
    if (groupBy === 'category') return getActivePolicy().policy.categories.find((c) => c.id === key)?.name ?? key;
    if (groupBy === 'owner') return key === UNOWNED ? 'Unowned' : (agents.get(key)?.name ?? key);
    if (groupBy === 'hour') return `${key}:00–${String((Number(key) + 1) % 24).padStart(2, '0')}:00`;
    return key;
  };

  return (
    <Modal title="Reports" description="Tickets created in the period, as this app has them (works offline). Hover a column for what it counts." onClose={onClose} wide>
      <div className="row">
        <Field label="Period">
          <select data-autofocus value={String(days)} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map(([name, n]) => (
              <option key={name} value={String(n)}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Group by">
          <select
            value={groupBy}
            onChange={(e) => {
              setGroupBy(e.target.value as MetricsGroupBy);
              setOpened(null);
            }}
          >
            {GROUPINGS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {!firstSyncDone && (
        <p className="report-note" role="note">
          The first download of the desk to this computer is still under way: these figures cover only the tickets here so far, and are read again
          when it is done.
        </p>
      )}
      {result && reading && (
        <p className="report-note">
          <span role="status">As of {formatClockTime(asOf)}; reading the desk again…</span> <ReadProgress {...progress} />
        </p>
      )}
      {!result ? (
        <p className="empty">
          <span role="status">Reading the desk…</span> <ReadProgress {...progress} />
        </p>
      ) : result.total.tickets === 0 ? (
        <p className="empty" role="status">
          No tickets were created in this period. Pick a longer one.
        </p>
      ) : (
        // Focusable so the table can be scrolled sideways from the keyboard.
        <div className="report-scroll" role="region" aria-label="Metrics table" tabIndex={0}>
          <table className="report" aria-label={`Desk metrics by ${groupBy}`}>
            <thead>
              <tr>
                <th scope="col">{GROUPINGS.find(([id]) => id === groupBy)![1]}</th>
                {columns.map((c) => (
                  <th key={c.label} scope="col" title={c.title}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <RowToggle name={label(row.key)} open={opened === row.key} onToggle={() => setOpened(opened === row.key ? null : row.key)} />
                  </th>
                  {columns.map((c) => (
                    <td key={c.label}>{c.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  <RowToggle name="All" open={opened === TOTAL} onToggle={() => setOpened(opened === TOTAL ? null : TOTAL)} />
                </th>
                {columns.map((c) => (
                  <td key={c.label}>{c.cell(result.total)}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {behind && result && result.total.tickets > 0 && (
        <TicketsBehind
          // A new row starts at its first hundred.
          key={`${groupBy}:${opened}`}
          name={opened === TOTAL ? 'All' : label(opened!)}
          tickets={behind}
          onOpen={(ticketNumber) => {
            openTicket(ticketNumber);
            onClose();
          }}
          onExport={() =>
            saveFile(
              ticketsCsv(behind, (id) => (id === UNOWNED ? 'Unowned' : (agents.get(id)?.name ?? id))),
              'text/csv',
              `tierdesk-tickets-${groupBy}-${opened === TOTAL ? 'all' : opened}-${fileStamp()}.csv`,
            )
          }
        />
      )}
      <div className="modal-actions">
        <button type="button" disabled={!result || result.total.tickets === 0} onClick={() => result && saveFile(metricsCsv(groupBy, result, policy.costCurrency), 'text/csv', `tierdesk-metrics-by-${groupBy}-${fileStamp()}.csv`)}>
          Export CSV
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
