import { basename, dirname } from 'node:path';
import { contents, files, type KindredDb, photos } from '@kindred/db';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import exifr from 'exifr';
import { picasaGridFor } from '../picasa/orientation.js';
import { isPicasaOriginalsIni } from './import-picasa-read.js';

/**
 * Reads the EXIF Orientation of the camera-RAW photos beside the `.ini` files whose orientation Kindred
 * does not know yet. Picasa measured RAW faces on the stored grid, so their boxes need it; the faces
 * step, which records it for other photos, cannot decode RAW files. Run before the import, so the first
 * import turns RAW boxes upright. A file whose EXIF cannot be read stays unknown (orientation 1 is
 * assumed) and is tried again on the next import.
 */
export async function learnRawOrientations(db: KindredDb, iniPaths: readonly string[]): Promise<number> {
  const folders = new Set(iniPaths.filter((p) => !isPicasaOriginalsIni(p)).map((p) => `${dirname(p)}/`));
  if (folders.size === 0) return 0;
  const rows = db
    .select({ path: files.path, hash: files.contentHash })
    .from(files)
    .innerJoin(contents, eq(contents.hash, files.contentHash))
    .leftJoin(photos, eq(photos.hash, files.contentHash))
    .where(
      and(
        eq(files.status, 'present'),
        eq(contents.kind, 'image'),
        or(isNull(photos.hash), isNull(photos.orientation)),
        sql`lower(${files.path}) not like '%.jpg' and lower(${files.path}) not like '%.jpeg'`,
      ),
    )
    .all()
    .filter((row) => folders.has(`${dirname(row.path)}/`) && picasaGridFor(basename(row.path)) === 'stored');
  let learned = 0;
  for (const { path, hash } of rows) {
    if (!hash) continue;
    let orientation: number | undefined;
    try {
      orientation = (await exifr.orientation(path)) ?? 1;
    } catch {
      continue;
    }
    const value = Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : 1;
    db.insert(photos)
      .values({ hash, orientation: value })
      .onConflictDoUpdate({ target: photos.hash, set: { orientation: value } })
      .run();
    learned++;
  }
  return learned;
}
