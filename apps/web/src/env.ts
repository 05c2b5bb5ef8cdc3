import { isAbsolute, resolve } from 'node:path';
import { defaultDatabasePath } from '@kindred/db';

/** The web app's settings, read and checked once. Nothing else reads process.env. */
export interface WebEnv {
  /** Absolute path of the Kindred SQLite database. */
  databasePath: string;
}

function readEnv(source: NodeJS.ProcessEnv): WebEnv {
  const raw = source.KINDRED_DB?.trim();
  if (raw !== undefined && raw === '') throw new Error('KINDRED_DB is set but empty');
  const path = raw ?? defaultDatabasePath(source);
  return { databasePath: isAbsolute(path) ? path : resolve(path) };
}

let cached: WebEnv | undefined;

export function env(): WebEnv {
  cached ??= readEnv(process.env);
  return cached;
}
