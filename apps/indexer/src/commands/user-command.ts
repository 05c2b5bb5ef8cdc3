import { Command, Option } from 'commander';
import type { IndexerEnv } from '../env.js';
import { withAccounts } from './accounts-db.js';
import { CliError } from './cli-error.js';
import { readPassword } from './read-secret.js';

const ROLE_CHOICES = ['owner', 'editor', 'viewer'] as const;
type RoleChoice = (typeof ROLE_CHOICES)[number];

const roleOption = (fallback: RoleChoice) =>
  new Option('--role <role>', 'what they may do').choices(ROLE_CHOICES).default(fallback);

export function userCommand(env: IndexerEnv): Command {
  const dbOption = () =>
    new Option('--db <path>', 'database file (env KINDRED_DB)').default(env.databasePath);
  const user = new Command('user')
    .description('Family accounts for the gallery: add, list, invite, remove.')
    .addHelpText(
      'after',
      `
Roles: owner (everything, accounts too), editor (names, faces, albums), viewer (browse only).
Passwords are asked on the terminal (typed twice, not shown) or read from the first line of standard input.

Examples:
  $ kindred user add --owner --email grandma@example.org --name Grandma
  $ kindred user invite --role editor --url http://photos.local:3000
  $ kindred user list
  $ kindred user signout tom@example.org        sign Tom out of every browser`,
    );

  user
    .command('add')
    .description('Create an account (the first one must be the owner).')
    .requiredOption('--email <address>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'name shown in the gallery and the edit history')
    .addOption(roleOption('viewer'))
    .option('--owner', 'same as --role owner')
    .addOption(dbOption())
    .action((options: { email: string; name: string; role: RoleChoice; owner?: boolean; db: string }) =>
      withAccounts(options.db, async (auth, db) => {
        const role = options.owner ? 'owner' : options.role;
        if (role !== 'owner' && !auth.ownerExists(db)) {
          throw new CliError('the first account must be the owner: add --owner');
        }
        const password = await readPassword();
        const created = await auth.createUser(db, {
          email: options.email,
          name: options.name,
          password,
          role,
        });
        process.stdout.write(`Added ${created.name} <${created.email}> as ${created.role}.\n`);
      }),
    );

  user
    .command('list')
    .description('List accounts, their roles and how many browsers are signed in.')
    .option('--json', 'print JSON')
    .addOption(dbOption())
    .action((options: { json?: boolean; db: string }) =>
      withAccounts(options.db, (auth, db) => {
        const members = auth.listUsers(db);
        if (options.json) return void process.stdout.write(`${JSON.stringify(members)}\n`);
        if (!members.length)
          return void process.stdout.write('No accounts yet: kindred user add --owner …\n');
        for (const m of members) {
          process.stdout.write(`${m.role.padEnd(7)} ${m.email}  ${m.name}  (${m.sessions} signed in)\n`);
        }
      }),
    );

  user
    .command('invite')
    .description('Print a one-time link a family member opens to make their own account.')
    .addOption(roleOption('viewer'))
    .option('--days <n>', 'how long the link works', '7')
    .option('--url <base>', 'the gallery address as the family reaches it', 'http://127.0.0.1:3000')
    .addOption(dbOption())
    .action((options: { role: RoleChoice; days: string; url: string; db: string }) =>
      withAccounts(options.db, (auth, db) => {
        if (!auth.ownerExists(db)) throw new CliError('add the owner first: kindred user add --owner …');
        const secret = auth.createInvite(db, options.role, null, Number(options.days));
        process.stdout.write(`${options.url.replace(/\/+$/, '')}/invite/${secret}\n`);
        process.stderr.write(`One use, ${options.role}, valid ${options.days} days. Send it privately.\n`);
      }),
    );

  user
    .command('role')
    .description("Change someone's role.")
    .argument('<email>')
    .argument('<role>', ROLE_CHOICES.join(' | '))
    .addOption(dbOption())
    .action((email: string, role: string, options: { db: string }) =>
      withAccounts(options.db, (auth, db) => {
        if (!auth.isRole(role)) throw new CliError(`not a role: ${role} (owner, editor or viewer)`);
        auth.setRole(db, email, role);
        process.stdout.write(`${email} is now ${role}.\n`);
      }),
    );

  user
    .command('password')
    .description('Set a new password (signs the account out everywhere).')
    .argument('<email>')
    .addOption(dbOption())
    .action((email: string, options: { db: string }) =>
      withAccounts(options.db, async (auth, db) => {
        await auth.setPassword(db, email, await readPassword());
        process.stdout.write(`New password set for ${email}; every browser must sign in again.\n`);
      }),
    );

  user
    .command('signout')
    .description('Sign an account out of every browser.')
    .argument('<email>')
    .addOption(dbOption())
    .action((email: string, options: { db: string }) =>
      withAccounts(options.db, (auth, db) => {
        process.stdout.write(`Ended ${auth.signOutEverywhere(db, email)} session(s) of ${email}.\n`);
      }),
    );

  user
    .command('remove')
    .description('Delete an account (never the last owner).')
    .argument('<email>')
    .addOption(dbOption())
    .action((email: string, options: { db: string }) =>
      withAccounts(options.db, (auth, db) => {
        auth.removeUser(db, email);
        process.stdout.write(`Removed ${email}.\n`);
      }),
    );
  return user;
}
