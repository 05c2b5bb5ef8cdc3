/** The e2e accounts: made with the real `kindred user add` in every e2e database. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ACCOUNTS = {
  owner: { email: 'grandma@family.example', name: 'Grandma', password: 'owner password 1' },
  editor: { email: 'anna@family.example', name: 'Anna', password: 'editor password 1' },
  viewer: { email: 'tom@family.example', name: 'Tom', password: 'viewer password 1' },
} as const;
export type AccountRole = keyof typeof ACCOUNTS;

/** Storage state (cookies) of the signed-in owner, written by tests/auth.setup.ts. */
export const ownerState = resolve(import.meta.dirname, 'artifacts', 'owner-state.json');

const cli = resolve(import.meta.dirname, '..', 'apps', 'indexer', 'dist', 'cli.js');

function kindred(args: string[], input?: string): string {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input });
  if (result.status !== 0) throw new Error(`kindred ${args[0]} ${args[1]} failed: ${result.stderr}`);
  return result.stdout;
}

/** Adds the three accounts to the database at `dbPath` unless they are there already. */
export function addAccounts(dbPath: string): void {
  const existing = JSON.parse(kindred(['user', 'list', '--json', '--db', dbPath])) as { email: string }[];
  for (const role of ['owner', 'editor', 'viewer'] as const) {
    const account = ACCOUNTS[role];
    if (existing.some((m) => m.email === account.email)) continue;
    kindred(
      ['user', 'add', '--role', role, '--email', account.email, '--name', account.name, '--db', dbPath],
      `${account.password}\n`,
    );
  }
}

export const freshInstallDir = resolve(import.meta.dirname, 'artifacts', 'fresh-install');
export const freshInstallDb = join(freshInstallDir, 'kindred.db');

/** Port of the second e2e server, which serves an empty database (a fresh install). */
export const freshPort = Number(process.env.KINDRED_E2E_PORT ?? 3100) + 2;
