import { existsSync } from 'node:fs';
import { openDatabase, openSqliteFile } from '@kindred/db';
import { type BackupCheck, BackupError, copyDatabase, verifyDatabaseFile } from './backup.js';
import { isKindredProcessAlive, RunLockedError } from './run-lock.js';

export interface RestoreResult {
  check: BackupCheck;
  /** Migrations the backup lacked, applied during the restore. */
  applied: string[];
  /** The database as it was before, kept beside it (null when there was none). */
  previous: string | null;
}

/** Refuses while a `kindred index` (or another restore) holds the database. */
function checkNotRunning(databasePath: string): void {
  if (!existsSync(databasePath)) return;
  const sqlite = openSqliteFile(databasePath, { readonly: true });
  try {
    const running = sqlite
      .prepare(`SELECT command, pid, started_at AS startedAt FROM runs WHERE status = 'running'`)
      .all() as { command: string; pid: number | null; startedAt: string }[];
    const live = running.find(
      (run) => run.pid !== null && run.pid !== process.pid && isKindredProcessAlive(run.pid),
    );
    if (live)
      throw new RunLockedError(
        `"kindred ${live.command}" is running on ${databasePath} (pid ${live.pid}, started ${live.startedAt}); restore when it has finished`,
      );
  } finally {
    sqlite.close();
  }
}

/**
 * Restores a backup over the database, through SQLite's backup API (so a gallery that has the database open
 * sees the restored content, never a half-copied file). Before: the backup is verified and the current
 * database is copied aside (`<db>.before-restore-<time>.db`). After: pending migrations are applied and the
 * result is checked again.
 */
export async function restoreDatabase(backupPath: string, databasePath: string): Promise<RestoreResult> {
  const before = verifyDatabaseFile(backupPath);
  checkNotRunning(databasePath);
  let previous: string | null = null;
  if (existsSync(databasePath)) {
    previous = `${databasePath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
    const current = openSqliteFile(databasePath, { readonly: true, busyTimeoutMs: 30_000 });
    try {
      await copyDatabase(current, previous);
    } finally {
      current.close();
    }
  }
  const source = openSqliteFile(backupPath, { readonly: true });
  try {
    await source.backup(databasePath, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } catch (error) {
    throw new BackupError(`restore into ${databasePath} failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
  openDatabase(databasePath).$client.close(); // applies the migrations the backup lacks
  return { check: verifyDatabaseFile(databasePath), applied: before.pending, previous };
}
