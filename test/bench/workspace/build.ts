import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
export const workspacePageDir = path.resolve(here, '../../../out/bench-workspace');

/** Builds the workspace benchmark page (the real renderer workspace + a driver) into out/bench-workspace. */
export async function buildWorkspacePage(): Promise<string> {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: workspacePageDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  return workspacePageDir;
}
