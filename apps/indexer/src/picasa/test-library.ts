import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contents, files, type KindredDb, roots, runs } from '@kindred/db';
import { detectKind, KIND_HEAD_BYTES } from '../jobs/kind.js';

/**
 * Test helper: records a folder tree in the database the way the inventory walk does (a root, one
 * `files` row per file with its real SHA-256, `contents` rows classified by the inventory's
 * `detectKind`, a run), so the Picasa importer can be
 * tested without the inventory command. Returns the `.ini` paths and the run id.
 */
export function recordFolderTree(db: KindredDb, rootDir: string): { runId: number; iniPaths: string[] } {
  const runId = db
    .insert(runs)
    .values({ startedAt: new Date().toISOString() })
    .returning({ id: runs.id })
    .get().id;
  const rootId = db.insert(roots).values({ path: rootDir }).returning({ id: roots.id }).get().id;
  const iniPaths: string[] = [];
  for (const path of walk(rootDir)) {
    const bytes = readFileSync(path);
    const stat = statSync(path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    db.insert(contents)
      .values({
        hash,
        size: bytes.length,
        kind: detectKind(bytes.subarray(0, KIND_HEAD_BYTES), path),
        firstSeenRun: runId,
      })
      .onConflictDoNothing()
      .run();
    db.insert(files)
      .values({
        rootId,
        path,
        contentHash: hash,
        size: bytes.length,
        mtimeMs: stat.mtimeMs,
        inode: stat.ino,
        firstSeenRun: runId,
        lastSeenRun: runId,
      })
      .run();
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (name === '.picasa.ini' || name === 'Picasa.ini') iniPaths.push(path);
  }
  return { runId, iniPaths };
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
