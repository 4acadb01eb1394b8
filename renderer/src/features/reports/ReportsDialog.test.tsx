import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type * as ReportFacts from './report-facts';
import type { Agent } from '../../../../shared/model/agent';
import { formatTicketNumber } from '../../../../shared/model/ticket';
import { AGENTS, goodHandoff, NEW_TICKET, T0, TicketStory } from '../../../../shared/mutations/testing/harness';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/time/duration';
import { AgentWorkspace, TopbarButtons } from '../../app/AgentWorkspace';
import { resetAppStore, useAppStore } from '../../app/store';
import { TierdeskDb } from '../../db/db';
import { appendToLogs } from '../../db/ticket-log';
import { toRecord } from '../../db/ticket-record';
import { GROUPS, L1, Providers, fakeLayout } from '../../test/workspace-harness';

// Reads of the desk wait for `hold.gate` (open unless a test closes it), so a test can look at the dialog while one runs.
const hold = vi.hoisted(() => ({ gate: Promise.resolve() }));
vi.mock('./report-facts', async (importOriginal) => {
  const real = await importOriginal<typeof ReportFacts>();
  return { ...real, readReportFacts: (...args: Parameters<typeof real.readReportFacts>) => hold.gate.then(() => real.readReportFacts(...args)) };
});

let db: TierdeskDb;
const LEAD: Agent = { id: 'agent-lead', email: 'lead@demo.test', name: 'Dana Fox', role: 'lead', tier: 'L1', groups: ['service-desk'] };

/** Three tickets acted out with the shared rules: a first-contact fix, an escalated one, an untouched P1. */
async function seedDesk() {
  const stories: TicketStory[] = [];
  const fixed = new TicketStory();
  fixed.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'fixed' });
  fixed.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 'fixed' });
  fixed.do(AGENTS.l1, T0 + 65 * MINUTE_MS, 'resolve', { ticketId: 'fixed', resolution: 'Reset the VPN profile with the user.' });
  stories.push(fixed);
  const escalated = new TicketStory();
  escalated.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'escalated' });
  escalated.do(AGENTS.l1, T0 + 5 * MINUTE_MS, 'acceptTicket', { ticketId: 'escalated' });
  escalated.do(AGENTS.l1, T0 + 30 * MINUTE_MS, 'escalateFunctional', { ticketId: 'escalated', toTier: 'L2', handoffNote: goodHandoff() });
  stories.push(escalated);
  const p1 = new TicketStory();
  p1.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'p1', impact: 'high', urgency: 'high', category: 'hardware' });
  stories.push(p1);
  for (const [i, s] of stories.entries()) {
    // The rule harness numbers every ticket INC-000042; the local store wants them distinct.
    await db.tickets.put(toRecord({ ...s.ticket, number: formatTicketNumber(i + 1) }));
    await appendToLogs(db, s.agg!.events.map((e) => ({ ...e, pending: 0 as const })));
  }
}

beforeEach(async () => {
  // The desk is read as of a fixed hour of the day the tickets came in: against the real clock the escalated ticket's resolution clock breaches once enough days pass.
  vi.useFakeTimers({ toFake: ['Date'], now: T0 + 6 * HOUR_MS });
  fakeLayout(vi);
  resetAppStore();
  db = new TierdeskDb(`reports-${Math.random()}`);
  await db.groups.bulkPut(GROUPS);
  await seedDesk();
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

function show(agent: Agent) {
  render(
    <Providers db={db} agent={agent}>
      <TopbarButtons agent={agent} />
      <AgentWorkspace agent={agent} onSyncNow={() => {}} />
    </Providers>,
  );
}

async function openReports() {
  const user = userEvent.setup();
  show(LEAD);
  await user.click(await screen.findByRole('button', { name: 'Reports' }));
  const dialog = await screen.findByRole('dialog', { name: 'Reports' });
  await user.selectOptions(within(dialog).getByLabelText('Period'), 'Everything here');
  return { user, dialog };
}

/** Files the dialog saves, as the blobs it hands the browser (the download itself is not started). */
function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:download';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('Reports', () => {
  test('shows SLA compliance, time to resolve in business hours and escalation rates per priority', async () => {
    const { dialog } = await openReports();
    const table = await within(dialog).findByRole('table', { name: 'Desk metrics by priority' });
    const p3 = within(table).getByRole('row', { name: /^P3/ });
    // Tickets, resolved, response SLA, resolution SLA, MTTR business, MTTR calendar, escalated, first contact, reopened, bounced, to management,
    // cost per resolved ticket (the fixed one: taken once in L1, which the default policy prices at 22 USD).
    expect(cells(p3)).toEqual(['2', '1', '100%', '100%', '1.1 h', '1.1 h', '50%', '100%', '0%', '0%', '0', new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(22)]);
    expect(within(table).getByRole('columnheader', { name: 'Cost / ticket' })).toHaveAttribute('title', expect.stringMatching(/L1 22, L2 62, L3 104, L4 250/));
    const p1 = within(table).getByRole('row', { name: /^P1/ });
    expect(cells(p1).slice(0, 4)).toEqual(['1', '0', '0%', '0%']);
    expect(cells(within(table).getByRole('row', { name: /^All/ })).slice(0, 2)).toEqual(['3', '1']);
  });

  test('groups by category with the policy names, and exports what it shows as CSV', async () => {
    const { user, dialog } = await openReports();
    await user.selectOptions(within(dialog).getByLabelText('Group by'), 'category');
    const table = await within(dialog).findByRole('table', { name: 'Desk metrics by category' });
    expect(within(table).getByRole('row', { name: /^Network & VPN/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Hardware/ })).toBeInTheDocument();

    const blobs = captureDownloads();
    await user.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    const csv = await blobs[0]!.text();
    expect(csv.split('\n')[0]).toMatch(/^category,tickets,resolved,response SLA met/);
    expect(csv).toMatch(/\nhardware,1,0,/);
    expect(csv.split('\n')[0]).toMatch(/,cost per resolved ticket \(USD\)$/);
    expect(csv).toMatch(/\nnetwork,2,1,1\.0000,1\.0000,1\.08,1\.08,0\.5000,1\.0000,0\.0000,0\.0000,0,22\.00\n/);
  });

  test('groups by owner with their names, and by the hour tickets came in', async () => {
    await db.agents.put({ id: 'l1', email: 'l1@demo.test', name: 'Alex Rivera', role: 'l1_agent', tier: 'L1', groups: ['service-desk'] });
    const { user, dialog } = await openReports();
    await user.selectOptions(within(dialog).getByLabelText('Group by'), 'owner');
    const byOwner = await within(dialog).findByRole('table', { name: 'Desk metrics by owner' });
    // l1 took the fixed one and the escalated one first (escalating one of the two); the P1 was never taken.
    expect(cells(within(byOwner).getByRole('row', { name: /^Alex Rivera/ })).slice(0, 2)).toEqual(['2', '1']);
    expect(cells(within(byOwner).getByRole('row', { name: /^Alex Rivera/ }))[6]).toBe('50%');
    expect(cells(within(byOwner).getByRole('row', { name: /^Unowned/ })).slice(0, 2)).toEqual(['1', '0']);
    await user.selectOptions(within(dialog).getByLabelText('Group by'), 'hour');
    const byHour = await within(dialog).findByRole('table', { name: 'Desk metrics by hour' });
    // All three came in at T0, in whatever zone this machine is in.
    const hour = String(new Date(T0).getHours()).padStart(2, '0');
    expect(cells(within(byHour).getByRole('row', { name: new RegExp(`^${hour}:00–`) }))[0]).toBe('3');
  });

  test('opened again, shows the last read at once while it reads the desk again', async () => {
    const { user, dialog } = await openReports();
    const all = async () => cells(within(await within(dialog).findByRole('table')).getByRole('row', { name: /^All/ }))[0];
    expect(await all()).toBe('3');
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!);
    const extra = new TicketStory();
    extra.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'extra' });
    await db.tickets.put(toRecord({ ...extra.ticket, number: formatTicketNumber(4) }));

    let release = () => {};
    hold.gate = new Promise<void>((resolve) => (release = resolve));
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    const again = await screen.findByRole('dialog', { name: 'Reports' });
    // At once: the last numbers (over everything, the period is this dialog's own) and a note that they are being read again.
    await user.selectOptions(within(again).getByLabelText('Period'), 'Everything here');
    const stale = within(again).getByRole('table');
    expect(cells(within(stale).getByRole('row', { name: /^All/ }))[0]).toBe('3');
    expect(within(again).getByText(/reading the desk again…$/)).toBeInTheDocument();
    // How far the read is: none of the four tickets yet (the read waits for the gate).
    expect(await within(again).findByText(/^0 of 4 tickets$/)).toBeInTheDocument();
    expect(within(again).getByRole('progressbar', { name: 'Tickets read' })).toHaveAttribute('max', '4');
    release();
    hold.gate = Promise.resolve();
    await waitFor(() => expect(cells(within(within(again).getByRole('table')).getByRole('row', { name: /^All/ }))[0]).toBe('4'));
    expect(within(again).queryByText(/reading the desk again/)).toBeNull();
  });

  test('opened during the first download, says the figures cover only what is here so far, and reads the desk again once it is all here', async () => {
    const { dialog } = await openReports();
    const all = async () => cells(within(await within(dialog).findByRole('table')).getByRole('row', { name: /^All/ }))[0];
    expect(await all()).toBe('3');
    expect(within(dialog).getByRole('note')).toHaveTextContent(/first download of the desk .* still under way/);
    // The rest of the desk arrives, then the first sync completes.
    const extra = new TicketStory();
    extra.do(AGENTS.l1, T0, 'createTicket', { ...NEW_TICKET, ticketId: 'extra' });
    await db.tickets.put(toRecord({ ...extra.ticket, number: formatTicketNumber(4) }));
    act(() => useAppStore.getState().setLastSyncedAt(Date.now()));
    await waitFor(async () => expect(await all()).toBe('4'));
    expect(within(dialog).queryByRole('note')).toBeNull();
  });

  test('a row lists the tickets behind its figures, SLA misses first, and a number opens its ticket', async () => {
    const { user, dialog } = await openReports();
    const metrics = await within(dialog).findByRole('table', { name: 'Desk metrics by priority' });
    const behind = () => within(dialog).getByRole('table', { name: /^Tickets behind/ });
    const listed = () => within(behind()).getAllByRole('rowheader').map((h) => h.textContent);

    await user.click(within(metrics).getByRole('button', { name: 'P3' }));
    expect(within(metrics).getByRole('button', { name: 'P3' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(dialog).getByRole('heading', { name: 'P3: 2 tickets, 0 with a missed SLA (listed first)' })).toBeInTheDocument();
    expect(listed().sort()).toEqual(['INC-000001', 'INC-000002']);
    // The fixed one: both clocks met, 1.1 business hours, no escalation; the escalated one still open.
    expect(cells(within(behind()).getByRole('row', { name: /^INC-000001/ }))).toEqual([NEW_TICKET.title, 'Met', 'Met', '1.1 h', '0', '0']);
    expect(cells(within(behind()).getByRole('row', { name: /^INC-000002/ })).slice(1, 5)).toEqual(['Met', 'Open', '—', '1']);

    // The total: the untouched P1, which missed both clocks, comes first.
    await user.click(within(metrics).getByRole('button', { name: 'All' }));
    expect(within(metrics).getByRole('button', { name: 'P3' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(dialog).getByRole('heading', { name: 'All: 3 tickets, 1 with a missed SLA (listed first)' })).toBeInTheDocument();
    expect(listed()[0]).toBe('INC-000003');
    expect(cells(within(behind()).getByRole('row', { name: /^INC-000003/ })).slice(1, 3)).toEqual(['Missed', 'Missed']);

    // The list as CSV, in the order shown.
    const blobs = captureDownloads();
    await user.click(within(dialog).getByRole('button', { name: 'Export these 3 as CSV' }));
    const lines = (await blobs[0]!.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^number,title,priority,category,tier,first owner,created,response,resolution,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(listed());

    // A new grouping closes the list; a click on a number closes Reports and opens the ticket.
    await user.selectOptions(within(dialog).getByLabelText('Group by'), 'category');
    expect(within(dialog).queryByRole('table', { name: /^Tickets behind/ })).toBeNull();
    await user.click(within(await within(dialog).findByRole('table', { name: 'Desk metrics by category' })).getByRole('button', { name: 'Hardware' }));
    await user.click(within(behind()).getByRole('button', { name: 'INC-000003' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Reports' })).toBeNull());
    await waitFor(() => expect(document.querySelector('[data-detail]')).toHaveAttribute('data-detail', 'INC-000003'));
  });

  test('a long row lists a hundred tickets at a time', async () => {
    const p1 = (await db.tickets.get('p1'))!;
    await db.tickets.bulkPut(Array.from({ length: 101 }, (_, i) => ({ ...p1, id: `p1-${i}`, number: formatTicketNumber(10 + i) })));
    const { user, dialog } = await openReports();
    await user.click(within(await within(dialog).findByRole('table', { name: 'Desk metrics by priority' })).getByRole('button', { name: 'P1' }));
    const rows = () => within(within(dialog).getByRole('table', { name: 'Tickets behind P1' })).getAllByRole('rowheader');
    expect(rows()).toHaveLength(100);
    await user.click(within(dialog).getByRole('button', { name: 'Show the other 2' }));
    expect(rows()).toHaveLength(102);
    expect(within(dialog).queryByRole('button', { name: /^Show/ })).toBeNull();
  });

  test('is offered to leads and managers, not to agents', async () => {
    show(L1);
    await screen.findByRole('button', { name: 'Settings' });
    expect(screen.queryByRole('button', { name: 'Reports' })).not.toBeInTheDocument();
  });
});
