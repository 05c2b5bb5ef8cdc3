import { faces, files, type KindredDb, people, photos } from '@kindred/db';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { chunked } from '../jobs/import-picasa-chunks.js';
import type { Box } from '../picasa/types.js';

/** A photo content to write, with its present paths and its confirmed, named faces (upright boxes). */
export interface PhotoToExport {
  hash: string;
  paths: string[];
  /** Upright size known to Kindred (faces step), for the stored size of non-JPEG files. */
  upright: { width: number; height: number } | null;
  faces: { box: Box; name: string }[];
}

/** A name given to `--people` that no person has. */
export class UnknownPersonError extends Error {
  override name = 'UnknownPersonError';
}

/**
 * The photos `kindred xmp export` writes: every present image with at least one confirmed face of a
 * named person (with `people`, only photos where one of those people is confirmed). Each photo comes
 * with all its confirmed, named faces, so writing it never drops someone else's region.
 */
export function photosToExport(db: KindredDb, peopleNames?: readonly string[]): PhotoToExport[] {
  let only: Set<string> | null = null;
  if (peopleNames && peopleNames.length > 0) {
    const ids = peopleNames.map((name) => {
      const person = db.select({ id: people.id }).from(people).where(eq(people.name, name)).get();
      if (!person) throw new UnknownPersonError(`no person is named "${name}"`);
      return person.id;
    });
    only = new Set(
      db
        .selectDistinct({ hash: faces.photoHash })
        .from(faces)
        .where(and(eq(faces.state, 'confirmed'), inArray(faces.personId, ids)))
        .all()
        .map((row) => row.hash),
    );
  }
  const rows = db
    .select({ hash: faces.photoHash, x: faces.x, y: faces.y, w: faces.w, h: faces.h, name: people.name })
    .from(faces)
    .innerJoin(people, eq(people.id, faces.personId))
    .where(and(eq(faces.state, 'confirmed'), isNotNull(people.name)))
    .orderBy(asc(faces.photoHash), asc(faces.id))
    .all();
  const byHash = new Map<string, PhotoToExport>();
  for (const row of rows) {
    if (only && !only.has(row.hash)) continue;
    let photo = byHash.get(row.hash);
    if (!photo) {
      photo = { hash: row.hash, paths: [], upright: null, faces: [] };
      byHash.set(row.hash, photo);
    }
    photo.faces.push({ box: { x: row.x, y: row.y, w: row.w, h: row.h }, name: row.name as string });
  }
  for (const chunk of chunked([...byHash.keys()])) {
    const paths = db
      .select({ hash: files.contentHash, path: files.path })
      .from(files)
      .where(and(eq(files.status, 'present'), inArray(files.contentHash, chunk)))
      .orderBy(asc(files.path))
      .all();
    for (const { hash, path } of paths) if (hash) byHash.get(hash)?.paths.push(path);
    const sizes = db
      .select({ hash: photos.hash, width: photos.width, height: photos.height })
      .from(photos)
      .where(inArray(photos.hash, chunk))
      .all();
    for (const s of sizes) {
      const photo = byHash.get(s.hash);
      if (photo && s.width && s.height) photo.upright = { width: s.width, height: s.height };
    }
  }
  return [...byHash.values()].filter((photo) => photo.paths.length > 0);
}
