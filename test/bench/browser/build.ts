import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../../out');

/** Builds a benchmark page (renderer code + a small driver) from `root` into out/<name>. */
export async function buildPage(root: string, name: string): Promise<string> {
  const outDir = path.join(out, name);
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  return outDir;
}

/** The sync benchmark page: pulls with the renderer's own sync code. */
export const buildBenchPage = () => buildPage(here, 'bench-page');
