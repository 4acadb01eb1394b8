import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
export const benchPageDir = path.resolve(here, '../../../out/bench-page');

/** Builds the benchmark page (renderer code + a tiny entry) into out/bench-page. */
export async function buildBenchPage(): Promise<string> {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    build: { outDir: benchPageDir, emptyOutDir: true, target: 'es2022' },
  });
  return benchPageDir;
}
