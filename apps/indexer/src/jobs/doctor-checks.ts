import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SqliteConnection } from '@kindred/db';

/** Rows that point at nothing or that nothing points at; each is a count with what it means. */
const ORPHAN_CHECKS: { name: string; meaning: string; serious: boolean; sql: string }[] = [
  {
    name: 'filesWithoutContent',
    meaning: 'present files with no hash (a run stopped between listing and hashing; the next run fixes it)',
    serious: false,
    sql: `SELECT COUNT(*) AS n FROM files WHERE status = 'present' AND content_hash IS NULL`,
  },
  {
    name: 'contentsWithoutFiles',
    meaning: 'contents no file row points at (the old content of a changed file; kept as history)',
    serious: false,
    sql: 'SELECT COUNT(*) AS n FROM contents c WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.content_hash = c.hash)',
  },
  {
    name: 'facesOfUnknownPeople',
    meaning: 'faces whose person row is missing',
    serious: true,
    sql: 'SELECT COUNT(*) AS n FROM faces f WHERE f.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = f.person_id)',
  },
  {
    name: 'emptyGroups',
    meaning: 'unknown-face groups with no face left (recognition reuses or drops them)',
    serious: false,
    sql: 'SELECT COUNT(*) AS n FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM faces f WHERE f.cluster_id = c.id)',
  },
  {
    name: 'peopleMergedIntoNobody',
    meaning: 'people merged into a person that does not exist',
    serious: true,
    sql: 'SELECT COUNT(*) AS n FROM people p WHERE p.merged_into IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people q WHERE q.id = p.merged_into)',
  },
];

export interface DatabaseHealth {
  integrity: string[];
  foreignKeyViolations: number;
  orphans: { name: string; meaning: string; serious: boolean; count: number }[];
  /** Present files not on disk any more (an unplugged drive, or files deleted since the last run). */
  missingFiles: { count: number; checked: number; examples: string[] };
  sizes: {
    databaseBytes: number;
    walBytes: number;
    cacheBytes: number;
    cacheFiles: number;
    cacheDir: string;
  };
}

function size(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** Bytes and files under a folder (links not followed). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const stack = existsSync(dir) ? [dir] : [];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile()) {
        bytes += lstatSync(path).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

/** Checks a Kindred database: integrity, foreign keys, orphaned rows, files gone from disk, sizes. */
export function checkDatabase(sqlite: SqliteConnection, databasePath: string): DatabaseHealth {
  const integrity = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  );
  const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  const orphans = ORPHAN_CHECKS.map(({ name, meaning, serious, sql }) => ({
    name,
    meaning,
    serious,
    count: (sqlite.prepare(sql).get() as { n: number }).n,
  }));
  const missing: string[] = [];
  let checked = 0;
  for (const row of sqlite.prepare(`SELECT path FROM files WHERE status = 'present'`).iterate() as Iterable<{
    path: string;
  }>) {
    checked++;
    if (!existsSync(row.path)) missing.push(row.path);
  }
  const cacheDir = join(dirname(databasePath), 'cache');
  const cache = folderSize(cacheDir);
  return {
    integrity,
    foreignKeyViolations,
    orphans,
    missingFiles: { count: missing.length, checked, examples: missing.slice(0, 10) },
    sizes: {
      databaseBytes: size(databasePath),
      walBytes: size(`${databasePath}-wal`),
      cacheBytes: cache.bytes,
      cacheFiles: cache.files,
      cacheDir,
    },
  };
}

/** True when something needs a person: damage or broken references (missing files and sizes are information). */
export function needsAttention(health: DatabaseHealth): boolean {
  return (
    health.integrity[0] !== 'ok' ||
    health.foreignKeyViolations > 0 ||
    health.orphans.some((o) => o.serious && o.count > 0)
  );
}
