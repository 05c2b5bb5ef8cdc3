import { basename, dirname, extname, join } from 'node:path';
import { contents, files, type KindredDb, xmpSources } from '@kindred/db';
import { and, eq, sql } from 'drizzle-orm';
import { chunked } from '../jobs/import-picasa-chunks.js';

/** An image file whose XMP must be read: new, or its content or one of its sidecars changed. */
export interface XmpWork {
  path: string;
  hash: string;
  /** Sidecar paths in order of precedence: `photo.jpg.xmp`, then `photo.xmp`. */
  sidecars: string[];
  /** "path=hash" lines of the sidecars (what `xmp_sources.sidecars` records). */
  signature: string;
}

/**
 * The sidecars of each image path, from the present `.xmp` files: `<name>.<ext>.xmp` (digiKam, darktable)
 * and `<name>.xmp` (Lightroom, which shares it between `photo.nef` and `photo.jpg`). Extensions are
 * matched without regard to case.
 */
function sidecarIndex(db: KindredDb): Map<string, { path: string; hash: string }> {
  const rows = db
    .select({ path: files.path, hash: files.contentHash })
    .from(files)
    .where(and(eq(files.status, 'present'), sql`${files.path} like '%.xmp'`)) // LIKE ignores ASCII case
    .all();
  return new Map(
    rows.map((row) => [row.path.slice(0, -4).toLowerCase(), { path: row.path, hash: row.hash ?? '' }]),
  );
}

/**
 * Present image files whose XMP is not read yet for what they are now. The check is one pass over the
 * present images and sidecars, so a night with nothing new reads no file.
 */
export function xmpWorkList(db: KindredDb): XmpWork[] {
  const sidecars = sidecarIndex(db);
  const images = db
    .select({
      path: files.path,
      hash: files.contentHash,
      readHash: xmpSources.photoHash,
      readSidecars: xmpSources.sidecars,
    })
    .from(files)
    .innerJoin(contents, eq(contents.hash, files.contentHash))
    .leftJoin(xmpSources, eq(xmpSources.path, files.path))
    .where(and(eq(files.status, 'present'), eq(contents.kind, 'image')))
    .all();
  const work: XmpWork[] = [];
  for (const image of images) {
    if (!image.hash) continue;
    const stem = join(dirname(image.path), basename(image.path, extname(image.path))).toLowerCase();
    const own = [sidecars.get(image.path.toLowerCase()), sidecars.get(stem)].filter(
      (s): s is { path: string; hash: string } => s !== undefined,
    );
    const signature = own.map((s) => `${s.path}=${s.hash}`).join('\n');
    if (image.readHash === image.hash && image.readSidecars === signature) continue;
    work.push({ path: image.path, hash: image.hash, sidecars: own.map((s) => s.path), signature });
  }
  return work;
}

/** Forgets the read state of image paths that are no longer present images (their faces stay). */
export function forgetGoneSources(db: KindredDb): void {
  const gone = db
    .select({ path: xmpSources.path })
    .from(xmpSources)
    .leftJoin(files, and(eq(files.path, xmpSources.path), eq(files.status, 'present')))
    .where(sql`${files.id} is null`)
    .all()
    .map((row) => row.path);
  for (const chunk of chunked(gone)) {
    db.delete(xmpSources).where(sql`${xmpSources.path} in ${chunk}`).run();
  }
}

/** Records that an image's XMP was read (or could not be: `error`) for what it is now. */
export function recordSource(
  db: KindredDb,
  work: XmpWork,
  runId: number,
  result: { regions: number; error: string | null },
): void {
  // Once per image: plain SQL (Drizzle's query building cost more than the write).
  db.$client
    .prepare(
      `INSERT INTO xmp_sources (path, photo_hash, sidecars, regions, error, imported_run) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET photo_hash = excluded.photo_hash, sidecars = excluded.sidecars,
         regions = excluded.regions, error = excluded.error, imported_run = excluded.imported_run`,
    )
    .run(work.path, work.hash, work.signature, result.regions, result.error, runId);
}
