import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { relations } from './relations.js';
import { cacheStatements } from './statement-cache.js';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Thrown when the database file cannot be opened or is not a valid Kindred database. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

const DEFAULT_BUSY_TIMEOUT_MS = 15_000;

export interface OpenOptions {
  readonly?: boolean;
  /**
   * Milliseconds to wait on a locked database before failing (default 15 000). WAL lets readers run during
   * an index run; a writer (a gallery edit) waits for the indexer's transaction (at most about a second of
   * batched files, one photo's faces, or one recognition or Picasa chunk) instead of failing.
   */
  busyTimeoutMs?: number;
  /** Keep this many prepared statements for reuse (servers; see `cacheStatements`). Off by default. */
  statementCache?: number;
}

/**
 * Every transaction of a writable connection begins IMMEDIATE (also Drizzle's, which asks for "deferred"):
 * it waits for the write lock up front, under the busy timeout. A deferred transaction that reads and then
 * writes fails at once with SQLITE_BUSY_SNAPSHOT when another connection (the indexer, a gallery edit, an
 * API token's last-use stamp) committed in between; SQLite cannot wait that out.
 */
function immediateTransactions(sqlite: Database.Database): void {
  const make = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = make(fn);
    const run = function (this: unknown, ...args: unknown[]) {
      return tx.immediate.apply(this, args);
    };
    Object.defineProperties(run, {
      default: { value: run },
      deferred: { value: run },
      immediate: { value: tx.immediate },
      exclusive: { value: tx.exclusive },
      database: { value: sqlite, enumerable: true },
    });
    return run;
  }) as Database.Database['transaction'];
}

function openSqlite(path: string, options: OpenOptions) {
  try {
    if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
    const sqlite = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      immediateTransactions(sqlite);
    }
    sqlite.pragma('foreign_keys = ON');
    if (options.statementCache) cacheStatements(sqlite, options.statementCache);
    return sqlite;
  } catch (error) {
    throw new DatabaseOpenError(`cannot open database ${path}: ${(error as Error).message}`);
  }
}

/** Opens (creating if needed) a Kindred database and applies pending migrations. */
export function openDatabase(path: string, options: OpenOptions = {}) {
  const sqlite = openSqlite(path, options);
  const db = drizzle({ client: sqlite, relations });
  if (!options.readonly) {
    try {
      migrate(db, { migrationsFolder });
    } catch (error) {
      sqlite.close();
      const cause = (error as { cause?: Error }).cause ?? (error as Error);
      throw new DatabaseOpenError(`cannot prepare database ${path}: ${cause.message}`);
    }
  }
  return db;
}

export type KindredDb = ReturnType<typeof openDatabase>;

/** A plain better-sqlite3 connection: no migrations, no journal change (backups, checks of foreign files). */
export type SqliteConnection = Database.Database;

/** Opens a SQLite file as it is (the file must exist), with the same busy timeout as `openDatabase`. */
export function openSqliteFile(path: string, options: OpenOptions = {}): SqliteConnection {
  const sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  return sqlite;
}
