import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseOpenError, type KindredDb, openDatabase } from '@kindred/db';

/** A command could not do its work; `exitCode` says why (see docs/cli.md "Exit codes"). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const EXIT_FAILED = 1;
export const EXIT_LOCKED = 3;
export const EXIT_INTERRUPTED = 130;

function hint(message: string): string {
  if (/readonly|read-only|EACCES|EROFS|permission/i.test(message))
    return ' (the file or its folder is read-only)';
  if (/not a database|malformed|corrupt/i.test(message))
    return ' (the file is not a Kindred database or is damaged; restore a backup or choose another --db)';
  return '';
}

/** Prepared statements kept per connection: the per-photo steps run the same few queries thousands of times. */
const STATEMENT_CACHE = 1000;

/** Opens the database for a command, turning every open failure into one clear CliError. */
export function openForCommand(path: string, options: { readonly?: boolean } = {}): KindredDb {
  if (!options.readonly) checkWritable(path);
  try {
    const db = openDatabase(path, { ...options, statementCache: STATEMENT_CACHE });
    db.$client.prepare('SELECT COUNT(*) FROM runs').get(); // a readonly open does not touch the file until here
    return db;
  } catch (error) {
    if (
      options.readonly &&
      /no such table|unable to open|directory does not exist/i.test((error as Error).message)
    ) {
      throw new CliError(`no Kindred database at ${path}; run "kindred index <folder>" first, or pass --db`);
    }
    const message =
      error instanceof DatabaseOpenError
        ? error.message
        : `cannot use database ${path}: ${(error as Error).message}`;
    throw new CliError(message + hint(message));
  }
}

/** SQLite opens a read-only file without complaint and fails at the first write: check up front. */
function checkWritable(path: string): void {
  const targets = existsSync(path) ? [path, dirname(path)] : existsSync(dirname(path)) ? [dirname(path)] : [];
  for (const target of targets) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      const what =
        target === path ? 'the database file' : 'its folder (SQLite writes -wal/-shm files beside it)';
      throw new CliError(`cannot write database ${path}: ${what} is read-only`);
    }
  }
}
