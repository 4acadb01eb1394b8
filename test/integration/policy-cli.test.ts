import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { startApiProcess, type ApiProcess } from '../../scripts/lib/api-process';
import { runScript, type ScriptResult } from '../../server/testing/run-script';
import { freePort, repo } from '../e2e/support';

// The policy CLI as a desk manager uses it, against a real API process.
let api: ApiProcess;
let dataDir: string;
let files: string;

const defaults = JSON.parse(readFileSync(path.join(repo, 'shared/policy/default-policy.json'), 'utf8')) as {
  targets: Record<string, { response: { within: string } }>;
  tiers: Array<{ acceptWithin: string }>;
};

const policy = (args: string[], password = 'demo'): Promise<ScriptResult> =>
  runScript('server/policy/policy-cli.ts', [...args, '--api', api.url], { TIERDESK_PASSWORD: password });

async function activePolicy(): Promise<{ version: number; document: typeof defaults }> {
  const login = await fetch(`${api.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'l1.agent@demo.test', password: 'demo' }) });
  const { token } = (await login.json()) as { token: string };
  return (await (await fetch(`${api.url}/v1/policy`, { headers: { authorization: `Bearer ${token}` } })).json()) as never;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-policy-cli-'));
  files = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-policy-files-'));
  api = await startApiProcess({ port: await freePort(), dataDir, env: { TIERDESK_SEED_TICKETS: '20' } });
}, 120_000);
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe('npm run policy', () => {
  test('check names every bad field of a YAML file, and passes a good one', async () => {
    const bad = structuredClone(defaults);
    bad.targets.P3!.response.within = 'soonish';
    bad.tiers[1]!.acceptWithin = '-1h';
    writeFileSync(path.join(files, 'bad.yaml'), stringify(bad));
    const refused = await policy(['check', path.join(files, 'bad.yaml')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bad.yaml is not a valid policy:');
    expect(refused.stderr).toContain('targets.P3.response.within:');
    expect(refused.stderr).toContain('tiers[1].acceptWithin:');

    writeFileSync(path.join(files, 'broken.yaml'), 'targets:\n  P1: {response: [\n');
    expect((await policy(['check', path.join(files, 'broken.yaml')])).stderr).toMatch(/not valid YAML at line \d+/);

    writeFileSync(path.join(files, 'good.yaml'), stringify(defaults));
    expect(await policy(['check', path.join(files, 'good.yaml')])).toMatchObject({ code: 0, stdout: expect.stringContaining('is a valid policy') });
  }, 60_000);

  test('apply makes a checked file the desk policy, as a manager, with the document as typed', async () => {
    const before = await activePolicy();
    const next = structuredClone(defaults);
    next.targets.P3!.response.within = '3h';
    writeFileSync(path.join(files, 'next.yaml'), stringify(next));

    const applied = await policy(['apply', path.join(files, 'next.yaml'), '--email', 'manager@demo.test']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`is now the desk's policy (version ${before.version + 1})`);
    const after = await activePolicy();
    expect(after.version).toBe(before.version + 1);
    expect(after.document.targets.P3!.response.within).toBe('3h');

    const got = await policy(['get', '--email', 'l1.agent@demo.test']);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ targets: { P3: { response: { within: '3h' } } } });
  }, 60_000);

  test('apply is refused for an agent, for a wrong password and for a bad file; nothing changes', async () => {
    const before = await activePolicy();
    writeFileSync(path.join(files, 'again.yaml'), stringify(defaults));
    const agent = await policy(['apply', path.join(files, 'again.yaml'), '--email', 'l1.agent@demo.test']);
    expect(agent.code).toBe(1);
    expect(agent.stderr).toMatch(/PUT \/v1\/policy refused \(403/);
    const wrong = await policy(['apply', path.join(files, 'again.yaml'), '--email', 'manager@demo.test'], 'not-the-password');
    expect(wrong.stderr).toMatch(/login refused \(401/);
    const bad = structuredClone(defaults);
    bad.tiers[0]!.acceptWithin = 'later';
    writeFileSync(path.join(files, 'bad-apply.yaml'), stringify(bad));
    expect((await policy(['apply', path.join(files, 'bad-apply.yaml'), '--email', 'manager@demo.test'])).stderr).toContain('tiers[0].acceptWithin:');
    expect((await activePolicy()).version).toBe(before.version);
  }, 60_000);
});
