import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium, newPage, openTicketViaApi, pushViaApi, screenshot, signIn, startStack, type Stack } from './support';

let stack: Stack;
let browser: Browser;
let l1: Page;
let l2: Page;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  l1 = await openAs('l1.agent@demo.test');
  l2 = await openAs('l2.engineer@demo.test');
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openAs(email: string, { owner = true } = {}): Promise<Page> {
  const { page } = await newPage(browser);
  await page.goto(stack.host.url);
  await signIn(page, email);
  // Online and synced once: 'Online' alone also shows for a moment before the first sync starts.
  await page.locator('[data-sync-state="online"]', { hasText: /Last synced/ }).waitFor({ timeout: 60_000 });
  // Agents own tickets in the demo data, so My work has rows; a lead's may be empty.
  if (owner) await page.locator('[data-ticket]').first().waitFor();
  return page;
}

async function goTo(page: Page, view: RegExp) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toMatch(/…/);
}

async function expectAccessible(page: Page, what: string, include?: string) {
  const violations = await seriousViolations(page, include);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Opens the first ticket of My work, which L1 owns, and returns its number. */
async function openFirstOwned(page: Page, skip: readonly string[] = []): Promise<string> {
  await goTo(page, /^My work/);
  const rows = page.locator('[data-ticket]');
  await rows.first().waitFor();
  const numbers = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')!));
  const number = numbers.find((n) => !skip.includes(n))!;
  await page.getByRole('button', { name: new RegExp(`^Open ${number}:`) }).click();
  await page.locator(`[data-detail="${number}"]`).waitFor();
  return number;
}

async function writeGoodNote(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByLabel('Step 1: what was tried').fill('Reinstalled the VPN client and reset the network adapter');
  await dialog.getByLabel('Outcome', { exact: true }).first().fill('The connection still drops every ten minutes');
  for (const remove of await dialog.getByRole('button', { name: /^Remove step [2-9]/ }).all()) await remove.click().catch(() => undefined);
  await dialog.getByLabel('Current business impact').fill('The requester cannot reach the CRM from the branch office');
  await dialog.getByLabel('Workaround applied').fill('none');
  await dialog.getByLabel('Who has been involved (one per line)').fill('Alex Rivera\nThe requester');
  await dialog.getByLabel(/needs to do or know/).fill('Check the branch firewall logs for dropped VPN sessions from this laptop');
  await dialog.getByRole('group', { name: /Knowledge articles checked/ }).getByRole('checkbox').first().check();
}

describe('the agent workspace against the real server', () => {
  let escalated = '';

  test('every main view renders, is saved as a screenshot, and has no serious accessibility violation', async () => {
    const views: Array<[RegExp, string]> = [
      [/^My work/, 'view-my-work'],
      [/^Pending my acceptance/, 'view-pending'],
      [/^At risk/, 'view-at-risk'],
      [/^Breached/, 'view-breached'],
      [/^Paused/, 'view-paused'],
      [/^Skip approvals/, 'view-skip-approvals'],
      [/^Needs attention/, 'view-needs-attention'],
      [/^Service Desk queue/, 'view-group-queue'],
      [/^L2 queue/, 'view-tier-queue'],
    ];
    for (const [view, name] of views) {
      await goTo(l1, view);
      await l1.waitForTimeout(300);
      await screenshot(l1, name);
      await expectAccessible(l1, name);
    }
  });

  test('Recently resolved can be searched: by a title word and by number', async () => {
    await goTo(l1, /^Recently resolved/);
    const rows = l1.locator('[data-ticket]');
    await rows.first().waitFor();
    const all = await l1.getByRole('heading', { level: 1 }).textContent();
    const number = (await rows.nth(3).getAttribute('data-ticket'))!;
    const title = (await rows.nth(3).locator('.title').textContent())!;
    const word = title.split(/\s+/).find((w) => w.length > 4)!;
    await l1.getByLabel('Search tickets').fill(word.toLowerCase());
    // Until the answer is in, the count shows "…" over the previous rows.
    const answered = async () => (await l1.getByRole('heading', { level: 1 }).textContent()) !== all && (await l1.locator('.count[aria-busy="false"]').count()) === 1;
    await expect.poll(answered).toBe(true);
    await l1.locator(`[data-ticket="${number}"]`).waitFor();
    // Every row has the word in its title, service or requester (what the search reads).
    const texts = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.cell--title')!.textContent!.toLowerCase()));
    expect(texts.filter((t) => !t.includes(word.toLowerCase()))).toEqual([]);
    await l1.getByLabel('Search tickets').fill(number);
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')))).toEqual([number]);
    await l1.getByLabel('Search tickets').fill('');
  });

  test('L1 escalating without a note is refused with field errors; with a proper note it is escalated and synced', async () => {
    escalated = await openFirstOwned(l1);
    // The most urgent owned ticket has passed escalation steps; the server's runner fired them and the client pulled them into the timeline.
    await l1
      .locator(`[data-detail="${escalated}"] [data-event="action_fired"]`)
      .getByText(/^Tierdesk carried out an escalation step: .+ → /)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(l1, 'ticket-detail');
    await expectAccessible(l1, 'ticket detail');
    // Beside the open ticket the rows fold (number over priority, clocks stacked): the summary keeps a readable width (it was ~120 px in a 1400 px window).
    const summaryWidth = await l1.locator(`[data-ticket="${escalated}"] .cell--title`).evaluate((el) => el.getBoundingClientRect().width);
    expect(summaryWidth).toBeGreaterThan(260);
    const clocks = await l1.locator(`[data-ticket="${escalated}"] .cell--clock`).evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
    expect(clocks[1]!.top).toBeGreaterThan(clocks[0]!.top);
    await l1.keyboard.press('e');
    const dialog = l1.getByRole('dialog', { name: `Escalate ${escalated} to another tier` });
    await dialog.getByRole('form', { name: 'Handoff note' }).waitFor();
    // Without a note: clear what was prefilled and send.
    for (const box of await dialog.locator('textarea').all()) await box.fill('');
    await dialog.getByRole('button', { name: 'Escalate to L2' }).click();
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toMatch(/Not sent: \d+ problems/);
    expect(await dialog.getByText('What was tried is empty').count()).toBeGreaterThan(0);
    expect(await dialog.getByText('The business impact is empty').count()).toBe(1);
    expect(await dialog.getByText(/list the knowledge articles you checked/).count()).toBe(1);
    await screenshot(l1, 'handoff-refused');
    await expectAccessible(l1, 'handoff dialog', '[role="dialog"]');

    await writeGoodNote(l1, dialog);
    await dialog.getByRole('button', { name: 'Escalate to L2' }).click();
    await dialog.waitFor({ state: 'detached' });
    await l1.locator(`[data-detail="${escalated}"]`).getByText('Pending acceptance').waitFor();
    await l1.locator('[data-action-state="synced"]', { hasText: `Escalated ${escalated} to L2` }).waitFor({ timeout: 30_000 });
    await screenshot(l1, 'handoff-escalated');
  });

  test('L2 is told it came, sees it in Pending my acceptance and accepts it', async () => {
    await l2.getByRole('button', { name: 'Sync now' }).click();
    const notices = l2.getByRole('list', { name: 'Tickets that came to you' });
    await notices.getByText(`Alex Rivera escalated ${escalated} to L2:`, { exact: false }).waitFor({ timeout: 30_000 });
    // Kept in IndexedDB with the page that brought it: still there after a reload (the app restarted).
    await l2.reload();
    await l2.locator('[data-sync-state="online"]').waitFor({ timeout: 60_000 });
    await notices.getByText(`Alex Rivera escalated ${escalated} to L2:`, { exact: false }).waitFor();
    await goTo(l2, /^Pending my acceptance/);
    await l2.getByLabel('Search tickets').fill(escalated);
    const row = l2.locator(`[data-ticket="${escalated}"]`);
    await row.waitFor({ timeout: 30_000 });
    await screenshot(l2, 'l2-pending-acceptance');
    await row.getByRole('button', { name: new RegExp(`^Open ${escalated}`) }).click();
    const detail = l2.locator(`[data-detail="${escalated}"]`);
    // The handoff note it came with, open at the top while it waits for L2 to accept it.
    const handoff = detail.locator('details.handoff-panel');
    await handoff.getByRole('heading', { name: /^Handoff from L1: Alex Rivera, / }).waitFor();
    await expect.poll(() => handoff.getAttribute('open')).not.toBeNull();
    await handoff.getByText('Steps tried').waitFor();
    await l2.keyboard.press('a');
    await l2.locator('[data-action-state="synced"]', { hasText: `Accepted ${escalated}` }).waitFor({ timeout: 30_000 });
    await detail.getByText('You', { exact: true }).waitFor();
    // Accepted: no longer waiting for anyone, so no longer news.
    await expect.poll(() => notices.getByText(escalated, { exact: false }).count()).toBe(0);
    await screenshot(l2, 'l2-accepted');
  });

  test('L2 sends it back to L1 with a fix to confirm; L1 finds it in Pending my acceptance and takes it back', async () => {
    await l2.locator(`[data-detail="${escalated}"]`).waitFor();
    await l2.keyboard.press('b');
    const dialog = l2.getByRole('dialog', { name: `Send ${escalated} back to a lower tier` });
    await dialog.getByRole('form', { name: 'Handoff note' }).waitFor();
    await dialog.getByLabel('Why (reason)').selectOption('fix_provided_follow_up');
    await dialog.getByLabel('Step 1: what was tried').fill('Cleared the stale VPN sessions of this laptop on the branch firewall');
    await dialog.getByLabel('Outcome', { exact: true }).first().fill('The tunnel stayed up for an hour in a test call');
    await dialog.getByLabel('Current business impact').fill('The requester could not reach the CRM from the branch office until now');
    await dialog.getByLabel('Workaround applied').fill('none');
    await dialog.getByLabel('Who has been involved (one per line)').fill('Ben Okafor\nAlex Rivera\nThe requester');
    await dialog.getByLabel(/needs to do or know/).fill('Call the requester tomorrow morning to confirm the VPN held all day, then resolve');
    await expectAccessible(l2, 'send-back dialog', '[role="dialog"]');
    await screenshot(l2, 'send-back-dialog');
    await dialog.getByRole('button', { name: 'Send back to L1' }).click();
    await dialog.waitFor({ state: 'detached' });
    await l2.locator('[data-action-state="synced"]', { hasText: `Sent ${escalated} back to L1` }).waitFor({ timeout: 30_000 });

    await l1.getByRole('button', { name: 'Sync now' }).click();
    await goTo(l1, /^Pending my acceptance/);
    await l1.getByLabel('Search tickets').fill(escalated);
    const row = l1.locator(`[data-ticket="${escalated}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: new RegExp(`^Open ${escalated}`) }).click();
    const detail = l1.locator(`[data-detail="${escalated}"]`);
    await detail.getByText(/sent the ticket back L2 → L1 \(Fix or instructions provided/).waitFor({ timeout: 30_000 });
    await l1.keyboard.press('a');
    await l1.locator('[data-action-state="synced"]', { hasText: `Accepted ${escalated}` }).waitFor({ timeout: 30_000 });
    await detail.getByText('You', { exact: true }).waitFor();
    await l1.getByLabel('Search tickets').fill('');
  });

  test('with the server stopped L1 escalates another ticket; after a restart it syncs and L2 sees it', async () => {
    await stack.stopApi();
    const second = await openFirstOwned(l1, [escalated]);
    await l1.keyboard.press('e');
    const dialog = l1.getByRole('dialog', { name: `Escalate ${second} to another tier` });
    await dialog.getByRole('form', { name: 'Handoff note' }).waitFor();
    await writeGoodNote(l1, dialog);
    await dialog.getByRole('button', { name: 'Escalate to L2' }).click();
    await dialog.waitFor({ state: 'detached' });
    await l1.locator('[data-action-state="pending"]', { hasText: `Escalated ${second} to L2` }).waitFor();
    // The push fails: the app says it is offline, and what waits.
    await l1.locator('[data-sync-state="offline"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => l1.getByRole('region', { name: 'Offline' }).textContent()).toMatch(/1 change waiting to sync/);
    await screenshot(l1, 'offline-escalation-queued');
    await expectAccessible(l1, 'offline banner');

    await stack.restartApi();
    await l1.getByRole('button', { name: 'Sync now' }).click();
    await l1.locator('[data-action-state="synced"]', { hasText: `Escalated ${second} to L2` }).waitFor({ timeout: 60_000 });

    await l2.getByRole('button', { name: 'Sync now' }).click();
    await goTo(l2, /^Pending my acceptance/);
    await l2.getByLabel('Search tickets').fill(second);
    await l2.locator(`[data-ticket="${second}"]`).waitFor({ timeout: 60_000 });
    await screenshot(l2, 'l2-pending-after-offline');
  });

  test('the palette, the shortcut list and settings are reachable by keyboard and accessible', async () => {
    await l1.keyboard.press('Escape');
    await l1.keyboard.press('Control+k');
    await l1.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await l1.keyboard.type('breach');
    await screenshot(l1, 'command-palette');
    await expectAccessible(l1, 'command palette', '[role="dialog"]');
    await l1.keyboard.press('Enter');
    await expect.poll(() => l1.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Breached/);
    await l1.keyboard.press('?');
    await l1.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(l1, 'shortcuts');
    await l1.keyboard.press('Escape');
    await l1.getByRole('button', { name: 'Settings' }).click();
    const settings = l1.getByRole('dialog', { name: 'Settings' });
    await settings.locator('[data-persistence]:not([data-persistence="asking"])').waitFor();
    await screenshot(l1, 'settings');
    await expectAccessible(l1, 'settings', '[role="dialog"]');
    await settings.getByLabel('Dark').check();
    await l1.keyboard.press('Escape');
    await screenshot(l1, 'view-dark-theme');
    await expectAccessible(l1, 'dark theme');
  });

  test('a lead opens Reports: metrics per priority from the local copy, accessible, exported as CSV', async () => {
    const lead = await openAs('lead@demo.test', { owner: false });
    await lead.getByRole('button', { name: 'Reports' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Reports' });
    const table = dialog.getByRole('table', { name: 'Desk metrics by priority' });
    await table.waitFor({ timeout: 30_000 });
    await dialog.getByLabel('Period').selectOption({ label: 'Everything here' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(3);
    await screenshot(lead, 'reports');
    await expectAccessible(lead, 'reports', '[role="dialog"]');
    const download = lead.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^tierdesk-metrics-by-priority-.*\.csv$/);
    await lead.close();
  });

  test('a lead approves a tier skip an L1 agent asked for: the request is accessible, and the ticket leaves Skip approvals for L3', async () => {
    const lead = await openAs('lead@demo.test', { owner: false });
    await goTo(lead, /^Skip approvals/);
    const rows = lead.locator('[data-ticket]');
    await rows.first().waitFor();
    const number = (await rows.first().getAttribute('data-ticket'))!;
    await lead.getByRole('button', { name: new RegExp(`^Open ${number}:`) }).click();
    const detail = lead.locator(`[data-detail="${number}"]`);
    const panel = detail.getByRole('region', { name: /Tier skip waiting for a lead: L1 → L3/ });
    await panel.waitFor();
    await panel.getByText('Handoff note for L3').click();
    await screenshot(lead, 'skip-approval');
    await expectAccessible(lead, 'skip approval', '.detail');
    await panel.getByLabel('Your reason (recorded with the decision)').fill('Known fault: engineering owns that configuration');
    await panel.getByRole('button', { name: 'Approve and escalate to L3' }).click();
    await lead.locator('[data-action-state="synced"]', { hasText: `Approved skipping ${number} to L3` }).waitFor({ timeout: 30_000 });
    await detail.getByText(/approved .+'s request to skip to L3/).waitFor();
    // It no longer waits for a decision: gone from the view's rows.
    await expect.poll(() => lead.locator(`[data-ticket="${number}"]`).count()).toBe(0);
    await lead.close();
  });

  test('a lead gives L1 a ticket while L1 works in another window: a desktop notification says who, which and why, and a click opens it', async () => {
    const { context, page } = await newPage(browser);
    // L1 is looking at another application: the window has no focus. The browser's notifications are recorded, not shown.
    // Page functions run in the browser; this file compiles without the DOM lib, hence globalThis.
    await context.addInitScript(() => {
      const page = globalThis as unknown as { e2eNotifications: unknown[]; Notification: unknown; document: { hasFocus(): boolean } };
      const shown: unknown[] = (page.e2eNotifications = []);
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(
          readonly title: string,
          options?: { body?: string },
        ) {
          shown.push(Object.assign(this, { body: options?.body ?? '' }));
        }
      }
      page.Notification = RecordedNotification;
      page.document.hasFocus = () => false;
    });
    await page.goto(stack.host.url);
    await signIn(page, 'l1.agent@demo.test');
    // Online and synced once: 'Online' alone also shows for a moment before the first sync starts.
  await page.locator('[data-sync-state="online"]', { hasText: /Last synced/ }).waitFor({ timeout: 60_000 });

    const title = 'Badge reader at the loading dock rejects every card';
    const ticketId = await openTicketViaApi(stack.api.url, 'lead@demo.test', { title, severity: 'S3', urgency: 'medium' });
    const [assigned] = await pushViaApi(stack.api.url, 'lead@demo.test', [{ name: 'assignTicket', args: { ticketId, assignee: 'agent-l1', reason: 'Alex knows the door controllers' } }]);
    expect(assigned?.status).toBe('applied');

    // The live hint brings it; the notice in the status bar and the desktop notification both name it.
    await page.getByRole('list', { name: 'Tickets that came to you' }).getByText(/Jordan Blake gave you INC-\d+: Badge reader/).waitFor({ timeout: 30_000 });
    // (SLA alerts for L1's own tickets are recorded beside it.)
    const handOvers = () =>
      page.evaluate(() =>
        (globalThis as unknown as { e2eNotifications: Array<{ title: string; body: string }> }).e2eNotifications
          .filter((n) => n.title.startsWith('Jordan Blake gave you'))
          .map((n) => ({ title: n.title, body: n.body })),
      );
    await expect.poll(handOvers, { timeout: 10_000 }).toEqual([{ title: expect.stringMatching(/^Jordan Blake gave you INC-\d+$/), body: `${title} — Alex knows the door controllers` }]);
    const number = (await handOvers())[0]!.title.replace('Jordan Blake gave you ', '');
    await page.evaluate(() => (globalThis as unknown as { e2eNotifications: Array<{ title: string; onclick: () => void }> }).e2eNotifications.find((n) => n.title.startsWith('Jordan Blake gave you'))!.onclick());
    await page.locator(`[data-detail="${number}"]`).getByText('You', { exact: true }).waitFor();
    await context.close();
  });

  test('with the server stopped L1 logs a call as a new ticket; after a restart it gets its INC number', async () => {
    const title = 'Conference room 4B projector shows no signal';
    await stack.stopApi();
    await l1.locator('body').click({ position: { x: 1, y: 1 } });
    await l1.keyboard.press('c');
    const dialog = l1.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByRole('form', { name: 'New ticket' }).waitFor();
    await dialog.getByRole('button', { name: 'Create ticket' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/nothing was saved yet/);
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Name').fill('Noor Haddad');
    await dialog.getByLabel('Email').fill('noor.haddad@example.com');
    await dialog.getByLabel('Service').fill('Meeting rooms');
    await dialog.getByLabel('Category').selectOption('hardware');
    await dialog.getByLabel('Urgency').selectOption('high');
    await expect.poll(() => dialog.getByText(/^Priority P\d/).textContent()).toMatch(/Priority P2/);
    await screenshot(l1, 'new-ticket-dialog');
    await expectAccessible(l1, 'new ticket dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Create ticket' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Created here while offline: it has a local number and waits in the outbox.
    const local = l1.locator('[data-detail^="NEW-"]', { hasText: title });
    await local.waitFor();
    await local.getByText('You', { exact: true }).waitFor();
    await l1.locator('[data-action-state="pending"]', { hasText: `New ticket: ${title}` }).waitFor();
    await screenshot(l1, 'new-ticket-offline');

    await stack.restartApi();
    await l1.getByRole('button', { name: 'Sync now' }).click();
    await l1.locator('[data-action-state="synced"]', { hasText: `New ticket: ${title}` }).waitFor({ timeout: 60_000 });
    await l1.locator('[data-action-state="synced"]', { hasText: `Accepted ${title}` }).waitFor({ timeout: 60_000 });
    const numbered = l1.locator('[data-detail^="INC-"]', { hasText: title });
    await numbered.waitFor({ timeout: 30_000 });
    await numbered.getByText('You', { exact: true }).waitFor();
  });
});
