import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the database lives unless told otherwise: `KINDRED_DB`, else
 * `$XDG_DATA_HOME/kindred/kindred.db` (XDG_DATA_HOME defaults to ~/.local/share).
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KINDRED_DB) return env.KINDRED_DB;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'kindred', 'kindred.db');
}
