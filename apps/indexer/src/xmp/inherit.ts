import type { KindredDb } from '@kindred/db';

export interface RewrittenFile {
  path: string;
  size: number;
  mtimeMs: number;
  inode: number;
}

/** Columns of `faces` copied to the new content (all but id, photo_hash, created_at). */
const FACE_COLUMNS = [
  'x',
  'y',
  'w',
  'h',
  'score',
  'landmarks',
  'descriptor',
  'source',
  'pipeline',
  'person_id',
  'state',
  'cluster_id',
  'suggestion_distance',
  'picasa_contact_id',
  'picasa_ini_path',
  'edited_by_user',
].join(', ');

const PHOTO_COLUMNS = [
  'width',
  'height',
  'orientation',
  'taken_at_raw',
  'taken_at',
  'gps_lat',
  'gps_lon',
  'camera_make',
  'camera_model',
  'starred',
  'faces_pipeline',
  'faces_error',
  'faces_error_pipeline',
].join(', ');

/**
 * After Kindred rewrote a file's metadata (only metadata: the pixels are the same), its bytes have a new
 * hash. The new content inherits everything known about the old one, and the file's row points at it
 * with its new size, mtime and inode, so the next `kindred index` finds the file unchanged.
 * When no other present file holds the old content, faces, album entries and region keys move (ids
 * stay, so edits and recognition keep referring to them); otherwise they are copied.
 */
export function inheritContent(
  db: KindredDb,
  oldHash: string,
  newHash: string,
  rewritten: readonly RewrittenFile[],
  runId: number,
): 'moved' | 'copied' {
  const size = rewritten[0]?.size ?? 0;
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO contents (hash, size, kind, first_seen_run) VALUES (?, ?, 'image', ?) ON CONFLICT(hash) DO NOTHING`,
      )
      .run(newHash, size, runId);
    sqlite
      .prepare(
        `INSERT INTO photos (hash, ${PHOTO_COLUMNS}) SELECT ?, ${PHOTO_COLUMNS} FROM photos WHERE hash = ?
         ON CONFLICT(hash) DO NOTHING`,
      )
      .run(newHash, oldHash);
    const paths = new Set(rewritten.map((f) => f.path));
    const others = (
      sqlite.prepare(`SELECT path FROM files WHERE content_hash = ? AND status = 'present'`).all(oldHash) as {
        path: string;
      }[]
    ).filter((row) => !paths.has(row.path));
    const mode = others.length === 0 ? 'moved' : 'copied';
    if (mode === 'moved') {
      for (const table of ['faces', 'album_photos', 'face_imports']) {
        sqlite.prepare(`UPDATE ${table} SET photo_hash = ? WHERE photo_hash = ?`).run(newHash, oldHash);
      }
      sqlite
        .prepare('UPDATE picasa_ini_photos SET photo_hash = ? WHERE photo_hash = ?')
        .run(newHash, oldHash);
    } else {
      copyFaces(db, oldHash, newHash);
      // Faces deleted in Kindred stay deleted for the new content too (their keys outlived them).
      sqlite
        .prepare(
          `INSERT OR IGNORE INTO face_imports (source, photo_hash, region_key, face_id, origin)
           SELECT source, ?, region_key, face_id, origin FROM face_imports
           WHERE photo_hash = ? AND face_id NOT IN (SELECT id FROM faces)`,
        )
        .run(newHash, oldHash);
      sqlite
        .prepare(
          `INSERT OR IGNORE INTO album_photos (album_id, photo_hash, position, picasa_ini_path)
           SELECT album_id, ?, position, picasa_ini_path FROM album_photos WHERE photo_hash = ?`,
        )
        .run(newHash, oldHash);
    }
    const update = sqlite.prepare(
      `UPDATE files SET content_hash = ?, size = ?, mtime_ms = ?, inode = ?, last_seen_run = ? WHERE path = ?`,
    );
    for (const f of rewritten) update.run(newHash, f.size, f.mtimeMs, f.inode, runId, f.path);
    return mode;
  })();
}

/** Copies the old content's faces (with their rejections and region keys) to the new content. */
function copyFaces(db: KindredDb, oldHash: string, newHash: string): void {
  const sqlite = db.$client;
  const ids = sqlite.prepare('SELECT id FROM faces WHERE photo_hash = ? ORDER BY id').all(oldHash) as {
    id: number;
  }[];
  const copy = sqlite.prepare(
    `INSERT INTO faces (photo_hash, ${FACE_COLUMNS}) SELECT ?, ${FACE_COLUMNS} FROM faces WHERE id = ?`,
  );
  const rejections = sqlite.prepare(
    `INSERT INTO face_rejections (face_id, person_id) SELECT ?, person_id FROM face_rejections WHERE face_id = ?`,
  );
  const keys = sqlite.prepare(
    `INSERT OR IGNORE INTO face_imports (source, photo_hash, region_key, face_id, origin)
     SELECT source, ?, region_key, ?, origin FROM face_imports WHERE photo_hash = ? AND face_id = ?`,
  );
  for (const { id } of ids) {
    const copied = Number(copy.run(newHash, id).lastInsertRowid);
    rejections.run(copied, id);
    keys.run(newHash, copied, oldHash, id);
  }
}
