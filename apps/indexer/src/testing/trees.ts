import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '@kindred/db';

/** Writes files under `root`: relative path → content. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(root, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** `count` files of random bytes (`size` each), 100 per folder. Returns their paths. */
export function writeRandomTree(root: string, count: number, size: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(root, `d${Math.floor(i / 100)}`, `f${i}.bin`);
    if (i % 100 === 0) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(size));
    paths.push(path);
  }
  return paths;
}

export interface FileRow {
  path: string;
  content_hash: string | null;
  size: number;
  status: string;
}

/** Reads the files table straight from the SQLite file (read-only, no migrations). */
export function readFiles(dbPath: string): FileRow[] {
  const sqlite = openDatabase(dbPath, { readonly: true }).$client;
  try {
    return sqlite
      .prepare('SELECT path, content_hash, size, status FROM files ORDER BY path')
      .all() as FileRow[];
  } finally {
    sqlite.close();
  }
}

export function querySql<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const sqlite = openDatabase(dbPath, { readonly: true }).$client;
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}

/**
 * Polls `sql` (a single `n` count) until it reaches `atLeast` or the tries run out; returns the last count.
 * Used to kill a running CLI once it has committed some work. A database not created yet counts as 0.
 */
export async function waitForCount(
  dbPath: string,
  sql: string,
  atLeast: number,
  intervalMs = 10,
  tries = 2000,
) {
  let count = 0;
  for (let i = 0; i < tries && count < atLeast; i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    try {
      count = querySql<{ n: number }>(dbPath, sql)[0]?.n ?? 0;
    } catch {
      // database not created yet
    }
  }
  return count;
}
