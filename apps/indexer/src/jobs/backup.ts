import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, openSqliteFile, type SqliteConnection } from '@kindred/db';

/** A backup could not be made, or a file is not a usable Kindred backup. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const BACKUP_NAME = /^kindred-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db$/;

export interface BackupCheck {
  integrity: 'ok';
  migrations: string[];
  /** Migrations this Kindred has that the file lacks (applied when restored). */
  pending: string[];
  counts: { files: number; photos: number; faces: number; people: number };
}

/** Our migrations, by folder name, in order. */
export function knownMigrations(): string[] {
  return readdirSync(migrationsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Checks that a file is a whole Kindred database this version can use: `PRAGMA integrity_check` is ok, it has
 * Kindred's tables, and every migration applied to it is one this Kindred knows (not made by a newer version).
 */
export function verifyDatabaseFile(path: string): BackupCheck {
  let sqlite: SqliteConnection;
  try {
    sqlite = openSqliteFile(path, { readonly: true });
  } catch (error) {
    throw new BackupError(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const problems = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    if (problems[0] !== 'ok') throw new BackupError(`${path} is damaged: ${problems.join('; ')}`);
    const tables = new Set(
      (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    if (!tables.has('__drizzle_migrations') || !tables.has('runs') || !tables.has('files'))
      throw new BackupError(`${path} is not a Kindred database`);
    const migrations = (
      sqlite.prepare('SELECT name FROM __drizzle_migrations ORDER BY id').all() as { name: string | null }[]
    ).map((row) => row.name ?? '');
    const known = knownMigrations();
    const unknown = migrations.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      throw new BackupError(
        `${path} was written by a newer Kindred (migrations ${unknown.join(', ')} are unknown here); upgrade Kindred first`,
      );
    const count = (table: string) =>
      (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      integrity: 'ok',
      migrations,
      pending: known.filter((name) => !migrations.includes(name)),
      counts: {
        files: count('files'),
        photos: count('photos'),
        faces: count('faces'),
        people: count('people'),
      },
    };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot check ${path}: ${(error as Error).message}`);
  } finally {
    sqlite.close();
  }
}

/**
 * Copies a live database with SQLite's online backup API: readers and writers go on (WAL); the copy is one
 * consistent snapshot. The first step copies 100 pages, the second all the rest in one go, so a busy indexer
 * cannot make the backup restart forever. The copy is switched to a single file (journal_mode DELETE).
 */
export async function copyDatabase(source: SqliteConnection, destination: string): Promise<void> {
  await source.backup(destination, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  const copy = openSqliteFile(destination);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface BackupResult {
  path: string;
  bytes: number;
  check: BackupCheck;
  removed: string[];
}

/** Backs up `databasePath` into `dir` as kindred-<UTC time>.db, verifies it, then keeps the newest `keep`. */
export async function backupDatabase(databasePath: string, dir: string, keep: number): Promise<BackupResult> {
  const name = `kindred-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
  const path = join(dir, name);
  const partial = `${path}.partial`;
  let source: SqliteConnection;
  try {
    source = openSqliteFile(databasePath, { readonly: true, busyTimeoutMs: 30_000 });
  } catch (error) {
    throw new BackupError(`cannot open database ${databasePath}: ${(error as Error).message}`);
  }
  try {
    await copyDatabase(source, partial);
    const check = verifyDatabaseFile(partial);
    renameSync(partial, path);
    return { path, bytes: statSync(path).size, check, removed: rotate(dir, keep) };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`backup to ${dir} failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
}

/** Deletes all but the newest `keep` backups in `dir` (only files named like ours). */
export function rotate(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse();
  const removed = backups.slice(keep).map((name) => join(dir, name));
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}
