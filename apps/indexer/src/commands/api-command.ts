import cluster from 'node:cluster';
import { createServer } from 'node:http';
import type { KindredDb } from '@kindred/db';
import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { CliError, openForCommand } from './cli-error.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function apiCommand(env: IndexerEnv): Command {
  return new Command('api')
    .description('Serve the GraphQL API alone (no gallery), for scripts on a headless machine.')
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--host <address>', 'address to listen on (loopback unless you say otherwise)', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '4000')
    .option('--workers <n>', 'server processes sharing the port (default: one fewer than the cores, 1 to 4)')
    .addHelpText(
      'after',
      `
The endpoint is /api/graphql (GraphiQL in a browser at the same URL). Examples: docs/scripting.md.

Examples:
  $ kindred token create --name my-script --role viewer     prints the token once
  $ kindred api
  $ curl -s http://127.0.0.1:4000/api/graphql -H "authorization: Bearer $TOKEN" \\
      -H 'content-type: application/json' -d '{"query":"{ stats { photos faces people } }"}'
`,
    )
    .action(async (options: { db: string; host: string; port: string; workers?: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port: not a port: ${options.port}`);
      const { createKindredHttpHandler, defaultApiWorkers, describeBoxWithVision, startApiProcesses } =
        await import('@kindred/schema');
      const workers = options.workers === undefined ? defaultApiWorkers() : Number(options.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new CliError(`--workers: not a number of processes from 1 to 64: ${options.workers}`);
      const { listTokens, tokenActor } = await import('@kindred/auth');
      const db = openForCommand(options.db);
      const role = cluster.isWorker ? 'worker' : 'main';
      if (role === 'main') warnAbout(db, options.host, listTokens);
      const started = await startApiProcesses(workers);
      if (started.role === 'primary') {
        db.$client.close(); // the workers have their own connections
        announce(options.host, started.address.port, workers);
        return;
      }
      // Scripts only: every request needs a live token (Authorization: Bearer …); there are no browser sessions here.
      const { handler } = createKindredHttpHandler({
        db,
        describeBox: describeBoxWithVision,
        actorFor: (request) => tokenActor(db, request.headers),
      });
      const server = createServer(handler);
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error) =>
          reject(new CliError(`cannot listen on ${options.host}:${port}: ${error.message}`)),
        );
        server.listen(port, options.host, resolve);
      });
      const address = server.address();
      if (role === 'main')
        announce(options.host, typeof address === 'object' && address ? address.port : port, 1);
      const stop = () => {
        server.close(() => {
          db.$client.close();
          if (role === 'worker') process.exit(0); // the channel to the primary would keep it running
        });
        server.closeIdleConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function warnAbout(
  db: KindredDb,
  host: string,
  listTokens: (db: KindredDb) => { revokedAt: unknown }[],
): void {
  if (!listTokens(db).some((t) => !t.revokedAt)) {
    process.stderr.write(
      'kindred: no script tokens yet, so every request will be refused: kindred token create --name …\n',
    );
  }
  if (!LOOPBACK.has(host)) {
    process.stderr.write(
      `kindred: warning: listening on ${host}, reachable from other machines; tokens travel in clear text over plain HTTP\n`,
    );
  }
}

function announce(host: string, port: number, workers: number): void {
  const processes = workers > 1 ? ` (${workers} processes)` : '';
  process.stderr.write(
    `kindred: GraphQL API on http://${host}:${port}/api/graphql${processes} (Ctrl-C to stop)\n`,
  );
}
