import { createServer } from 'node:http';
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
    .addHelpText(
      'after',
      `
The endpoint is /api/graphql (GraphiQL in a browser at the same URL). Examples: docs/scripting.md.

Examples:
  $ kindred api
  $ curl -s http://127.0.0.1:4000/api/graphql -H 'content-type: application/json' \\
      -d '{"query":"{ stats { photos faces people } }"}'
`,
    )
    .action(async (options: { db: string; host: string; port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port: not a port: ${options.port}`);
      if (!LOOPBACK.has(options.host)) {
        process.stderr.write(
          `kindred: warning: listening on ${options.host}, reachable from other machines; there are no accounts yet, so anyone who can reach it can read and change your library\n`,
        );
      }
      const { createKindredYoga, describeBoxWithVision } = await import('@kindred/schema');
      const db = openForCommand(options.db);
      const yoga = createKindredYoga({ db, describeBox: describeBoxWithVision });
      const server = createServer(yoga);
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error) =>
          reject(new CliError(`cannot listen on ${options.host}:${port}: ${error.message}`)),
        );
        server.listen(port, options.host, resolve);
      });
      const address = server.address();
      const shown =
        typeof address === 'object' && address
          ? `${options.host}:${address.port}`
          : `${options.host}:${port}`;
      process.stderr.write(`kindred: GraphQL API on http://${shown}/api/graphql (Ctrl-C to stop)\n`);
      const stop = () => server.close(() => db.$client.close());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
