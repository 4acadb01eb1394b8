import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { DEFAULT_PORT, DEFAULT_WEB_PORT } from '../server/config';
import { startApiProcess } from './lib/api-process';
import { startStaticHost } from './lib/static-host';

// npm run web [-- --port 5317 --api-port 4317 --no-build]
// The same app as the desktop build, in a browser: the embedded ticket API
// (SQLite under ./data, demo data on first run) plus the renderer on loopback.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.TIERDESK_WEB_PORT ?? String(DEFAULT_WEB_PORT) },
    'api-port': { type: 'string', default: process.env.TIERDESK_PORT ?? String(DEFAULT_PORT) },
    'no-build': { type: 'boolean', default: false },
  },
});
const webPort = Number(values.port);
const apiPort = Number(values['api-port']);
const webOrigins = [`http://127.0.0.1:${webPort}`, `http://localhost:${webPort}`];

if (!values['no-build']) {
  console.log('building the renderer…');
  await build({ configFile: path.join(repo, 'vite.config.ts'), logLevel: 'warn' });
}
const api = await startApiProcess({
  port: apiPort,
  dataDir: process.env.TIERDESK_DATA_DIR ?? path.join(repo, 'data'),
  corsOrigins: [...webOrigins, 'app://tierdesk'],
  verbose: true,
});
const host = await startStaticHost({
  root: path.join(repo, 'out/renderer'),
  port: webPort,
  config: { apiBaseUrl: api.url },
});
console.log(`\nTierdesk is running: ${host.url}\n(ticket API ${api.url}; sign in as l1.agent@demo.test / demo)\n`);

const shutdown = async () => {
  await host.close();
  await api.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
api.child.once('exit', (code) => {
  if (code !== 0 && code !== null) console.error(`ticket API exited with code ${code}`);
});
