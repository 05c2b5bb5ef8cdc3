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
  $ kindred token create --name my-script --role viewer     prints the token once
  $ kindred api
  $ curl -s http://127.0.0.1:4000/api/graphql -H "authorization: Bearer $TOKEN" \\
      -H 'content-type: application/json' -d '{"query":"{ stats { photos faces people } }"}'
`,
    )
    .action(async (options: { db: string; host: string; port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port: not a port: ${options.port}`);
      const { createKindredHttpHandler, describeBoxWithVision } = await import('@kindred/schema');
      const { listTokens, tokenActor } = await import('@kindred/auth');
      const db = openForCommand(options.db);
      if (!listTokens(db).some((t) => !t.revokedAt)) {
        process.stderr.write(
          'kindred: no script tokens yet, so every request will be refused: kindred token create --name …\n',
        );
      }
      if (!LOOPBACK.has(options.host)) {
        process.stderr.write(
          `kindred: warning: listening on ${options.host}, reachable from other machines; tokens travel in clear text over plain HTTP\n`,
        );
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
