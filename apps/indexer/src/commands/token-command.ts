import { Command, Option } from 'commander';
import type { IndexerEnv } from '../env.js';
import { withAccounts } from './accounts-db.js';

export function tokenCommand(env: IndexerEnv): Command {
  const dbOption = () =>
    new Option('--db <path>', 'database file (env KINDRED_DB)').default(env.databasePath);
  const token = new Command('token').description('Tokens for scripts that use the GraphQL API.').addHelpText(
    'after',
    `
A script sends its token as "Authorization: Bearer <token>" (docs/scripting.md). Only a hash is stored:
the token is printed once, when it is created.

Examples:
  $ kindred token create --name nightly-report --role viewer
  $ kindred token list
  $ kindred token revoke nightly-report`,
  );

  token
    .command('create')
    .description('Create a token and print it (once).')
    .requiredOption('--name <name>', 'what the token is for (letters, digits, . - _)')
    .addOption(
      new Option('--role <role>', 'what it may do').choices(['owner', 'editor', 'viewer']).default('viewer'),
    )
    .addOption(dbOption())
    .action((options: { name: string; role: 'owner' | 'editor' | 'viewer'; db: string }) =>
      withAccounts(options.db, (auth, db) => {
        process.stdout.write(`${auth.createToken(db, options.name, options.role)}\n`);
        process.stderr.write(
          `Token "${options.name}" (${options.role}) created. It is shown only now; keep it secret.\n`,
        );
      }),
    );

  token
    .command('list')
    .description('List tokens (names, roles, last use; never the tokens themselves).')
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action((options: { json?: boolean; db: string }) =>
      withAccounts(options.db, (auth, db) => {
        const tokens = auth.listTokens(db);
        if (options.json) return void process.stdout.write(`${JSON.stringify(tokens)}\n`);
        if (!tokens.length) return void process.stdout.write('No tokens.\n');
        for (const t of tokens) {
          const state = t.revokedAt
            ? `revoked ${t.revokedAt.toISOString()}`
            : `last used ${t.lastUsedAt?.toISOString() ?? 'never'}`;
          process.stdout.write(`${t.name}  ${t.role}  ${state}\n`);
        }
      }),
    );

  token
    .command('revoke')
    .description('Stop a token from working, at once.')
    .argument('<name>')
    .addOption(dbOption())
    .action((name: string, options: { db: string }) =>
      withAccounts(options.db, (auth, db) => {
        auth.revokeToken(db, name);
        process.stdout.write(`Revoked "${name}".\n`);
      }),
    );
  return token;
}
