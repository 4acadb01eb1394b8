import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ApiProcess = {
  url: string;
  child: ChildProcess;
  /** SIGTERM (or the given signal) and wait for exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

export type ApiProcessOptions = {
  port: number;
  dataDir: string;
  corsOrigins?: string[];
  env?: Record<string, string>;
  /** Echo the server's output (default: only errors). */
  verbose?: boolean;
  /** Also wait until the escalation runner's first pass is done (benchmarks: its start-up work must not be measured as sync cost). */
  waitForEscalations?: boolean;
  readyTimeoutMs?: number;
  /** Receives what the server writes to stderr (still echoed), e.g. to check that a shutdown logged no failure. */
  onStderr?: (text: string) => void;
};

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, escalations = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ticket API exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.ok && (!escalations || ((await res.json()) as { escalations?: string }).escalations === 'running')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`ticket API did not answer ${url}/v1/health within ${timeoutMs} ms`);
}

/** Starts the ticket API as its own process (so it can be stopped and restarted like a real server). */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'server/main.ts')], {
    cwd: repo,
    env: {
      ...process.env,
      TIERDESK_PORT: String(options.port),
      TIERDESK_DATA_DIR: options.dataDir,
      ...(options.corsOrigins ? { TIERDESK_CORS_ORIGINS: options.corsOrigins.join(',') } : {}),
      ...options.env,
    },
    stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', options.onStderr ? 'pipe' : 'inherit'],
  });
  const onStderr = options.onStderr;
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    process.stderr.write(text);
    onStderr?.(text);
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealth(url, child, options.readyTimeoutMs ?? 60_000, options.waitForEscalations);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // A server that does not stop within 10 s is killed: tests must not hang on it.
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      }),
  };
}
