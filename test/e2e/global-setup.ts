import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the renderer once for every e2e suite. */
export default async function setup(): Promise<void> {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  await build({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'warn' });
}
