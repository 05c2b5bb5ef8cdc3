import { readFileSync } from 'node:fs';
import type { KindredDb } from '@kindred/db';
import type { RunReportJson } from './report.js';

/** Another `kindred index` holds this database. */
export class RunLockedError extends Error {
  override name = 'RunLockedError';
}

/**
 * Is the process alive and plausibly a Kindred process? A zombie (killed, not yet reaped) counts as dead,
 * and so does a live process whose command line does not mention kindred (the pid was reused after a reboot).
 */
export function isKindredProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /kindred|indexer|cli\.js/i.test(cmdline);
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

const now = () => new Date().toISOString();

/**
 * Starts a run, atomically: inside one IMMEDIATE transaction (SQLite's write lock), a 'running' row of a
 * live process refuses the start; 'running' rows of dead processes (kill -9, power cut) become 'interrupted'.
 * Survives kill -9 because the lock is the row plus a liveness check, not something a dying process must undo.
 */
export function beginRun(db: KindredDb, command = 'index'): { runId: number; interrupted: number[] } {
  const sqlite = db.$client;
  const begin = sqlite.transaction(() => {
    const running = sqlite
      .prepare(`SELECT id, pid, started_at AS startedAt FROM runs WHERE status = 'running' AND command = ?`)
      .all(command) as { id: number; pid: number | null; startedAt: string }[];
    const interrupted: number[] = [];
    for (const run of running) {
      if (run.pid !== null && run.pid !== process.pid && isKindredProcessAlive(run.pid)) {
        throw new RunLockedError(
          `another "kindred ${command}" is already running on this database (pid ${run.pid}, started ${run.startedAt}); wait for it to finish`,
        );
      }
      sqlite
        .prepare(`UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ?`)
        .run(now(), run.id);
      interrupted.push(run.id);
    }
    const inserted = sqlite
      .prepare(`INSERT INTO runs (command, started_at, status, pid) VALUES (?, ?, 'running', ?)`)
      .run(command, now(), process.pid);
    return { runId: Number(inserted.lastInsertRowid), interrupted };
  });
  return begin.immediate();
}

export function finishRun(
  db: KindredDb,
  runId: number,
  status: 'completed' | 'failed' | 'interrupted',
  report: RunReportJson,
): void {
  db.$client
    .prepare('UPDATE runs SET status = ?, finished_at = ?, report = ? WHERE id = ?')
    .run(status, now(), JSON.stringify(report), runId);
}
