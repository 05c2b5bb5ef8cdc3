#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
// The gallery's server: Next.js behind a small node:http front that binds loopback unless told otherwise and tells
// the app who is really connecting (x-kindred-peer), which the first-run setup page and the sign-in rate limit need.
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HELP = `Usage: kindred-web [--host ADDRESS] [--port N] [--trust-proxy]

Serves the Kindred gallery (run "npm run build" once first).
  --host ADDRESS   address to listen on (default 127.0.0.1, env KINDRED_HOST); 0.0.0.0 or a LAN address makes the
                   gallery reachable from other machines: create the owner account first
  --port N         port (default 3000, env PORT)
  --trust-proxy    keep the X-Forwarded-For of a reverse proxy in front (only when there is one)
Database: env KINDRED_DB, else the db of kindred.config.json (see kindred config), else\n$XDG_DATA_HOME/kindred/kindred.db.`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/**
 * The database the indexer uses: KINDRED_DB, else the `db` of kindred.config.json (KINDRED_CONFIG, else beside
 * the default database; a relative path is relative to the file), else the default. Set as KINDRED_DB for the app.
 */
async function databaseFromConfig() {
  if (process.env.KINDRED_DB) return;
  const { defaultDatabasePath } = await import('@kindred/db');
  const configPath = process.env.KINDRED_CONFIG
    ? resolve(process.env.KINDRED_CONFIG)
    : join(dirname(defaultDatabasePath(process.env)), 'kindred.config.json');
  let config;
  try {
    config = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return;
    console.error(`kindred-web: cannot read config file ${configPath}: ${error.message}`);
    process.exit(2);
  }
  if (typeof config?.db === 'string' && config.db)
    process.env.KINDRED_DB = resolve(dirname(configPath), config.db);
}
await databaseFromConfig();

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.KINDRED_HOST || '127.0.0.1' },
    port: { type: 'string', default: process.env.PORT || '3000' },
    'trust-proxy': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`kindred-web: --port: not a port: ${values.port}`);
  process.exit(2);
}

if (!LOOPBACK.has(values.host)) {
  const { defaultDatabasePath, openDatabase } = await import('@kindred/db');
  const { ownerExists } = await import('@kindred/auth');
  const db = openDatabase(resolve(process.env.KINDRED_DB || defaultDatabasePath(process.env)));
  if (!ownerExists(db)) {
    console.error(
      `kindred-web: warning: listening on ${values.host} with no owner account yet. The setup page only answers ` +
        'this computer, but create the owner now: kindred user add --owner --email … --name …',
    );
  }
  db.$client.close();
}

const { default: next } = await import('next');
const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const app = next({ dev: false, dir, hostname: values.host, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress ?? '';
  request.headers['x-kindred-peer'] = peer; // never what the client sent
  if (!values['trust-proxy']) request.headers['x-forwarded-for'] = peer;
  handle(request, response);
});
server.on('error', (error) => {
  console.error(`kindred-web: cannot listen on ${values.host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  console.log(
    `Kindred gallery on http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${shown}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
