import type { KbArticle } from '../../shared/model/kb-article';

/** Demo knowledge articles per category: what L1 checks before escalating and resolvers link. */
const ARTICLES: Record<string, Array<[title: string, body: string]>> = {
  access: [
    ['Reset a password for a locked account', 'Verify the caller with two identity questions, unlock the account in the directory console, issue a one-time password and ask the user to change it at first sign-in.'],
    ['Re-register MFA after a phone change', 'Remove the old authenticator method from the user record, send the MFA enrolment link and stay on the call until the first sign-in succeeds.'],
    ['Grant VPN access to a new starter', 'Check the approved access request, add the user to the VPN group and ask them to reconnect after fifteen minutes for the group sync.'],
  ],
  email: [
    ['Messages stuck in the Outbox', 'Check the mailbox size against its quota, clear large sent items, switch the client to online mode and resend the stuck message.'],
    ['Shared mailbox does not appear', 'Confirm full-access permission on the shared mailbox, wait for automapping (up to one hour) or add it manually under account settings.'],
    ['Client keeps asking for credentials', 'Remove cached credentials from the credential manager, sign out of all Office apps, sign in again with modern authentication.'],
  ],
  hardware: [
    ['Laptop screen flickers', 'Update the graphics driver from the software center, test with an external monitor; if the external screen is stable, book a hardware swap.'],
    ['Docking station not detected', 'Update the dock firmware, reseat the USB-C cable, try another port; if it still fails, swap the dock from spares.'],
    ['Printer offline for one user', 'Remove and re-add the printer from the print server, clear the local spooler, print a test page.'],
  ],
  software: [
    ['Application crashes at start after an update', 'Repair the installation from the software center, clear the user profile cache for the app, reinstall if the repair fails.'],
    ['Request a licensed application', 'Check the licence pool, raise the approval with the cost centre owner, deploy from the software center once approved.'],
    ['Office suite is slow', 'Disable add-ins one by one, repair Office, check free disk space and the sync client for conflicts.'],
  ],
  network: [
    ['VPN drops every few minutes', 'Update the VPN client, switch the tunnel protocol to TCP, check the home router for power saving on Wi-Fi; collect the client log if it persists.'],
    ['Office Wi-Fi: connected but no internet', 'Forget the network and reconnect, renew the DHCP lease, check that the certificate is valid; report the access point name if several users are affected.'],
    ['Internal names do not resolve', 'Flush the DNS cache, check the DNS servers handed out by DHCP, test with nslookup against each internal DNS server.'],
  ],
  security: [
    ['Handle a reported phishing email', 'Ask the user not to click, collect the message as an attachment, block the sender domain and search for other recipients.'],
    ['Endpoint protection alert on a laptop', 'Isolate the device from the network console, run a full scan, collect the alert details for the security team.'],
  ],
  erp: [
    ['Posting fails with a period-closed error', 'Check the posting period table for the company code, ask finance whether the period may be reopened, repost after it is open.'],
    ['Report times out', 'Narrow the selection to one company code and one month, schedule the report in the background and send the spool to the user.'],
  ],
  payments: [
    ['Card payments declined with a valid card', 'Check the gateway status page, compare decline codes across merchants, fail over to the secondary acquirer if the primary is degraded.'],
    ['Settlement batch mismatch', 'Export both the gateway and the ledger totals for the day, match by transaction reference, raise the difference with the acquirer.'],
  ],
  'major-outage': [
    ['Major incident: first fifteen minutes', 'Open the bridge, assign an incident commander, post the first status update, page the owning engineering team and the account director.'],
  ],
};

export function demoKbArticles(nowMs: number): KbArticle[] {
  const out: KbArticle[] = [];
  for (const [category, articles] of Object.entries(ARTICLES)) {
    articles.forEach(([title, body], i) => {
      out.push({
        id: `kb-${category}-${i + 1}`,
        title,
        body,
        category,
        tags: [category],
        sourceTicketId: null,
        createdBy: 'agent-l2',
        createdAt: nowMs - 90 * 24 * 3600_000,
        updatedAt: nowMs - 90 * 24 * 3600_000,
        version: 1,
      });
    });
  }
  return out;
}
