import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT } from '../server/config';
import { startApiProcess } from './lib/api-process';

// npm start: the embedded ticket API (SQLite under ./data, demo data on first
// run) and the desktop app pointed at it.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary(): string | undefined {
  try {
    return require('electron') as string;
  } catch {
    // Electron fetches its binary on first use; the install script was not run at npm install.
    console.log('downloading the Electron binary (first start)…');
    const result = spawnSync(process.execPath, [path.join(repo, 'node_modules/electron/install.js')], { stdio: 'inherit' });
    if (result.status !== 0) return undefined;
    delete require.cache[require.resolve('electron')];
    try {
      return require('electron') as string;
    } catch {
      return undefined;
    }
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    '\nThe Electron binary could not be downloaded (it comes from github.com).\n' +
      'Run the same app in a browser instead:  npm run web\n',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: repo,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const port = Number(process.env.TIERDESK_PORT ?? DEFAULT_PORT);
const api = await startApiProcess({
  port,
  dataDir: process.env.TIERDESK_DATA_DIR ?? path.join(repo, 'data'),
  corsOrigins: ['app://tierdesk'],
  verbose: true,
});
const electron = spawn(binary, [repo], { stdio: 'inherit', env: { ...process.env, TIERDESK_API_URL: api.url } });
electron.once('exit', (code) => {
  void api.stop().then(() => process.exit(code ?? 0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => electron.kill(signal));
}
