import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { startStaticHost, type StaticHost } from '../../scripts/lib/static-host';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifactsDir = path.join(repo, 'test-results/e2e');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Debian's Chromium (override with CHROMIUM_PATH), headless, with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type Stack = {
  api: ApiProcess;
  apiPort: number;
  host: StaticHost;
  dataDir: string;
  /** Starts the API again on the same port and data (after stopApi). */
  restartApi(): Promise<void>;
  stopApi(): Promise<void>;
  close(): Promise<void>;
};

/** The web build as `npm run web` runs it: API process + static renderer host, on free ports. */
export async function startStack(options: { tickets?: number } = {}): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-e2e-'));
  const apiPort = await freePort();
  const webPort = await freePort();
  const origins = [`http://127.0.0.1:${webPort}`];
  const env = { TIERDESK_SEED_TICKETS: String(options.tickets ?? 300) };
  const start = () => startApiProcess({ port: apiPort, dataDir, corsOrigins: origins, env });
  const stack: Stack = {
    api: await start(),
    apiPort,
    host: await startStaticHost({
      root: path.join(repo, 'out/renderer'),
      port: webPort,
      config: { apiBaseUrl: `http://127.0.0.1:${apiPort}` },
    }),
    dataDir,
    async restartApi() {
      stack.api = await start();
    },
    async stopApi() {
      await stack.api.stop();
    },
    async close() {
      await stack.api.stop();
      await stack.host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

export async function signIn(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
}

type PushResult = { status: string; reason?: string };

/** Pushes mutations through the real API as `email`, as another agent's client would; returns each one's result. */
export async function pushViaApi(apiUrl: string, email: string, mutations: Array<{ name: string; args: Record<string, unknown> }>): Promise<PushResult[]> {
  const login = await fetch(`${apiUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${apiUrl}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      version: 1,
      clientId: `e2e-${Math.random().toString(36).slice(2, 12)}`,
      mutations: mutations.map((m, i) => ({ id: i + 1, clientTime: Date.now(), ...m })),
    }),
  });
  const body = (await res.json()) as { results?: PushResult[] };
  if (!body.results) throw new Error(`push refused: ${JSON.stringify(body)}`);
  return body.results;
}

/** Opens a fresh ticket through the real API, as another agent's client would (returns its id). */
export async function openTicketViaApi(apiUrl: string, email: string, fields: Record<string, unknown> = {}): Promise<string> {
  const ticketId = `e2e-${Math.random().toString(36).slice(2, 10)}`;
  const [result] = await pushViaApi(apiUrl, email, [
    {
      name: 'createTicket',
      args: {
        ticketId,
        title: 'Payroll export fails for all users',
        description: 'The nightly payroll export stopped with an error.',
        requester: { name: 'Yara Young', email: 'yara.young@example.com', vip: true },
        category: 'software',
        service: 'Office suite',
        impact: 'high',
        urgency: 'high',
        severity: 'S2',
        channel: 'phone',
        ...fields,
      },
    },
  ]);
  if (result?.status !== 'applied') throw new Error(`could not open a ticket: ${JSON.stringify(result)}`);
  return ticketId;
}
