import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import defaultPolicyDocument from '../../shared/policy/default-policy.json';
import { TestClient } from '../testing/push-client';
import { startTestServer, type TestServer } from '../testing/test-server';

const ROLES = {
  l1_agent: 'l1.agent@demo.test',
  l2_agent: 'l2.engineer@demo.test',
  l3_agent: 'l3.engineer@demo.test',
  vendor_liaison: 'vendor.liaison@demo.test',
  lead: 'lead@demo.test',
  manager: 'manager@demo.test',
  admin: 'admin@demo.test',
} as const;
type RoleName = keyof typeof ROLES;

let server: TestServer;
const tokens = {} as Record<RoleName, string>;
let deskTicket: string;
let engineeringTicket: string;
let vendorTicket: string;

beforeAll(async () => {
  server = await startTestServer({ tickets: 120 });
  for (const [role, email] of Object.entries(ROLES)) tokens[role as RoleName] = await server.login(email);
  const rows = await server.db.selectFrom('tickets').select(['id', 'group_id', 'status']).execute();
  const open = rows.filter((r) => r.status !== 'resolved' && r.status !== 'closed');
  deskTicket = open.find((r) => r.group_id === 'service-desk')!.id;
  engineeringTicket = open.find((r) => r.group_id === 'platform-engineering')!.id;
  vendorTicket = rows.find((r) => r.group_id === 'vendor-management')!.id;
});
afterAll(() => server.close());

type Call = { method: string; path: () => string; body?: unknown };
const routes: Record<string, Call> = {
  pull: { method: 'GET', path: () => '/v1/pull?limit=1' },
  firstWork: { method: 'GET', path: () => '/v1/pull/first-work' },
  snapshot: { method: 'GET', path: () => '/v1/pull/snapshot?limit=1' },
  ticket: { method: 'GET', path: () => `/v1/tickets/${deskTicket}` },
  policy: { method: 'GET', path: () => '/v1/policy' },
  putPolicy: { method: 'PUT', path: () => '/v1/policy', body: defaultPolicyDocument },
  audit: { method: 'GET', path: () => '/v1/audit?limit=1' },
  verify: { method: 'GET', path: () => '/v1/audit/verify' },
  revoke: { method: 'POST', path: () => '/v1/agents/agent-l3b/revoke-sessions', body: {} },
};

function call(route: Call, token: string | null): Promise<Response> {
  return fetch(`${server.url}${route.path()}`, {
    method: route.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(route.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(route.body !== undefined ? { body: JSON.stringify(route.body) } : {}),
  });
}

// Expected status per route and role, as designed: data routes for every
// agent, policy changes for managers/admins, the audit trail for leads up,
// session revocation for admins.
const MATRIX: Record<string, Record<RoleName, number>> = {
  pull: { l1_agent: 200, l2_agent: 200, l3_agent: 200, vendor_liaison: 200, lead: 200, manager: 200, admin: 200 },
  firstWork: { l1_agent: 200, l2_agent: 200, l3_agent: 200, vendor_liaison: 200, lead: 200, manager: 200, admin: 200 },
  snapshot: { l1_agent: 200, l2_agent: 200, l3_agent: 200, vendor_liaison: 200, lead: 200, manager: 200, admin: 200 },
  ticket: { l1_agent: 200, l2_agent: 200, l3_agent: 200, vendor_liaison: 404, lead: 200, manager: 200, admin: 200 },
  policy: { l1_agent: 200, l2_agent: 200, l3_agent: 200, vendor_liaison: 200, lead: 200, manager: 200, admin: 200 },
  putPolicy: { l1_agent: 403, l2_agent: 403, l3_agent: 403, vendor_liaison: 403, lead: 403, manager: 200, admin: 200 },
  audit: { l1_agent: 403, l2_agent: 403, l3_agent: 403, vendor_liaison: 403, lead: 200, manager: 200, admin: 200 },
  verify: { l1_agent: 403, l2_agent: 403, l3_agent: 403, vendor_liaison: 403, lead: 403, manager: 200, admin: 200 },
  revoke: { l1_agent: 403, l2_agent: 403, l3_agent: 403, vendor_liaison: 403, lead: 403, manager: 403, admin: 200 },
};

describe('route × role', () => {
  const cases = Object.entries(MATRIX).flatMap(([route, byRole]) => [
    [route, 'anonymous', 401] as const,
    ...Object.entries(byRole).map(([role, status]) => [route, role, status] as const),
  ]);
  test.each(cases)('%s as %s answers %i', async (route, role, status) => {
    const res = await call(routes[route]!, role === 'anonymous' ? null : tokens[role as RoleName]);
    expect(res.status).toBe(status);
    if (status >= 400) expect(await res.json()).toHaveProperty('error');
  });

  test('the live event stream answers 401 without a token and 200 with one', async () => {
    expect((await fetch(`${server.url}/v1/events`)).status).toBe(401);
    const abort = new AbortController();
    const res = await fetch(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${tokens.vendor_liaison}` }, signal: abort.signal });
    expect(res.status).toBe(200);
    abort.abort();
  });

  test('a vendor liaison sees tickets of their own group only', async () => {
    const vendorSees = await call({ method: 'GET', path: () => `/v1/tickets/${vendorTicket}` }, tokens.vendor_liaison);
    expect(vendorSees.status).toBe(200);
    const client = new TestClient(server, tokens.vendor_liaison);
    const changes = await client.pullAll();
    const visible = changes.flatMap((c) => (c.kind === 'ticket' ? [c.value.group] : []));
    expect(new Set(visible)).toEqual(new Set(['vendor-management']));
    expect(changes.some((c) => c.kind === 'ticket_gone')).toBe(true);
  });
});

describe('record × role (mutations are checked against the ticket)', () => {
  const note = (ticketId: () => string) => ({ ticketId: ticketId(), noteId: crypto.randomUUID(), body: 'Checked the logs.', visibility: 'internal' as const });
  test.each([
    ['l1_agent', 'desk', 'applied'],
    ['l1_agent', 'engineering', 'refused:forbidden'],
    ['l3_agent', 'engineering', 'applied'],
    ['l3_agent', 'desk', 'refused:forbidden'],
    ['vendor_liaison', 'desk', 'refused:not_found'],
    ['vendor_liaison', 'vendor', 'applied'],
    ['lead', 'engineering', 'applied'],
  ] as const)('%s adding a note to a %s ticket is %s', async (role, which, expected) => {
    const ticketId = which === 'desk' ? () => deskTicket : which === 'engineering' ? () => engineeringTicket : () => vendorTicket;
    const client = new TestClient(server, tokens[role]);
    const { body } = await client.push(client.entry('addWorkNote', note(ticketId)));
    const result = body.results![0]!;
    expect(result.status === 'applied' ? 'applied' : `refused:${String(result.code)}`).toBe(expected);
  });

  test('only a lead can skip a tier, and only the owning tier can resolve', async () => {
    const lead = new TestClient(server, tokens.lead);
    const l1 = new TestClient(server, tokens.l1_agent);
    const created = await l1.push(
      l1.entry('createTicket', {
        ticketId: 'authz-skip',
        title: 'Wi-Fi down on floor 3',
        description: 'Nobody on floor 3 can connect.',
        requester: { name: 'Vera Varga', email: 'vera.varga@example.com', vip: false },
        category: 'network',
        service: 'Office Wi-Fi',
        impact: 'medium',
        urgency: 'high',
        severity: 'S2',
        channel: 'phone',
      }),
      l1.entry('acceptTicket', { ticketId: 'authz-skip' }),
    );
    expect(created.body.results!.map((r) => r.status)).toEqual(['applied', 'applied']);
    const note = {
      steps: [{ action: 'Rebooted the floor 3 access point', outcome: 'Clients still cannot get an address' }],
      businessImpact: 'Forty people on floor 3 cannot work',
      workaround: 'People moved to the cafeteria network',
      involved: ['Alex Rivera (service desk)'],
      nextTierNeeds: 'Network engineering to look at the DHCP scope for floor 3',
      kbArticlesChecked: ['kb-network-2'],
      category: 'network',
      priority: 'P2' as const,
    };
    const skip = await l1.push(l1.entry('escalateFunctional', { ticketId: 'authz-skip', toTier: 'L3', handoffNote: note, skipReason: 'The DHCP server is L3 territory' }));
    expect(skip.body.results![0]).toMatchObject({ status: 'refused', code: 'needs_lead_approval' });
    // Asked for instead, an L2 engineer cannot decide it; the lead then declines it and escalates with their own reason.
    const asked = await l1.push(l1.entry('requestTierSkip', { ticketId: 'authz-skip', toTier: 'L3', handoffNote: note, skipReason: 'The DHCP server is L3 territory' }));
    expect(asked.body.results![0]).toMatchObject({ status: 'applied' });
    const l2 = new TestClient(server, tokens.l2_agent);
    const l2Decides = await l2.push(l2.entry('decideTierSkip', { ticketId: 'authz-skip', decision: 'approve', reason: 'Looks right to me, go ahead' }));
    expect(l2Decides.body.results![0]).toMatchObject({ status: 'refused', code: 'forbidden' });
    const l1Decides = await l1.push(l1.entry('decideTierSkip', { ticketId: 'authz-skip', decision: 'approve', reason: 'Approving my own request' }));
    expect(l1Decides.body.results![0]).toMatchObject({ status: 'refused', code: 'forbidden' });
    const declined = await lead.push(lead.entry('decideTierSkip', { ticketId: 'authz-skip', decision: 'decline', reason: 'I will send it myself' }));
    expect(declined.body.results![0]).toMatchObject({ status: 'applied' });
    const leadSkip = await lead.push(lead.entry('escalateFunctional', { ticketId: 'authz-skip', toTier: 'L3', handoffNote: note, skipReason: 'The DHCP server is L3 territory' }));
    expect(leadSkip.body.results![0]).toMatchObject({ status: 'applied' });
    const resolve = await l1.push(l1.entry('resolve', { ticketId: 'authz-skip', resolution: 'DHCP scope extended by hand.' }));
    expect(resolve.body.results![0]).toMatchObject({ status: 'refused', code: 'forbidden' });
  });
});

describe('session revocation', () => {
  test('an admin revokes every session of an agent; their token then answers 401', async () => {
    const victim = await server.login('raj.patel@demo.test');
    const pull = () => fetch(`${server.url}/v1/pull?limit=1`, { headers: { authorization: `Bearer ${victim}` } });
    expect((await pull()).status).toBe(200);
    const res = await call({ method: 'POST', path: () => '/v1/agents/agent-l3b/revoke-sessions', body: {} }, tokens.admin);
    expect(await res.json()).toMatchObject({ revoked: expect.any(Number) });
    expect((await pull()).status).toBe(401);
  });

  test('a policy that breaks the rules is refused naming the field, and the old one stays', async () => {
    const bad = structuredClone(defaultPolicyDocument) as { tiers: Array<{ acceptWithin: string }> };
    bad.tiers[2]!.acceptWithin = 'whenever';
    const res = await call({ method: 'PUT', path: () => '/v1/policy', body: bad }, tokens.admin);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'tiers[2].acceptWithin' });
    const current = (await (await call(routes.policy!, tokens.l1_agent)).json()) as { document: { tiers: Array<{ acceptWithin: string }> } };
    expect(current.document.tiers[2]!.acceptWithin).toBe('4h');
  });
});
