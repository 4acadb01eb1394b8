import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

export type ScriptResult = { code: number; stdout: string; stderr: string };

/** Runs one of the repository's TypeScript command-line scripts (as `npm run …` would, through tsx) and reports how it ended. */
export async function runScript(script: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<ScriptResult> {
  try {
    const { stdout, stderr } = await run(path.join(repo, 'node_modules/.bin/tsx'), [script, ...args], { cwd: repo, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as ScriptResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
