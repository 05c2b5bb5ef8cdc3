import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { KindredDb } from '@kindred/db';

export interface RootRow {
  id: number;
  path: string;
}

/** A root given on the command line cannot be used (missing, not a folder). */
export class RootError extends Error {
  override name = 'RootError';
}

function contains(outer: string, inner: string): boolean {
  return inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** Checks that a root given on the command line is an existing folder; returns its absolute path. */
export function checkRootFolder(given: string): string {
  const path = resolve(given);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RootError(
      code === 'ENOENT'
        ? `root folder ${path} does not exist`
        : `cannot open root folder ${path}: ${(error as Error).message}`,
    );
  }
  if (!isDirectory) throw new RootError(`root ${path} is not a folder`);
  return path;
}

export function listRoots(db: KindredDb): RootRow[] {
  return db.$client.prepare('SELECT id, path FROM roots ORDER BY path').all() as RootRow[];
}

/**
 * Remembers roots so a later `kindred index` with no arguments indexes them again. A root inside a remembered
 * root is the remembered one; a root that contains remembered roots absorbs them (their files move to it).
 * Returns the roots to index now, in the order given.
 */
export function rememberRoots(db: KindredDb, paths: string[]): RootRow[] {
  const sqlite = db.$client;
  const remember = sqlite.transaction((wanted: string[]) => {
    const chosen = new Map<number, RootRow>();
    for (const path of wanted) {
      const known = listRoots(db);
      const outer = known.find((root) => root.path === path || contains(root.path, path));
      if (outer) {
        chosen.set(outer.id, outer);
        continue;
      }
      const id = Number(sqlite.prepare('INSERT INTO roots (path) VALUES (?)').run(path).lastInsertRowid);
      for (const inner of known.filter((root) => contains(path, root.path))) {
        sqlite.prepare('UPDATE files SET root_id = ? WHERE root_id = ?').run(id, inner.id);
        sqlite.prepare('DELETE FROM roots WHERE id = ?').run(inner.id);
        chosen.delete(inner.id);
      }
      chosen.set(id, { id, path });
    }
    return [...chosen.values()];
  });
  return remember.immediate(paths);
}
