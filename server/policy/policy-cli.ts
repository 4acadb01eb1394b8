import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ValidationError } from '../../shared/errors';
import { parsePolicy } from '../../shared/policy/schema';
import { readPolicyDocument } from '../../shared/policy/load-policy';
import { DEFAULT_PORT } from '../config';

// npm run policy -- check <file>            checks a policy file (JSON or YAML) and names every bad field
// npm run policy -- get [options]           prints the desk's active policy (JSON) to edit
// npm run policy -- apply <file> [options]  checks the file, then makes it the desk's policy (managers and admins)
// options: --api http://127.0.0.1:4317  --email manager@example.com ; the password comes from
// TIERDESK_PASSWORD or is asked for. The change goes through the API, so it is role-checked, audited
// with who made it, sent to every client and re-plans every open ticket's escalation steps.

const USAGE = 'usage: npm run policy -- check <file> | get [--api URL] [--email E] | apply <file> [--api URL] [--email E]';

class CliError extends Error {}

async function readDocument(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    const document = readPolicyDocument(text);
    parsePolicy(document);
    return document;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new CliError([`${file} is not a valid policy:`, ...error.fields.map((f) => `  ${f.field || '(file)'}: ${f.message}`)].join('\n'));
  }
}

async function askPassword(email: string): Promise<string> {
  const fromEnv = process.env.TIERDESK_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new CliError('set TIERDESK_PASSWORD (no terminal to ask for the password)');
  process.stdout.write(`password for ${email}: `);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let typed = '';
  try {
    return await new Promise<string>((resolve, reject) => {
      process.stdin.on('data', (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return resolve(typed);
          if (ch === '\u0003') return reject(new CliError('cancelled'));
          typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
        }
      });
    });
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stdout.write('\n');
  }
}

type Session = { api: string; token: string };

async function call(session: Session | { api: string; token?: undefined }, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${session.api}${path}`, {
    method,
    headers: { ...(session.token ? { authorization: `Bearer ${session.token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch((error: unknown) => {
    throw new CliError(`cannot reach the ticket API at ${session.api}: ${(error as Error).message}`);
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as { error?: string; field?: string; message?: string }) : {};
  if (!res.ok) throw new CliError(`${method} ${path} refused (${res.status}${json.error ? ` ${json.error}` : ''}): ${json.field ? `${json.field}: ` : ''}${json.message ?? text}`);
  return json;
}

async function signIn(api: string, email: string | undefined): Promise<Session> {
  if (!email) throw new CliError('--email is required (a manager or admin account to apply; any account to get)');
  const { token } = (await call({ api }, 'POST', '/v1/auth/login', { email, password: await askPassword(email) })) as { token: string };
  return { api, token };
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { api: { type: 'string', default: process.env.TIERDESK_API_URL ?? `http://127.0.0.1:${DEFAULT_PORT}` }, email: { type: 'string' } },
  });
  const [command, file] = positionals;
  const api = values.api.replace(/\/+$/, '');
  if (command === 'check' && file) {
    await readDocument(file);
    console.log(`${file} is a valid policy`);
  } else if (command === 'get') {
    const session = await signIn(api, values.email);
    try {
      const { version, document } = (await call(session, 'GET', '/v1/policy')) as { version: number; document: unknown };
      console.error(`active policy: version ${version}`);
      console.log(JSON.stringify(document, null, 2));
    } finally {
      await call(session, 'POST', '/v1/auth/logout').catch(() => undefined);
    }
  } else if (command === 'apply' && file) {
    // Checked here first: a typo is named before anyone signs in, and nothing is sent.
    const document = await readDocument(file);
    const session = await signIn(api, values.email);
    try {
      const { version } = (await call(session, 'PUT', '/v1/policy', document)) as { version: number };
      console.log(`${file} is now the desk's policy (version ${version}); clients pick it up on their next sync`);
    } finally {
      await call(session, 'POST', '/v1/auth/logout').catch(() => undefined);
    }
  } else {
    throw new CliError(USAGE);
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
