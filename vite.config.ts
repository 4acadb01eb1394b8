import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const renderer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'renderer');

/** The renderer as a plain web app; electron.vite.config.ts reuses it for the desktop build. */
export default defineConfig({
  root: renderer,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(renderer, '../out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
